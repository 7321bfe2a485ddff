import Decimal from 'decimal.js';
import { COMMAND_OPERATION_TYPES, EVENT_TYPES, FactsEventType } from './event-facts';
import { FieldReader, Parsed } from './field-reader';
import {
  AwardSpec, AwardType, ReferralTarget, Rounding, RuleConditions, RuleDefinition, RuleLimits,
  VALUE_CONDITIONS, ValueCondition,
} from './rule-definition';

/** A rule as an admin writes it, before it has an id. */
export type RuleInput = Omit<RuleDefinition, 'id'>;

const POINTS_SCALE = 2;
const AMOUNT_SCALE = 4;
const MAX_PRIORITY = 1_000_000_000;
const MAX_EXPIRES_IN_DAYS = 36_500;

const CONDITION_KEYS = [
  'eventTypes', 'operationTypes', 'products', 'minAmount', 'maxAmount', 'kpis', 'daysOfWeek', ...Object.keys(VALUE_CONDITIONS),
];
const AWARD_FIELDS: Record<AwardType, readonly string[]> = {
  fixed: ['points'],
  percent: ['percent'],
  perAmount: ['points', 'step'],
  perProductUnit: ['points'],
  kpiFactor: ['kpi', 'factor'],
};
export const AWARD_TYPES = Object.keys(AWARD_FIELDS) as AwardType[];
const ROUNDINGS: readonly Rounding[] = ['floor', 'round', 'none'];
const TARGETS: readonly ReferralTarget[] = ['referrer', 'referred', 'both'];
const LIMIT_KEYS = ['maxPointsPerEvent', 'maxPointsPerCustomerPerDay', 'maxPointsPerCustomerPerMonth', 'budget'] as const;

/**
 * Validates a whole rule (SPEC §6) and returns it normalised: numbers as canonical decimal
 * strings, dates as ISO UTC, defaults filled in (active true, priority 0, rounding none, target
 * referred, exclusive false). Fields other than the rule's own (such as `id` or `budgetUsed` of a
 * rule read back) are ignored; unknown keys inside `when`, `award` and `limits` are errors.
 */
export function parseRule(input: unknown): Parsed<RuleInput> {
  const r = new FieldReader();
  const body = r.object('rule', input);
  if (!body) return { ok: false, errors: r.errors };

  const name = r.string('name', body.name);
  const active = body.active === undefined ? true : r.boolean('active', body.active);
  const priority = body.priority === undefined ? 0 : r.integer('priority', body.priority, -MAX_PRIORITY, MAX_PRIORITY);
  const validFrom = body.validFrom == null ? null : r.dateTime('validFrom', body.validFrom);
  const validTo = body.validTo == null ? null : r.dateTime('validTo', body.validTo);
  if (validFrom && validTo && Date.parse(validTo) <= Date.parse(validFrom)) r.fail('validTo', 'must be after validFrom');
  const when = body.when === undefined ? r.fail('when', 'is required (use {} to match every event)') : readConditions(r, body.when);
  const award = body.award === undefined ? r.fail('award', 'is required') : readAward(r, body.award);
  const limits = body.limits == null ? null : readLimits(r, body.limits);
  const expiresInDays = body.expiresInDays == null ? null : r.integer('expiresInDays', body.expiresInDays, 1, MAX_EXPIRES_IN_DAYS);
  const exclusive = body.exclusive === undefined ? false : r.boolean('exclusive', body.exclusive);

  return r.result({
    name: name!, active: active!, priority: priority!, validFrom: validFrom!, validTo: validTo!, when: when!, award: award!,
    limits: limits!, expiresInDays: expiresInDays!, exclusive: exclusive!,
  });
}

