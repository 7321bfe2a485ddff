import { awardPoints, capPoints, CompiledRule, compileRules, D, Dec, ruleMatches } from './compiled-rule';
import { EventFacts } from './event-facts';
import { periodsOf } from './periods';
import { RuleDefinition } from './rule-definition';

export { periodsOf } from './periods';

/** What the accounts and rules have used so far, read under lock by the caller. Points are decimal strings. */
export interface UsageSnapshot {
  customerDay(ruleId: string, accountId: string, period: string): string;
  customerMonth(ruleId: string, accountId: string, period: string): string;
  /** null: the rule has no budget. */
  budgetRemaining(ruleId: string): string | null;
}

export type AwardRole = 'self' | 'referrer' | 'referred';

/** Points one rule gives one account for one event. */
export interface RuleAward {
  ruleId: string;
  ruleName: string;
  accountId: string;
  role: AwardRole;
  /** Positive, 2 decimals. */
  points: string;
  /** The event's date plus the rule's expiresInDays; null when the points do not expire. */
  expiresAt: string | null;
}

/**
 * Usage an evaluation consumed, to be recorded in the same transaction as the accruals:
 * `customer` rows feed the per-day/month limits (written only for rules that have that limit),
 * `budget` the rule's total budget (only for rules with a budget).
 */
export type UsageDelta =
  | { kind: 'customer'; ruleId: string; accountId: string; period: string; points: string }
  | { kind: 'budget'; ruleId: string; points: string };

export interface BatchItem {
  key: string;
  facts: EventFacts;
  accountId: string;
  /** A refund: evaluated as the purchase it reverses (see evaluateRefund). */
  refund?: boolean;
}

export interface EvaluationResult {
  awards: RuleAward[];
  usage: UsageDelta[];
}

export interface BatchResult {
  /** Every item's key, with its awards (possibly none). */
  awards: Map<string, RuleAward[]>;
  /** Usage of the whole batch, summed per rule/account/period and per rule budget. */
  usage: UsageDelta[];
}

/**
 * Applies the rules to one event. Only active rules valid at the event's date take part, in
 * priority order (higher first, then by id); every matching rule awards, except that a matching
 * exclusive rule stops the ones after it — even when its limits leave it nothing to give.
 * An award is capped by the rule's limits (per event, per receiving account and UTC day/month of
 * the event, total budget); one capped to zero is dropped.
 */
export function evaluateEvent(facts: EventFacts, accountId: string, rules: readonly RuleDefinition[], usage: UsageSnapshot): EvaluationResult {
  const ledger = new UsageLedger(usage);
  const awards = evaluateWith(compileRules(rules), facts, accountId, ledger, false);
  return { awards, usage: ledger.deltas() };
}

/**
 * Evaluates items in the given order, each seeing the usage taken by the ones before it, so the
 * limits hold exactly within the batch as they do across batches. Keys must be unique. A
 * `blocked` account receives no accrual and uses no limit or budget; its party to a referral still
 * earns. Refunds are reversed whoever they concern: taking points back is not an accrual.
 */
export function evaluateBatch(
  items: readonly BatchItem[],
  rules: readonly RuleDefinition[],
  usage: UsageSnapshot,
  blocked: (accountId: string) => boolean = () => false,
): BatchResult {
  const compiled = compileRules(rules);
  const ledger = new UsageLedger(usage);
  const awards = new Map<string, RuleAward[]>();
  for (const item of items) {
    if (awards.has(item.key)) throw new Error(`Duplicate batch key ${item.key}`);
    const facts = item.refund ? refundFactsAsPurchase(item.facts) : item.facts;
    awards.set(item.key, evaluateWith(compiled, facts, item.accountId, ledger, !!item.refund, blocked));
  }
  return { awards, usage: ledger.deltas() };
}

/**
 * The points a refund reverses: what a purchase of that amount would earn, capped per event but
 * not by the day/month/budget room — that room counts points awarded, and taking points back does
 * not give it back (nor consume it), so a refund needs no usage. The caller reverses these awards
 * without going below a zero balance.
 */
export function evaluateRefund(facts: EventFacts, accountId: string, rules: readonly RuleDefinition[]): RuleAward[] {
  return evaluateWith(compileRules(rules), refundFactsAsPurchase(facts), accountId, new UsageLedger(NO_USAGE), true);
}

/** A refund seen as the purchase it undoes. */
export function refundFactsAsPurchase(facts: EventFacts): EventFacts {
  return facts.operationType === 'refund' ? { ...facts, operationType: 'purchase' } : { ...facts };
}

/** Which usage evaluating these items may read: pass it to the service's loadUsage. */
export function usageScope(
  items: ReadonlyArray<{ facts: EventFacts; accountId: string }>,
  rules: readonly RuleDefinition[],
): { ruleIds: string[]; accountIds: string[]; periods: string[] } {
  const ruleIds = compileRules(rules)
    .filter((c) => c.maxPerDay || c.maxPerMonth || c.budget)
    .map((c) => c.rule.id);
  const accountIds = new Set<string>();
  const periods = new Set<string>();
  for (const { facts, accountId } of items) {
    accountIds.add(accountId);
    if (facts.referral) {
      accountIds.add(facts.referral.referrerAccountId);
      accountIds.add(facts.referral.referredAccountId);
    }
    const { day, month } = periodsOf(facts.performedOn);
    periods.add(day).add(month);
  }
  return { ruleIds, accountIds: [...accountIds], periods: [...periods] };
}

