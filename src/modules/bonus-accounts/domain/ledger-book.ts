import Decimal from 'decimal.js';
import { OperationType } from '../entities/bonus-operation.entity';
import { Lot, planConsumption } from './lot-consumption';

/** A ledger line planned in memory, written by one multi-row INSERT. */
export interface PlannedOperation {
  accountId: string;
  type: OperationType;
  /** Signed. */
  points: Decimal;
  /** Lots only (accruals, positive adjustments): what is left of them. */
  remaining: Decimal | null;
  eventId: string | null;
  externalEventId: string | null;
  ruleId: string | null;
  /** Expiry lines: the lot they expire. */
  lotId: string | null;
  idempotencyKey: string;
  comment: string | null;
  expiresAt: Date | null;
}

export type OperationMeta = Pick<PlannedOperation, 'accountId' | 'idempotencyKey'> &
  Partial<Pick<PlannedOperation, 'eventId' | 'externalEventId' | 'ruleId' | 'comment'>>;

export interface StoredLot extends Lot {
  accountId: string;
}

export interface Consumption {
  /** Index of the planned operation, or null when nothing was consumed. */
  index: number | null;
  applied: Decimal;
  shortfall: Decimal;
}

/**
 * One unit of ledger work on locked accounts, planned in memory: new lines, lots consumed
 * first-expiring-first, and the balance change of each account. The service writes it with one
 * INSERT, one UPDATE of the changed lots and one UPDATE of the balances, so balance stays the sum
 * of the operations and of the lots' remainders.
 */
export class LedgerBook {
  readonly operations: PlannedOperation[] = [];
  private readonly lots = new Map<string, Lot[]>();
  private readonly balances = new Map<string, Decimal>();
  private readonly deltas = new Map<string, Decimal>();
  private readonly lotChanges = new Map<string, Decimal>();

  /** `balances` and `lots` of the accounts that consumption or expiry will touch, as locked in the database. */
  constructor(balances: Iterable<[string, Decimal]> = [], lots: StoredLot[] = []) {
    for (const [accountId, balance] of balances) this.balances.set(accountId, balance);
    for (const lot of lots) this.lotsOf(lot.accountId).push({ id: lot.id, remaining: lot.remaining, expiresAt: lot.expiresAt });
  }

  /** An accrual or positive adjustment: a new lot. */
  addLot(type: 'accrual' | 'adjustment', meta: OperationMeta, points: Decimal, expiresAt: Date | null): number {
    const index = this.push({ ...this.line(meta), type, points, remaining: points, expiresAt });
    this.lotsOf(meta.accountId).push({ id: `new:${index}`, remaining: points, expiresAt });
    return index;
  }

  /**
   * Spend, reversal or negative adjustment of `points` (positive). With `cap` it takes what the
   * balance allows and reports the shortfall; without, it refuses (applied 0) unless all is there.
   */
  consume(type: 'spend' | 'reversal' | 'adjustment', meta: OperationMeta, points: Decimal, cap: boolean): Consumption {
    const available = this.available(meta.accountId);
    const applied = Decimal.min(points, available);
    if (applied.lte(0) || (!cap && applied.lt(points))) return { index: null, applied: new Decimal(0), shortfall: points };
    this.take(meta.accountId, applied);
    const index = this.push({ ...this.line(meta), type, points: applied.neg(), remaining: null, expiresAt: null });
    return { index, applied, shortfall: points.minus(applied) };
  }

  /** Expires what is left of the account's stored lots whose `expiresAt` is not after `now`: one line per lot. */
  expireDue(accountId: string, now: Date): Decimal {
    let expired = new Decimal(0);
    for (const lot of this.lotsOf(accountId)) {
      if (lot.id.startsWith('new:') || !lot.expiresAt || lot.expiresAt > now || lot.remaining.lte(0)) continue;
      const points = lot.remaining;
      this.setRemaining(accountId, lot.id, new Decimal(0));
      this.push({
        ...this.line({ accountId, idempotencyKey: `expiry:${lot.id}` }),
        type: 'expiry', points: points.neg(), remaining: null, lotId: lot.id, expiresAt: null,
      });
      expired = expired.plus(points);
    }
    return expired;
  }

  /** What the account holds now: its locked balance plus this unit's changes, bounded by its lots. */
  available(accountId: string): Decimal {
    const balance = this.balances.get(accountId);
    if (balance === undefined) throw new Error(`Account ${accountId} was not loaded into the ledger book`);
    const inLots = this.lotsOf(accountId).reduce((sum, lot) => sum.plus(lot.remaining), new Decimal(0));
    return Decimal.max(0, Decimal.min(balance.plus(this.deltas.get(accountId) ?? 0), inLots));
  }

  /** Stored lots whose remainder changed: lot id → new remainder. */
  changedLots(): Array<[string, Decimal]> {
    return [...this.lotChanges.entries()];
  }

  /** Non-zero balance changes: account id → delta. */
  balanceDeltas(): Array<[string, Decimal]> {
    return [...this.deltas.entries()].filter(([, delta]) => !delta.isZero());
  }

  private take(accountId: string, points: Decimal): void {
    const lots = this.lotsOf(accountId);
    for (const { lotId, points: taken } of planConsumption(lots, points).takes) {
      const lot = lots.find((l) => l.id === lotId)!;
      this.setRemaining(accountId, lotId, lot.remaining.minus(taken));
    }
  }

  private setRemaining(accountId: string, lotId: string, remaining: Decimal): void {
    const lot = this.lotsOf(accountId).find((l) => l.id === lotId)!;
    lot.remaining = remaining;
    if (lotId.startsWith('new:')) this.operations[Number(lotId.slice(4))].remaining = remaining;
    else this.lotChanges.set(lotId, remaining);
  }

  private push(operation: PlannedOperation): number {
    this.operations.push(operation);
    this.deltas.set(operation.accountId, (this.deltas.get(operation.accountId) ?? new Decimal(0)).plus(operation.points));
    return this.operations.length - 1;
  }

  private line(meta: OperationMeta): Omit<PlannedOperation, 'type' | 'points' | 'remaining' | 'expiresAt'> {
    return {
      accountId: meta.accountId, idempotencyKey: meta.idempotencyKey, eventId: meta.eventId ?? null,
      externalEventId: meta.externalEventId ?? null, ruleId: meta.ruleId ?? null, comment: meta.comment ?? null, lotId: null,
    };
  }

  private lotsOf(accountId: string): Lot[] {
    let lots = this.lots.get(accountId);
    if (!lots) this.lots.set(accountId, (lots = []));
    return lots;
  }
}
