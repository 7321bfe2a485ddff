import { formatCents, toCents } from '../../src/common/decimal/cents';
import { EventFacts } from '../../src/modules/rewards-rules/domain/event-facts';
import { periodsOf } from '../../src/modules/rewards-rules/domain/periods';
import { RuleDefinition } from '../../src/modules/rewards-rules/domain/rule-definition';
import { evaluateEvent, evaluateRefund, RuleAward, UsageSnapshot } from '../../src/modules/rewards-rules/domain/rule-evaluator';

/** A processed event of the sample, as the register holds it after the drain. */
export interface SampledEvent {
  id: string;
  /** Register order (a bigint as a string). */
  number: string;
  /** processed_at as `YYYY-MM-DD hh:mm:ss.fff`: the time of the transaction that applied it. */
  processedAt: string;
  accountId: string;
  facts: EventFacts;
  /** What the register reports the event's own account gained (negative for a refund). */
  points: string;
  error: string | null;
}

/** A ledger line written for a sampled event. */
export interface BookedLine {
  eventId: string;
  accountId: string;
  ruleId: string | null;
  type: string;
  /** Signed, as stored: reversals are negative. */
  points: string;
}

/** An accrual of a rule with a day or month limit to a sampled account, from any event, with when that event was applied. */
export interface LimitedAccrual {
  ruleId: string;
  accountId: string;
  points: string;
  performedOn: string;
  number: string;
  processedAt: string;
}

/** A rule_usage row of a day- or month-limited rule. */
export interface UsageRow {
  ruleId: string;
  accountId: string;
  period: string;
  points: string;
}

export type AwardCheckName = 'award-differs' | 'refund-shortfall-differs' | 'event-points-differ' | 'usage-differs-from-ledger';

export interface AwardFinding {
  check: AwardCheckName;
  subject: string;
  detail: string;
}

export interface AwardComparison {
  events: number;
  refunds: number;
  /** Awards compared: (account, rule, accrual or reversal) the rules give or the ledger holds for a sampled event. */
  awards: number;
  /** Accruals a day or month limit reduced (or dropped) in the replay, each checked to the cent. */
  limited: number;
  /** Accruals accepted below the rules' figure because the rule's budget is exhausted (not replayed, see budgetsExhausted). */
  budgetCapped: number;
  budgetsExhausted: string[];
  findings: AwardFinding[];
}

const NO_USAGE: UsageSnapshot = { customerDay: () => '0', customerMonth: () => '0', budgetRemaining: () => null };
const SHORTFALL = /([0-9]+(?:\.[0-9]+)?) points not reversed/;

const compareNumbers = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order in which the app applied two events of one customer. A customer's events are applied by
 * one partition job at a time, each chunk in one transaction stamped with one processed_at and its
 * events settled in register order, so (processed_at, number) is the order its limits were used in.
 */
export function appliedBefore(a: { processedAt: string; number: string }, b: { processedAt: string; number: string }): boolean {
  if (a.processedAt !== b.processedAt) return a.processedAt < b.processedAt;
  return compareNumbers(a.number, b.number) < 0;
}

/**
 * Budgets that may have capped an award. Budget use only grows, and an award the budget capped
 * leaves less room than the rule's grain (a hundredth, or a whole point for rounded rules), so a
 * budget with at least that much room left after the drain never capped anything.
 */
export function exhaustedBudgets(rules: readonly RuleDefinition[], budgetUsed: ReadonlyMap<string, string>): Set<string> {
  const exhausted = new Set<string>();
  for (const rule of rules) {
    if (rule.limits?.budget === undefined) continue;
    const room = toCents(rule.limits.budget) - toCents(budgetUsed.get(rule.id) ?? '0');
    const grain = rule.award.rounding === 'none' ? 1n : 100n;
    if (room < grain) exhausted.add(rule.id);
  }
  return exhausted;
}

/**
 * The day/month usage an event saw: the accruals of its account by the limited rules, of events the
 * app applied before it, summed per rule and period, read from the ledger instead of rule_usage.
 * Budgets read as absent (see exhaustedBudgets).
 */
