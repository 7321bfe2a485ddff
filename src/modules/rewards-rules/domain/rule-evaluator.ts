import { formatCents, toCents } from '../../../common/decimal/cents';
import { awardPoints, capPoints, CompiledRule, compileRules, factNumbers, ruleMatches } from './compiled-rule';
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

/** One rule's award to one recipient before the room limits, capped per event only (hundredths). */
interface Candidate {
  rule: CompiledRule;
  accountId: string;
  role: AwardRole;
  points: bigint;
}

interface PlannedItem {
  key: string;
  refund: boolean;
  time: number;
  day: string;
  month: string;
  candidates: Candidate[];
}

/**
 * A batch evaluated as far as usage does not matter: which rules match each item, in order up to an
 * exclusive one, and what each would give. Pure and usage-free, so it can be computed before any
 * lock is taken; `settleAwards` then applies the day/month/budget room and blocked recipients.
 */
export interface AwardPlan {
  readonly items: readonly PlannedItem[];
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
  const { awards, usage: deltas } = evaluateBatch([{ key: '', facts, accountId }], rules, usage);
  return { awards: awards.get('')!, usage: deltas };
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
  return settleAwards(planAwards(items, rules), usage, blocked);
}

/** The usage-free part of evaluateBatch (see AwardPlan). Keys must be unique. */
export function planAwards(items: readonly BatchItem[], rules: readonly RuleDefinition[]): AwardPlan {
  const compiled = compileRules(rules);
  const keys = new Set<string>();
  const planned: PlannedItem[] = [];
  for (const item of items) {
    if (keys.has(item.key)) throw new Error(`Duplicate batch key ${item.key}`);
    keys.add(item.key);
    const refund = !!item.refund;
    const facts = refund ? refundFactsAsPurchase(item.facts) : item.facts;
    const time = Date.parse(facts.performedOn);
    if (Number.isNaN(time)) throw new Error(`Invalid performedOn ${facts.performedOn}`);
    const { day, month } = periodsOf(facts.performedOn);
    planned.push({ key: item.key, refund, time, day, month, candidates: candidatesOf(compiled, facts, item.accountId, time) });
  }
  return { items: planned };
}

/**
 * Applies the room limits to a plan, in its order, against `usage` (read under lock by the caller),
 * leaving blocked recipients of accruals out before they take any room.
 */
export function settleAwards(plan: AwardPlan, usage: UsageSnapshot, blocked: (accountId: string) => boolean = () => false): BatchResult {
  const ledger = new UsageLedger(usage);
  const awards = new Map<string, RuleAward[]>();
  for (const item of plan.items) {
    const given: RuleAward[] = [];
    for (const candidate of item.candidates) {
      if (!item.refund && blocked(candidate.accountId)) continue;
      const points = item.refund ? candidate.points : ledger.take(candidate.rule, candidate.accountId, item.day, item.month, candidate.points);
      if (points > 0n) given.push(toAward(candidate, points, item.time));
    }
    awards.set(item.key, given);
  }
  return { awards, usage: ledger.deltas() };
}

/**
 * Which usage settling the plan may read: the rules with room limits among its candidates, the
 * accounts they would give to (blocked ones left out) and the periods of their events. Pass it to
 * the service's settle: a chunk that awards nothing from a budgeted rule does not touch its row.
 */
export function usageNeeds(
  plan: AwardPlan, blocked: (accountId: string) => boolean = () => false,
): { ruleIds: string[]; accountIds: string[]; periods: string[] } {
  const ruleIds = new Set<string>();
  const accountIds = new Set<string>();
  const periods = new Set<string>();
  for (const item of plan.items) {
    if (item.refund) continue;
    for (const { rule, accountId } of item.candidates) {
      if (!hasRoomLimit(rule) || blocked(accountId)) continue;
      ruleIds.add(rule.rule.id);
      accountIds.add(accountId);
      periods.add(item.day).add(item.month);
    }
  }
  return { ruleIds: [...ruleIds], accountIds: [...accountIds], periods: [...periods] };
}

/**
 * The points a refund reverses: what a purchase of that amount would earn, capped per event but
 * not by the day/month/budget room — that room counts points awarded, and taking points back does
 * not give it back (nor consume it), so a refund needs no usage. The caller reverses these awards
 * without going below a zero balance.
 */
export function evaluateRefund(facts: EventFacts, accountId: string, rules: readonly RuleDefinition[]): RuleAward[] {
  return evaluateBatch([{ key: '', facts, accountId, refund: true }], rules, NO_USAGE).awards.get('')!;
}

/** A refund seen as the purchase it undoes. */
export function refundFactsAsPurchase(facts: EventFacts): EventFacts {
  return facts.operationType === 'refund' ? { ...facts, operationType: 'purchase' } : { ...facts };
}