function readConditions(r: FieldReader, value: unknown): RuleConditions | undefined {
  const when = r.object('when', value);
  if (!when) return undefined;
  const errorsBefore = r.errors.length;
  r.onlyKeys('when', when, CONDITION_KEYS, 'a known condition');
  const out: RuleConditions = {};
  const codes = (key: string) => r.list(`when.${key}`, when[key], (p, v) => r.code(p, v));

  if (when.eventTypes !== undefined) {
    out.eventTypes = r.list<FactsEventType>('when.eventTypes', when.eventTypes, (p, v) => r.oneOf(p, v, EVENT_TYPES));
  }
  if (when.operationTypes !== undefined) {
    out.operationTypes = r.list<string>('when.operationTypes', when.operationTypes, (p, v) => r.oneOf(p, v, COMMAND_OPERATION_TYPES));
  }
  for (const key of Object.keys(VALUE_CONDITIONS) as ValueCondition[]) if (when[key] !== undefined) out[key] = codes(key);
  if (when.products !== undefined) out.products = codes('products');
  if (when.minAmount !== undefined) out.minAmount = r.decimal('when.minAmount', when.minAmount, AMOUNT_SCALE, 'nonNegative');
  if (when.maxAmount !== undefined) out.maxAmount = r.decimal('when.maxAmount', when.maxAmount, AMOUNT_SCALE, 'nonNegative');
  if (out.minAmount !== undefined && out.maxAmount !== undefined && new Decimal(out.maxAmount).lt(out.minAmount)) {
    r.fail('when.maxAmount', 'must not be less than when.minAmount');
  }
  if (when.kpis !== undefined) out.kpis = r.list('when.kpis', when.kpis, (p, v) => readKpiCondition(r, p, v));
  if (when.daysOfWeek !== undefined) {
    const days = r.list('when.daysOfWeek', when.daysOfWeek, (p, v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7 ? v : r.fail(p, 'must be an ISO day of the week: 1 = Monday … 7 = Sunday'),
    );
    out.daysOfWeek = days?.sort((a, b) => a - b);
  }
  return r.errors.length > errorsBefore ? undefined : out;
}

function readKpiCondition(r: FieldReader, path: string, value: unknown): { code: string; min?: string } | undefined {
  const kpi = r.object(path, value);
  if (!kpi) return undefined;
  r.onlyKeys(path, kpi, ['code', 'min'], 'a field of a KPI condition (code, min)');
  const code = r.code(`${path}.code`, kpi.code);
  if (kpi.min === undefined) return code === undefined ? undefined : { code };
  const min = r.decimal(`${path}.min`, kpi.min, AMOUNT_SCALE, 'any');
  return code === undefined || min === undefined ? undefined : { code, min };
}

function readAward(r: FieldReader, value: unknown): AwardSpec | undefined {
  const award = r.object('award', value);
  if (!award) return undefined;
  const type = r.oneOf('award.type', award.type, AWARD_TYPES);
  if (!type) return undefined;
  const errorsBefore = r.errors.length;
  r.onlyKeys('award', award, ['type', 'rounding', 'target', ...AWARD_FIELDS[type]], `a field of a ${type} award`);
  const rounding = award.rounding === undefined ? 'none' : r.oneOf('award.rounding', award.rounding, ROUNDINGS);
  const target = award.target === undefined ? 'referred' : r.oneOf('award.target', award.target, TARGETS);
  const points = () => r.decimal('award.points', award.points, POINTS_SCALE, 'positive')!;
  let spec: AwardSpec;
  switch (type) {
    case 'fixed':
      spec = { type, points: points(), rounding: rounding!, target: target! };
      break;
    case 'percent':
      spec = { type, percent: r.decimal('award.percent', award.percent, AMOUNT_SCALE, 'positive')!, rounding: rounding!, target: target! };
      break;
    case 'perAmount':
      spec = { type, points: points(), step: r.decimal('award.step', award.step, AMOUNT_SCALE, 'positive')!, rounding: rounding!, target: target! };
      break;
    case 'perProductUnit':
      spec = { type, points: points(), rounding: rounding!, target: target! };
      break;
    case 'kpiFactor':
      spec = {
        type, kpi: r.code('award.kpi', award.kpi)!, factor: r.decimal('award.factor', award.factor, AMOUNT_SCALE, 'positive')!,
        rounding: rounding!, target: target!,
      };
      break;
  }
  return r.errors.length > errorsBefore ? undefined : spec;
}

function readLimits(r: FieldReader, value: unknown): RuleLimits | null | undefined {
  const limits = r.object('limits', value);
  if (!limits) return undefined;
  const errorsBefore = r.errors.length;
  r.onlyKeys('limits', limits, LIMIT_KEYS, `a limit (${LIMIT_KEYS.join(', ')})`);
  const out: RuleLimits = {};
  for (const key of LIMIT_KEYS) {
    if (limits[key] != null) out[key] = r.decimal(`limits.${key}`, limits[key], POINTS_SCALE, 'nonNegative');
  }
  if (r.errors.length > errorsBefore) return undefined;
  return Object.keys(out).length ? out : null;
}