export function usageBefore(event: SampledEvent, accruals: readonly LimitedAccrual[]): UsageSnapshot {
  const sums = new Map<string, bigint>();
  for (const accrual of accruals) {
    if (accrual.accountId !== event.accountId || !appliedBefore(accrual, event)) continue;
    const { day, month } = periodsOf(accrual.performedOn);
    for (const period of [day, month]) {
      const key = `${accrual.ruleId}:${period}`;
      sums.set(key, (sums.get(key) ?? 0n) + toCents(accrual.points));
    }
  }
  const read = (ruleId: string, accountId: string, period: string): string => {
    if (accountId !== event.accountId) throw new Error(`usage of account ${accountId} asked for event ${event.id} of account ${event.accountId}`);
    return formatCents(sums.get(`${ruleId}:${period}`) ?? 0n);
  };
  return { customerDay: read, customerMonth: read, budgetRemaining: () => null };
}

const awardKey = (type: string, accountId: string, ruleId: string | null) => `${type}:${accountId}:${ruleId ?? '-'}`;

/**
 * Each sampled event evaluated alone by the rules — with the day/month usage its account had from the
 * events applied before it — against the ledger lines booked for it: accruals must equal the rules'
 * award to the cent (below it only for a rule whose budget is exhausted); a refund's reversals may
 * fall short of the rules' figure only by the shortfall the event reports; the event's reported
 * points must equal its own account's lines; and rule_usage must equal the ledger's accruals for every
 * limited rule, account and period the sample touches.
 */
export function compareAwards(input: {
  rules: readonly RuleDefinition[];
  budgetUsed: ReadonlyMap<string, string>;
  sample: readonly SampledEvent[];
  booked: readonly BookedLine[];
  accruals: readonly LimitedAccrual[];
  usage: readonly UsageRow[];
}): AwardComparison {
  const { rules, sample } = input;
  const names = new Map(rules.map((r) => [r.id, r.name]));
  const ruleLabel = (id: string | null) => (id === null ? 'no rule' : `rule ${id} (${names.get(id) ?? 'not a bench rule'})`);
  const budgetsExhausted = exhaustedBudgets(rules, input.budgetUsed);
  const bookedByEvent = groupBy(input.booked, (line) => line.eventId);
  const accrualsByAccount = groupBy(input.accruals, (accrual) => accrual.accountId);
  const findings: AwardFinding[] = [];
  const result = { events: sample.length, refunds: 0, awards: 0, limited: 0, budgetCapped: 0 };

  for (const event of sample) {
    const refund = event.facts.operationType === 'refund';
    if (refund) result.refunds += 1;
    const accruals = accrualsByAccount.get(event.accountId) ?? [];
    const expected = refund
      ? evaluateRefund(event.facts, event.accountId, rules)
      : evaluateEvent(event.facts, event.accountId, rules, usageBefore(event, accruals)).awards;
    const type = refund ? 'reversal' : 'accrual';
    const want = amounts(expected.map((a) => ({ key: awardKey(type, a.accountId, a.ruleId), points: a.points })));
    if (!refund) result.limited += limitedCount(expected, evaluateEvent(event.facts, event.accountId, rules, NO_USAGE).awards);

    const lines = bookedByEvent.get(event.id) ?? [];
    // Reversals are stored negative; compared as the points taken back.
    const got = amounts(lines.map((l) => ({ key: awardKey(l.type, l.accountId, l.ruleId), points: l.type === 'reversal' ? negate(l.points) : l.points })));
    let shortfall = 0n;
    for (const key of new Set([...want.keys(), ...got.keys()])) {
      result.awards += 1;
      const [lineType, accountId, rawRule] = key.split(':');
      const ruleId = rawRule === '-' ? null : rawRule;
      const given = want.get(key) ?? 0n;
      const booked = got.get(key) ?? 0n;
      if (booked === given) continue;
      if (lineType === 'accrual' && ruleId !== null && budgetsExhausted.has(ruleId) && booked >= 0n && booked < given) {
        result.budgetCapped += 1;
        continue;
      }
      if (lineType === 'reversal' && booked >= 0n && booked < given) {
        shortfall += given - booked;
        continue;
      }
      findings.push({
        check: 'award-differs', subject: `event ${event.id}`,
        detail: `${lineType} of ${ruleLabel(ruleId)} to account ${accountId}: booked ${formatCents(booked)}, the rules give ${formatCents(given)}`,
      });
    }

    const stated = SHORTFALL.exec(event.error ?? '');
    const statedShortfall = stated ? toCents(stated[1]) : 0n;
    if (statedShortfall !== shortfall) {
      findings.push({
        check: 'refund-shortfall-differs', subject: `event ${event.id}`,
        detail: `reversals fall ${formatCents(shortfall)} short of the rules' figure, the event reports ${formatCents(statedShortfall)} not reversed`,
      });
    }
    const own = lines.filter((l) => l.accountId === event.accountId).reduce((sum, l) => sum + toCents(l.points), 0n);
    if (own !== toCents(event.points)) {
      findings.push({
        check: 'event-points-differ', subject: `event ${event.id}`,
        detail: `the register reports ${event.points} points, its account's ledger lines for it sum to ${formatCents(own)}`,
      });
    }
  }

  findings.push(...usageFindings(rules, sample, input.accruals, input.usage));
  return { ...result, budgetsExhausted: [...budgetsExhausted], findings };
}

