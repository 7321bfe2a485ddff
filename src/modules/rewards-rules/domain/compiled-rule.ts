import { EventFacts } from './event-facts';
import { add, compare, Fixed, fixed, floorCents, shift, times, wholeCents, wholeSteps, ZERO } from './fixed-point';
import { isoDayOfWeek } from './periods';
import { AwardSpec, Rounding, RuleDefinition, VALUE_CONDITIONS, ValueCondition } from './rule-definition';

type FactField = (typeof VALUE_CONDITIONS)[ValueCondition];

/** A rule prepared once for fast matching: sets of lower-cased codes, parsed times and exact decimals; limits in hundredths. */
export interface CompiledRule {
  rule: RuleDefinition;
  from: number;
  to: number;
  eventTypes: Set<string> | null;
  operationTypes: Set<string> | null;
  values: Array<{ field: FactField; codes: Set<string> }>;
  products: Set<string> | null;
  minAmount: Fixed | null;
  maxAmount: Fixed | null;
  kpis: Array<{ code: string; min: Fixed | null }>;
  days: Set<number> | null;
  award: CompiledAward;
  maxPerEvent: bigint | null;
  maxPerDay: bigint | null;
  maxPerMonth: bigint | null;
  budget: bigint | null;
}

/** The award's numbers, parsed once. */
type CompiledAward =
  | { type: 'fixed'; points: Fixed }
  | { type: 'percent'; percent: Fixed }
  | { type: 'perAmount'; points: Fixed; step: Fixed }
  | { type: 'perProductUnit'; points: Fixed }
  | { type: 'kpiFactor'; kpi: string; factor: Fixed };

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
const decimalOrNull = (value: string | undefined) => (value === undefined ? null : fixed(value));
/** A limit in hundredths: a limit's extra decimals never change an award, which is whole hundredths. */
const centsOrNull = (value: string | undefined) => (value === undefined ? null : floorCents(fixed(value)));

function compileAward(award: AwardSpec): CompiledAward {
  switch (award.type) {
    case 'fixed':
      return { type: 'fixed', points: fixed(award.points) };
    case 'percent':
      return { type: 'percent', percent: fixed(award.percent) };
    case 'perAmount':
      return { type: 'perAmount', points: fixed(award.points), step: fixed(award.step) };
    case 'perProductUnit':
      return { type: 'perProductUnit', points: fixed(award.points) };
    case 'kpiFactor':
      return { type: 'kpiFactor', kpi: award.kpi.toLowerCase(), factor: fixed(award.factor) };
  }
}

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
    award: compileAward(rule.award),
    maxPerEvent: centsOrNull(rule.limits?.maxPointsPerEvent),
    maxPerDay: centsOrNull(rule.limits?.maxPointsPerCustomerPerDay),
    maxPerMonth: centsOrNull(rule.limits?.maxPointsPerCustomerPerMonth),
    budget: centsOrNull(rule.limits?.budget),
  };
}

/** An event's numbers, parsed once for all rules. */
export interface FactNumbers {
  amount: Fixed | null;
  kpis: Map<string, Fixed>;
}

export function factNumbers(facts: EventFacts): FactNumbers {
  const kpis = new Map<string, Fixed>();
  for (const kpi of facts.kpis ?? []) {
    const code = kpi.code.toLowerCase();
    if (!kpis.has(code)) kpis.set(code, fixed(kpi.value));
  }
  return { amount: facts.amount === undefined ? null : fixed(facts.amount), kpis };
}

/** Whether the event is in the rule's validity window and meets every condition it gives. */
export function ruleMatches(c: CompiledRule, facts: EventFacts, numbers: FactNumbers, time: number): boolean {
  if (time < c.from || time > c.to) return false;
  if (c.eventTypes && !c.eventTypes.has(facts.eventType)) return false;
  if (c.operationTypes && !(facts.operationType && c.operationTypes.has(facts.operationType))) return false;
  for (const { field, codes } of c.values) {
    const value = facts[field];
    if (value === undefined || !codes.has(value.toLowerCase())) return false;
  }
  if (c.products && !(facts.products ?? []).some((p) => c.products!.has(p.code.toLowerCase()))) return false;
  if (c.minAmount || c.maxAmount) {
    const amount = numbers.amount;
    if (amount === null) return false;
    if ((c.minAmount && compare(amount, c.minAmount) < 0) || (c.maxAmount && compare(amount, c.maxAmount) > 0)) return false;
  }
  for (const kpi of c.kpis) {
    const measured = numbers.kpis.get(kpi.code);
    if (measured === undefined || (kpi.min && compare(measured, kpi.min) < 0)) return false;
  }
  if (c.days && !c.days.has(isoDayOfWeek(time))) return false;
  return true;
}

/** The points (hundredths) the award gives for the event, rounded as the rule says; zero when there is nothing to base it on. */
export function awardPoints(c: CompiledRule, facts: EventFacts, numbers: FactNumbers): bigint {
  return roundPoints(rawPoints(c, facts, numbers), c.rule.award.rounding);
}

function rawPoints(c: CompiledRule, facts: EventFacts, numbers: FactNumbers): Fixed {
  const award = c.award;
  const amount = numbers.amount;
  switch (award.type) {
    case 'fixed':
      return award.points;
    case 'percent':
      return amount ? shift(times(amount, award.percent), 2) : ZERO;
    case 'perAmount':
      return amount ? times({ n: wholeSteps(amount, award.step), scale: 0 }, award.points) : ZERO;
    case 'perProductUnit': {
      let units = ZERO;
      for (const p of facts.products ?? []) {
        if (!c.products || c.products.has(p.code.toLowerCase())) units = add(units, fixed(p.quantity));
      }
      return times(units, award.points);
    }
    case 'kpiFactor':
      return times(numbers.kpis.get(award.kpi) ?? ZERO, award.factor);
  }
}

/** floor: whole points down; round: whole points half-up; none: 2 decimals, the rest dropped. In hundredths. */
export function roundPoints(points: Fixed, rounding: Rounding): bigint {
  switch (rounding) {
    case 'floor':
      return wholeCents(points, false);
    case 'round':
      return wholeCents(points, true);
    case 'none':
      return floorCents(points);
  }
}

/** A capped award keeps the rule's granularity without exceeding the cap: whole points for floor/round rules. */
export function capPoints(points: bigint, cap: bigint, rounding: Rounding): bigint {
  if (points <= cap) return points;
  return rounding === 'none' ? cap : wholeCents({ n: cap, scale: 2 }, false);
}
