import Decimal from 'decimal.js';
import { EventFacts } from './event-facts';
import { isoDayOfWeek } from './periods';
import { AwardSpec, Rounding, RuleDefinition, VALUE_CONDITIONS, ValueCondition } from './rule-definition';

/** Exact arithmetic with room for DECIMAL(18,4) × percent without losing digits. */
export const D = Decimal.clone({ precision: 40 });
export type Dec = InstanceType<typeof D>;

type FactField = (typeof VALUE_CONDITIONS)[ValueCondition];

/** A rule prepared once for fast matching: sets of lower-cased codes, parsed times and decimals. */
export interface CompiledRule {
  rule: RuleDefinition;
  from: number;
  to: number;
  eventTypes: Set<string> | null;
  operationTypes: Set<string> | null;
  values: Array<{ field: FactField; codes: Set<string> }>;
  products: Set<string> | null;
  minAmount: Dec | null;
  maxAmount: Dec | null;
  kpis: Array<{ code: string; min: Dec | null }>;
  days: Set<number> | null;
  maxPerEvent: Dec | null;
  maxPerDay: Dec | null;
  maxPerMonth: Dec | null;
  budget: Dec | null;
}

const compiledLists = new WeakMap<readonly RuleDefinition[], CompiledRule[]>();

/**
 * The active rules in evaluation order — priority descending, then id ascending (numerically) —
 * compiled. Compiled once per list object, so the rule cache's list costs nothing per event;
 * a list must not be changed after it has been evaluated.
 */
export function compileRules(rules: readonly RuleDefinition[]): CompiledRule[] {
  let compiled = compiledLists.get(rules);
  if (!compiled) {
    compiled = sortRules(rules.filter((rule) => rule.active)).map(compileRule);
    compiledLists.set(rules, compiled);
  }
  return compiled;
}

export function sortRules<T extends { priority: number; id: string }>(rules: T[]): T[] {
  return [...rules].sort((a, b) => b.priority - a.priority || compareIds(a.id, b.id));
}

/** Numeric order of id strings (bigint ids), without converting them. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const lower = (codes: string[]) => new Set(codes.map((c) => c.toLowerCase()));
const decimalOrNull = (value: string | undefined) => (value === undefined ? null : new D(value));

function compileRule(rule: RuleDefinition): CompiledRule {
  const when = rule.when;
  const values: CompiledRule['values'] = [];
  for (const [condition, field] of Object.entries(VALUE_CONDITIONS) as Array<[ValueCondition, FactField]>) {
    const codes = when[condition];
    if (codes) values.push({ field, codes: lower(codes) });
  }
  return {
    rule,
    from: rule.validFrom ? Date.parse(rule.validFrom) : -Infinity,
    to: rule.validTo ? Date.parse(rule.validTo) : Infinity,
    eventTypes: when.eventTypes ? new Set(when.eventTypes) : null,
    operationTypes: when.operationTypes ? new Set(when.operationTypes) : null,
    values,
    products: when.products ? lower(when.products) : null,
    minAmount: decimalOrNull(when.minAmount),
    maxAmount: decimalOrNull(when.maxAmount),
    kpis: (when.kpis ?? []).map((k) => ({ code: k.code.toLowerCase(), min: decimalOrNull(k.min) })),
    days: when.daysOfWeek ? new Set(when.daysOfWeek) : null,
    maxPerEvent: decimalOrNull(rule.limits?.maxPointsPerEvent),
    maxPerDay: decimalOrNull(rule.limits?.maxPointsPerCustomerPerDay),
    maxPerMonth: decimalOrNull(rule.limits?.maxPointsPerCustomerPerMonth),
    budget: decimalOrNull(rule.limits?.budget),
  };
}

/** Whether the event is in the rule's validity window and meets every condition it gives. */
export function ruleMatches(c: CompiledRule, facts: EventFacts, time: number): boolean {
  if (time < c.from || time > c.to) return false;
  if (c.eventTypes && !c.eventTypes.has(facts.eventType)) return false;
  if (c.operationTypes && !(facts.operationType && c.operationTypes.has(facts.operationType))) return false;
  for (const { field, codes } of c.values) {
    const value = facts[field];
    if (value === undefined || !codes.has(value.toLowerCase())) return false;
  }
  if (c.products && !(facts.products ?? []).some((p) => c.products!.has(p.code.toLowerCase()))) return false;
  if (c.minAmount || c.maxAmount) {
    if (facts.amount === undefined) return false;
    const amount = new D(facts.amount);
    if ((c.minAmount && amount.lt(c.minAmount)) || (c.maxAmount && amount.gt(c.maxAmount))) return false;
  }
  for (const kpi of c.kpis) {
    const measured = kpiValue(facts, kpi.code);
    if (measured === null || (kpi.min && measured.lt(kpi.min))) return false;
  }
  if (c.days && !c.days.has(isoDayOfWeek(time))) return false;
  return true;
}

function kpiValue(facts: EventFacts, lowerCode: string): Dec | null {
  const kpi = facts.kpis?.find((k) => k.code.toLowerCase() === lowerCode);
  return kpi ? new D(kpi.value) : null;
}

/** The points the award gives for the event, rounded as the rule says; zero when there is nothing to base it on. */
export function awardPoints(c: CompiledRule, facts: EventFacts): Dec {
  return roundPoints(rawPoints(c, c.rule.award, facts), c.rule.award.rounding);
}

function rawPoints(c: CompiledRule, award: AwardSpec, facts: EventFacts): Dec {
  const amount = facts.amount === undefined ? null : new D(facts.amount);
  switch (award.type) {
    case 'fixed':
      return new D(award.points);
    case 'percent':
      return amount ? amount.times(award.percent).div(100) : new D(0);
    case 'perAmount':
      return amount ? amount.div(award.step).floor().times(award.points) : new D(0);
    case 'perProductUnit': {
      const units = (facts.products ?? [])
        .filter((p) => !c.products || c.products.has(p.code.toLowerCase()))
        .reduce((sum, p) => sum.plus(p.quantity), new D(0));
      return units.times(award.points);
    }
    case 'kpiFactor':
      return (kpiValue(facts, award.kpi.toLowerCase()) ?? new D(0)).times(award.factor);
  }
}

/** floor: whole points down; round: whole points half-up; none: 2 decimals, the rest dropped. */
export function roundPoints(points: Dec, rounding: Rounding): Dec {
  switch (rounding) {
    case 'floor':
      return points.toDecimalPlaces(0, Decimal.ROUND_FLOOR);
    case 'round':
      return points.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    case 'none':
      return points.toDecimalPlaces(2, Decimal.ROUND_FLOOR);
  }
}

/** A capped award keeps the rule's granularity without exceeding the cap: whole points for floor/round rules. */
export function capPoints(points: Dec, cap: Dec, rounding: Rounding): Dec {
  if (points.lte(cap)) return points;
  return cap.toDecimalPlaces(rounding === 'none' ? 2 : 0, Decimal.ROUND_FLOOR);
}