/** rule_usage against the sum of the ledger's accruals, for each limited rule, sampled account and period of a sampled purchase. */
function usageFindings(
  rules: readonly RuleDefinition[], sample: readonly SampledEvent[], accruals: readonly LimitedAccrual[], usage: readonly UsageRow[],
): AwardFinding[] {
  const stored = new Map(usage.map((u) => [`${u.ruleId}:${u.accountId}:${u.period}`, toCents(u.points)]));
  const ledger = new Map<string, bigint>();
  for (const accrual of accruals) {
    const { day, month } = periodsOf(accrual.performedOn);
    for (const period of [day, month]) {
      const key = `${accrual.ruleId}:${accrual.accountId}:${period}`;
      ledger.set(key, (ledger.get(key) ?? 0n) + toCents(accrual.points));
    }
  }
  const keys = new Set<string>();
  for (const event of sample) {
    if (event.facts.operationType === 'refund') continue;
    const { day, month } = periodsOf(event.facts.performedOn);
    for (const rule of rules) {
      if (rule.limits?.maxPointsPerCustomerPerDay !== undefined) keys.add(`${rule.id}:${event.accountId}:${day}`);
      if (rule.limits?.maxPointsPerCustomerPerMonth !== undefined) keys.add(`${rule.id}:${event.accountId}:${month}`);
    }
  }
  const findings: AwardFinding[] = [];
  for (const key of keys) {
    const inTable = stored.get(key) ?? 0n;
    const inLedger = ledger.get(key) ?? 0n;
    if (inTable === inLedger) continue;
    const [ruleId, accountId, period] = key.split(':');
    findings.push({
      check: 'usage-differs-from-ledger', subject: `rule ${ruleId}, account ${accountId}, ${period}`,
      detail: `rule_usage ${formatCents(inTable)}, accruals in the ledger ${formatCents(inLedger)}`,
    });
  }
  return findings;
}

/** How many of the limited evaluation's accruals are below the same evaluation with no usage at all. */
function limitedCount(limited: readonly RuleAward[], free: readonly RuleAward[]): number {
  const given = amounts(limited.map((a) => ({ key: awardKey('accrual', a.accountId, a.ruleId), points: a.points })));
  return free.filter((a) => (given.get(awardKey('accrual', a.accountId, a.ruleId)) ?? 0n) < toCents(a.points)).length;
}

function amounts(entries: ReadonlyArray<{ key: string; points: string }>): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const { key, points } of entries) sums.set(key, (sums.get(key) ?? 0n) + toCents(points));
  return sums;
}

const negate = (points: string) => formatCents(-toCents(points));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
