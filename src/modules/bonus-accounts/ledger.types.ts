/** One accrual or reversal a processor asks the ledger to write (see BonusAccountsService.applyBatch). */
export interface LedgerEntryRequest {
  accountId: string;
  type: 'accrual' | 'reversal';
  /** Positive decimal string, 2 dp. */
  points: string;
  /** The customer event (register id) the entry comes from. */
  eventId: string | null;
  ruleId: string | null;
  /** Unique in bonus_operations, e.g. `${eventId}:${ruleId}:accrual`; an existing key writes nothing. */
  idempotencyKey: string;
  /** Accrual lots only. */
  expiresAt: Date | null;
  comment?: string | null;
  /** The integrator's own event id when there is no register event (command accruals). */
  externalEventId?: string | null;
}

export interface LedgerEntryResult {
  request: LedgerEntryRequest;
  /** Points actually written ("0.00" if skipped); a reversal is capped at the balance. */
  applied: string;
  /** Reversals: requested - applied; otherwise "0.00". */
  shortfall: string;
  operationId: string | null;
  /** The idempotency key already existed: nothing was written. */
  duplicate: boolean;
}

export interface LockedAccount {
  id: string;
  customerId: string;
  customerGuid: string | null;
  balance: string;
  /** The holder's status as the customers table stores it: 'new', 'active' or 'blocked'. */
  customerStatus: string;
}

export interface SpendInput {
  accountId: string;
  /** Positive decimal string, 2 dp. */
  points: string;
  eventId?: string | null;
  idempotencyKey?: string | null;
  comment?: string | null;
}

export interface SpendResult {
  operationId: string;
  /** The points spent, positive, 2 dp. */
  points: string;
}
