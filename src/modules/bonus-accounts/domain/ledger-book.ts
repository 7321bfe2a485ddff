import { maxCents, minCents } from '../../../common/decimal/cents';
import { OperationType } from '../entities/bonus-operation.entity';
import { Lot, planConsumption } from './lot-consumption';

/** A ledger line planned in memory, written by one multi-row INSERT. Points in hundredths. */
export interface PlannedOperation {
  accountId: string;
  type: OperationType;
  /** Signed. */
  points: bigint;
  /** Lots only (accruals, positive adjustments): what is left of them. */
  remaining: bigint | null;
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
  applied: bigint;
  shortfall: bigint;
}

/** What the book needs of an account's stored lots before a consumption or an expiry. */
export interface LotNeed {
  /** Points to cover with stored lots (0: none). */
  points?: bigint;
  /** Every stored lot expiring at or before this moment must be loaded. */
  dueBy?: Date;
}

/** An account's lots in the book: a prefix of its stored live lots in consumption order, and the lots planned here. */
interface AccountLots {
  stored: Lot[];
  /** Every stored live lot is loaded. */
  complete: boolean;
  /** Every stored live lot expiring at or before this moment is loaded. */
  dueLoaded: Date | null;
  created: Lot[];
}

/**
 * One unit of ledger work on locked accounts, planned in memory: new lines, lots consumed
 * first-expiring-first, and the balance change of each account. Stored lots are loaded only as far
 * as a consumption or an expiry reaches, in consumption order (`lotsWanted`, `addStoredLots`), so
 * the work never grows with an account's history. The service writes the book with one INSERT, one
 * UPDATE of the changed lots and one UPDATE of the balances, so balance stays the sum of the
 * operations and of the lots' remainders.
 */
export class LedgerBook {
  readonly operations: PlannedOperation[] = [];
  private readonly lots = new Map<string, AccountLots>();
  private readonly balances = new Map<string, bigint>();
  private readonly deltas = new Map<string, bigint>();
  private readonly lotChanges = new Map<string, bigint>();

  /** `balances` of the accounts that consumption or expiry will touch, as locked in the database. */
  constructor(balances: Iterable<[string, bigint]> = []) {
    for (const [accountId, balance] of balances) this.balances.set(accountId, balance);
  }

  /**
   * Whether the account's stored lots must be read further for `need`: the loaded ones do not
   * cover its points, or the last loaded one is due by its moment (more due lots may follow).
   */
  lotsWanted(accountId: string, need: LotNeed): boolean {
    const lots = this.lotsOf(accountId);
    if (lots.complete) return false;
    if (need.points !== undefined && need.points > 0n && lots.stored.reduce((sum, lot) => sum + lot.remaining, 0n) < need.points) return true;
    if (!need.dueBy || (lots.dueLoaded && lots.dueLoaded >= need.dueBy)) return false;
    const last = lots.stored[lots.stored.length - 1];
    return !last || (last.expiresAt !== null && last.expiresAt <= need.dueBy);
  }

  /** The last stored lot loaded, to read on after it; null before the first read. */
  lastStoredLot(accountId: string): Lot | null {
    const stored = this.lotsOf(accountId).stored;
    return stored[stored.length - 1] ?? null;
  }

  /**
   * The next stored lots of the account in consumption order; `complete` when none follow them,
   * `dueBy` when they include every stored lot expiring by then.
   */
  addStoredLots(accountId: string, lots: Lot[], complete: boolean, dueBy?: Date): void {
    const own = this.lotsOf(accountId);
    for (const lot of lots) own.stored.push({ id: lot.id, remaining: lot.remaining, expiresAt: lot.expiresAt });
    own.complete = complete;
    if (dueBy && (!own.dueLoaded || own.dueLoaded < dueBy)) own.dueLoaded = dueBy;
  }

  /** An accrual or positive adjustment: a new lot. */
  addLot(type: 'accrual' | 'adjustment', meta: OperationMeta, points: bigint, expiresAt: Date | null): number {
    const index = this.push({ ...this.line(meta), type, points, remaining: points, expiresAt });
    this.lotsOf(meta.accountId).created.push({ id: `new:${index}`, remaining: points, expiresAt });
    return index;
  }