const NO_USAGE: UsageSnapshot = { customerDay: () => '0', customerMonth: () => '0', budgetRemaining: () => null };
const DAY_MS = 86_400_000;

function evaluateWith(
  rules: CompiledRule[], facts: EventFacts, accountId: string, ledger: UsageLedger, refund: boolean,
  blocked: (accountId: string) => boolean = () => false,
): RuleAward[] {
  const time = Date.parse(facts.performedOn);
  if (Number.isNaN(time)) throw new Error(`Invalid performedOn ${facts.performedOn}`);
  const { day, month } = periodsOf(facts.performedOn);
  const awards: RuleAward[] = [];
  for (const c of rules) {
    if (!ruleMatches(c, facts, time)) continue;
    const points = awardPoints(c, facts);
    if (points.gt(0)) {
      for (const recipient of recipientsOf(c, facts, accountId)) {
        if (!refund && blocked(recipient.accountId)) continue;
        const given = refund ? capPerEvent(c, points) : ledger.take(c, recipient.accountId, day, month, capPerEvent(c, points));
        if (given.gt(0)) awards.push(toAward(c, recipient, given, time));
      }
    }
    if (c.rule.exclusive) break;
  }
  return awards;
}

function capPerEvent(c: CompiledRule, points: Dec): Dec {
  return c.maxPerEvent ? capPoints(points, c.maxPerEvent, c.rule.award.rounding) : points;
}

/** Referral awards go to the parties the rule targets (referrer first); any other event's to its own account. */
function recipientsOf(c: CompiledRule, facts: EventFacts, accountId: string): Array<{ accountId: string; role: RuleAward['role'] }> {
  if (!facts.referral) return [{ accountId, role: 'self' }];
  const { referrerAccountId, referredAccountId } = facts.referral;
  const target = c.rule.award.target;
  const recipients: Array<{ accountId: string; role: RuleAward['role'] }> = [];
  if (target !== 'referred') recipients.push({ accountId: referrerAccountId, role: 'referrer' });
  if (target !== 'referrer') recipients.push({ accountId: referredAccountId, role: 'referred' });
  return recipients;
}

function toAward(c: CompiledRule, recipient: { accountId: string; role: RuleAward['role'] }, points: Dec, time: number): RuleAward {
  const days = c.rule.expiresInDays;
  return {
    ruleId: c.rule.id,
    ruleName: c.rule.name,
    accountId: recipient.accountId,
    role: recipient.role,
    points: points.toFixed(2),
    expiresAt: days === null ? null : new Date(time + days * DAY_MS).toISOString(),
  };
}

/** The snapshot plus what this evaluation has taken so far. */
class UsageLedger {
  private readonly taken = new Map<string, { delta: UsageDelta; points: Dec }>();

  constructor(private readonly snapshot: UsageSnapshot) {}

  /** Caps the points at the room the rule's day, month and budget limits leave, and takes them. */
  take(c: CompiledRule, accountId: string, day: string, month: string, points: Dec): Dec {
    const id = c.rule.id;
    const cap = (given: Dec, limit: Dec, used: Dec) => capPoints(given, roomOf(limit, used), c.rule.award.rounding);
    let given = points;
    if (c.maxPerDay) given = cap(given, c.maxPerDay, this.used(id, accountId, day, this.snapshot.customerDay(id, accountId, day)));
    if (c.maxPerMonth) given = cap(given, c.maxPerMonth, this.used(id, accountId, month, this.snapshot.customerMonth(id, accountId, month)));
    const budgetRemaining = c.budget ? this.snapshot.budgetRemaining(id) : null;
    if (budgetRemaining !== null) given = cap(given, new D(budgetRemaining), this.takenOf(budgetKey(id)));
    if (!given.gt(0)) return new D(0);
    const period = (p: string): UsageDelta => ({ kind: 'customer', ruleId: id, accountId, period: p, points: '' });
    if (c.maxPerDay) this.add(customerKey(id, accountId, day), period(day), given);
    if (c.maxPerMonth) this.add(customerKey(id, accountId, month), period(month), given);
    if (c.budget) this.add(budgetKey(id), { kind: 'budget', ruleId: id, points: '' }, given);
    return given;
  }

  deltas(): UsageDelta[] {
    return [...this.taken.values()].map(({ delta, points }) => ({ ...delta, points: points.toFixed(2) }));
  }

  private used(ruleId: string, accountId: string, period: string, stored: string): Dec {
    return this.takenOf(customerKey(ruleId, accountId, period)).plus(stored);
  }

  private takenOf(key: string): Dec {
    return this.taken.get(key)?.points ?? new D(0);
  }

  private add(key: string, delta: UsageDelta, points: Dec): void {
    const entry = this.taken.get(key);
    if (entry) entry.points = entry.points.plus(points);
    else this.taken.set(key, { delta, points });
  }
}

function roomOf(limit: Dec, used: Dec): Dec {
  return D.max(limit.minus(used), 0);
}

const customerKey = (ruleId: string, accountId: string, period: string) => `c:${ruleId}:${accountId}:${period}`;
const budgetKey = (ruleId: string) => `b:${ruleId}`;
