import Decimal from 'decimal.js';
import { EventFacts } from '../../src/modules/rewards-rules/domain/event-facts';
import { RuleDefinition } from '../../src/modules/rewards-rules/domain/rule-definition';
import { evaluateBatch, RuleAward, UsageSnapshot } from '../../src/modules/rewards-rules/domain/rule-evaluator';
import { LedgerBook, StoredLot } from '../../src/modules/bonus-accounts/domain/ledger-book';

export interface MicroEvent {
  id: string;
  accountId: string;
  facts: EventFacts;
}

const LOTS_PER_ACCOUNT = 50;
const usage: UsageSnapshot = { customerDay: () => '0', customerMonth: () => '0', budgetRemaining: () => '100000000.00' };

/** The rules' part of a chunk: every event evaluated in order against the usage. */
export function chunkEvaluation(events: MicroEvent[], rules: RuleDefinition[]): Map<string, RuleAward[]> {
  const refund = (e: MicroEvent) => e.facts.operationType === 'refund';
  return evaluateBatch(events.map((e) => ({ key: e.id, facts: e.facts, accountId: e.accountId, refund: refund(e) })), rules, usage).awards;
}

/** The ledger's part: the awards written to a book whose accounts hold 50 lots each, and each event's points summed. */
export function chunkLedger(events: MicroEvent[], awards: Map<string, RuleAward[]>): Map<string, string> {
  const refunded = [...new Set(events.filter((e) => e.facts.operationType === 'refund').map((e) => e.accountId))];
  const lots: StoredLot[] = [];
  let id = 1;
  for (const accountId of refunded) {
    for (let i = 0; i < LOTS_PER_ACCOUNT; i++) lots.push({ id: String(id++), accountId, remaining: new Decimal('10.00'), expiresAt: new Date(Date.UTC(2027, 0, 1 + i)) });
  }
  const book = new LedgerBook(refunded.map((a) => [a, new Decimal(LOTS_PER_ACCOUNT * 10)]), lots);
  const points = new Map<string, Decimal>();
  for (const event of events) {
    const type = event.facts.operationType === 'refund' ? 'reversal' : 'accrual';
    for (const award of awards.get(event.id) ?? []) {
      const meta = { accountId: award.accountId, idempotencyKey: `${event.id}:${award.ruleId}:${type}`, eventId: event.id, ruleId: award.ruleId };
      const value = new Decimal(award.points);
      const applied = type === 'accrual'
        ? (book.addLot('accrual', meta, value, award.expiresAt ? new Date(award.expiresAt) : null), value)
        : book.consume('reversal', meta, value, true).applied;
      points.set(event.id, (points.get(event.id) ?? new Decimal(0)).plus(type === 'accrual' ? applied : applied.neg()));
    }
  }
  book.changedLots().forEach(([, r]) => r.toFixed(2));
  book.balanceDeltas().forEach(([, d]) => d.toFixed(2));
  book.operations.forEach((o) => [o.points.toFixed(2), o.remaining?.toFixed(2)]);
  return new Map([...points].map(([k, v]) => [k, v.toFixed(2)]));
}