  /**
   * Spend, reversal or negative adjustment of `points` (positive). With `cap` it takes what the
   * balance allows and reports the shortfall; without, it refuses (applied 0) unless all is there.
   * The stored lots must be loaded for `{ points }` first.
   */
  consume(type: 'spend' | 'reversal' | 'adjustment', meta: OperationMeta, points: bigint, cap: boolean): Consumption {
    const lots = this.lotsOf(meta.accountId);
    const wanted = minCents(points, this.available(meta.accountId));
    const plan = planConsumption([...lots.stored, ...lots.created], wanted);
    const applied = wanted - plan.shortfall;
    if (applied <= 0n || (!cap && applied < points)) return { index: null, applied: 0n, shortfall: points };
    for (const { lotId, points: taken } of plan.takes) this.setRemaining(meta.accountId, lotId, -taken);
    const index = this.push({ ...this.line(meta), type, points: -applied, remaining: null, expiresAt: null });
    return { index, applied, shortfall: points - applied };
  }

  /**
   * Expires what is left of the account's stored lots whose `expiresAt` is not after `now`: one line
   * per lot. The stored lots must be loaded for `{ dueBy: now }` first.
   */
  expireDue(accountId: string, now: Date): bigint {
    let expired = 0n;
    for (const lot of this.lotsOf(accountId).stored) {
      if (!lot.expiresAt || lot.expiresAt > now || lot.remaining <= 0n) continue;
      const points = lot.remaining;
      this.setRemaining(accountId, lot.id, -points);
      this.push({
        ...this.line({ accountId, idempotencyKey: `expiry:${lot.id}` }),
        type: 'expiry', points: -points, remaining: null, lotId: lot.id, expiresAt: null,
      });
      expired += points;
    }
    return expired;
  }

  /** What the account holds now: its locked balance plus this unit's changes, never below zero. */
  available(accountId: string): bigint {
    const balance = this.balances.get(accountId);
    if (balance === undefined) throw new Error(`Account ${accountId} was not loaded into the ledger book`);
    return maxCents(0n, balance + (this.deltas.get(accountId) ?? 0n));
  }

  /** Stored lots whose remainder changed: lot id → new remainder. */
  changedLots(): Array<[string, bigint]> {
    return [...this.lotChanges.entries()];
  }

  /** Non-zero balance changes: account id → delta. */
  balanceDeltas(): Array<[string, bigint]> {
    return [...this.deltas.entries()].filter(([, delta]) => delta !== 0n);
  }

  private setRemaining(accountId: string, lotId: string, change: bigint): void {
    const lots = this.lotsOf(accountId);
    const isNew = lotId.startsWith('new:');
    const lot = (isNew ? lots.created : lots.stored).find((l) => l.id === lotId)!;
    lot.remaining += change;
    if (isNew) this.operations[Number(lotId.slice(4))].remaining = lot.remaining;
    else this.lotChanges.set(lotId, lot.remaining);
  }

  private push(operation: PlannedOperation): number {
    this.operations.push(operation);
    this.deltas.set(operation.accountId, (this.deltas.get(operation.accountId) ?? 0n) + operation.points);
    return this.operations.length - 1;
  }

  private line(meta: OperationMeta): Omit<PlannedOperation, 'type' | 'points' | 'remaining' | 'expiresAt'> {
    return {
      accountId: meta.accountId, idempotencyKey: meta.idempotencyKey, eventId: meta.eventId ?? null,
      externalEventId: meta.externalEventId ?? null, ruleId: meta.ruleId ?? null, comment: meta.comment ?? null, lotId: null,
    };
  }

  private lotsOf(accountId: string): AccountLots {
    let lots = this.lots.get(accountId);
    if (!lots) this.lots.set(accountId, (lots = { stored: [], complete: false, dueLoaded: null, created: [] }));
    return lots;
  }
}