/** Which usage evaluating these items may read: pass it to the service's peekUsage. */
export function usageScope(
  items: ReadonlyArray<{ facts: EventFacts; accountId: string }>,
  rules: readonly RuleDefinition[],
): { ruleIds: string[]; accountIds: string[]; periods: string[] } {
  const ruleIds = compileRules(rules)
    .filter(hasRoomLimit)
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

/** Limits that depend on usage: per customer and day or month, and the budget (a zero limit too). */
const hasRoomLimit = (c: CompiledRule) => c.maxPerDay !== null || c.maxPerMonth !== null || c.budget !== null;

const NO_USAGE: UsageSnapshot = { customerDay: () => '0', customerMonth: () => '0', budgetRemaining: () => null };
const DAY_MS = 86_400_000;

/** The matching rules' awards for one event, in evaluation order, capped per event; an exclusive match ends the list. */
function candidatesOf(rules: CompiledRule[], facts: EventFacts, accountId: string, time: number): Candidate[] {
  const numbers = factNumbers(facts);
  const candidates: Candidate[] = [];
  for (const c of rules) {
    if (!ruleMatches(c, facts, numbers, time)) continue;
    const points = awardPoints(c, facts, numbers);
    if (points > 0n) {
      const capped = c.maxPerEvent !== null ? capPoints(points, c.maxPerEvent, c.rule.award.rounding) : points;
      for (const recipient of recipientsOf(c, facts, accountId)) candidates.push({ rule: c, ...recipient, points: capped });
    }
    if (c.rule.exclusive) break;
  }
  return candidates;
}

/** Referral awards go to the parties the rule targets (referrer first); any other event's to its own account. */
function recipientsOf(c: CompiledRule, facts: EventFacts, accountId: string): Array<{ accountId: string; role: AwardRole }> {
  if (!facts.referral) return [{ accountId, role: 'self' }];
  const { referrerAccountId, referredAccountId } = facts.referral;
  const target = c.rule.award.target;
  const recipients: Array<{ accountId: string; role: AwardRole }> = [];
  if (target !== 'referred') recipients.push({ accountId: referrerAccountId, role: 'referrer' });
  if (target !== 'referrer') recipients.push({ accountId: referredAccountId, role: 'referred' });
  return recipients;
}

function toAward(candidate: Candidate, points: bigint, time: number): RuleAward {
  const { rule } = candidate.rule;
  const days = rule.expiresInDays;
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    accountId: candidate.accountId,
    role: candidate.role,
    points: formatCents(points),
    expiresAt: days === null ? null : new Date(time + days * DAY_MS).toISOString(),
  };
}

/** The snapshot plus what this evaluation has taken so far, in hundredths. */
class UsageLedger {
  private readonly taken = new Map<string, { delta: UsageDelta; points: bigint }>();

  constructor(private readonly snapshot: UsageSnapshot) {}

  /** Caps the points at the room the rule's day, month and budget limits leave, and takes them. */
  take(c: CompiledRule, accountId: string, day: string, month: string, points: bigint): bigint {
    const id = c.rule.id;
    const cap = (given: bigint, limit: bigint, used: bigint) => capPoints(given, limit > used ? limit - used : 0n, c.rule.award.rounding);
    let given = points;
    if (c.maxPerDay !== null) given = cap(given, c.maxPerDay, this.used(id, accountId, day, this.snapshot.customerDay(id, accountId, day)));
    if (c.maxPerMonth !== null) given = cap(given, c.maxPerMonth, this.used(id, accountId, month, this.snapshot.customerMonth(id, accountId, month)));
    const budgetRemaining = c.budget !== null ? this.snapshot.budgetRemaining(id) : null;
    if (budgetRemaining !== null) given = cap(given, toCents(budgetRemaining), this.takenOf(budgetKey(id)));
    if (given <= 0n) return 0n;
    const period = (p: string): UsageDelta => ({ kind: 'customer', ruleId: id, accountId, period: p, points: '' });
    if (c.maxPerDay !== null) this.add(customerKey(id, accountId, day), period(day), given);
    if (c.maxPerMonth !== null) this.add(customerKey(id, accountId, month), period(month), given);
    if (c.budget !== null) this.add(budgetKey(id), { kind: 'budget', ruleId: id, points: '' }, given);
    return given;
  }

  deltas(): UsageDelta[] {
    return [...this.taken.values()].map(({ delta, points }) => ({ ...delta, points: formatCents(points) }));
  }

  private used(ruleId: string, accountId: string, period: string, stored: string): bigint {
    return this.takenOf(customerKey(ruleId, accountId, period)) + toCents(stored);
  }

  private takenOf(key: string): bigint {
    return this.taken.get(key)?.points ?? 0n;
  }

  private add(key: string, delta: UsageDelta, points: bigint): void {
    const entry = this.taken.get(key);
    if (entry) entry.points += points;
    else this.taken.set(key, { delta, points });
  }
}

const customerKey = (ruleId: string, accountId: string, period: string) => `c:${ruleId}:${accountId}:${period}`;
const budgetKey = (ruleId: string) => `b:${ruleId}`;
