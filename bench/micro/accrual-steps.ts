import { formatCents, toCents } from '../../src/common/decimal/cents';
import { awardEntry } from '../../src/modules/bonus-accounts/domain/award-entries';
import { LedgerBook } from '../../src/modules/bonus-accounts/domain/ledger-book';
import { Lot } from '../../src/modules/bonus-accounts/domain/lot-consumption';
import { EventFacts } from '../../src/modules/rewards-rules/domain/event-facts';
import { RuleDefinition } from '../../src/modules/rewards-rules/domain/rule-definition';
import { planAwards, RuleAward, settleAwards, UsageSnapshot } from '../../src/modules/rewards-rules/domain/rule-evaluator';

export interface MicroEvent {
  id: string;
  accountId: string;
  facts: EventFacts;
}

const LOTS_PER_ACCOUNT = 50;
const usage: UsageSnapshot = { customerDay: () => '0', customerMonth: () => '0', budgetRemaining: () => '100000000.00' };

/** The rules' part of a chunk: every event planned, then settled in order against the usage. */
export function chunkEvaluation(events: MicroEvent[], rules: RuleDefinition[]): Map<string, RuleAward[]> {
  const refund = (e: MicroEvent) => e.facts.operationType === 'refund';
  const plan = planAwards(events.map((e) => ({ key: e.id, facts: e.facts, accountId: e.accountId, refund: refund(e) })), rules);
  return settleAwards(plan, usage).awards;
}

/** The ledger's part: the awards written to a book whose accounts hold 50 lots each, and each event's points summed. */
export function chunkLedger(events: MicroEvent[], awards: Map<string, RuleAward[]>): Map<string, string> {
  const refunded = [...new Set(events.filter((e) => e.facts.operationType === 'refund').map((e) => e.accountId))];
  const book = new LedgerBook(refunded.map((a) => [a, BigInt(LOTS_PER_ACCOUNT * 1000)]));
  let id = 1;
  for (const accountId of refunded) {
    const lots: Lot[] = [];
    for (let i = 0; i < LOTS_PER_ACCOUNT; i++) lots.push({ id: String(id++), remaining: 1000n, expiresAt: new Date(Date.UTC(2027, 0, 1 + i)) });
    book.addStoredLots(accountId, lots, true);
  }
  const points = new Map<string, bigint>();
  for (const event of events) {
    const refund = event.facts.operationType === 'refund';
    for (const award of awards.get(event.id) ?? []) {
      const entry = awardEntry(event.id, refund, award);
      const meta = { accountId: entry.accountId, idempotencyKey: entry.idempotencyKey, eventId: event.id, ruleId: entry.ruleId };
      const value = toCents(entry.points);
      const applied = refund ? -book.consume('reversal', meta, value, true).applied : (book.addLot('accrual', meta, value, entry.expiresAt), value);
      points.set(event.id, (points.get(event.id) ?? 0n) + applied);
    }
  }
  book.changedLots().forEach(([, r]) => formatCents(r));
  book.balanceDeltas().forEach(([, d]) => formatCents(d));
  book.operations.forEach((o) => [formatCents(o.points), o.remaining === null ? null : formatCents(o.remaining)]);
  return new Map([...points].map(([k, v]) => [k, formatCents(v)]));
}
