import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { formatCents, toCents } from '../../common/decimal/cents';
import { inTransaction } from '../../database/transaction';
import { pointsSpent, WebhookOutbox } from '../webhooks';
import { accountNotFound, customerBlocked, insufficientBalance, invalidPoints, zeroAdjustment } from './bonus-accounts.errors';
import { newAccountNumber, newParticipantNumber } from './domain/account-numbers';
import { LedgerBook, OperationMeta } from './domain/ledger-book';
import { expiredMessages } from './domain/ledger-messages';
import { OperationCursor } from './domain/operation-cursor';
import { AccountDetailsDto, AdjustmentResultDto, LotDto, OperationDto } from './dto/account.dto';
import { OperationType } from './entities/bonus-operation.entity';
import { LedgerStore, sortIds } from './ledger-store';
import { LedgerEntryRequest, LedgerEntryResult, LockedAccount, SpendInput, SpendResult } from './ledger.types';

const ACCOUNT_CREATE_ATTEMPTS = 5;
const RECENT_OPERATIONS = 50;
const SHOWN_LOTS = 100;

/** The account as its admin view reads it. */
interface AccountViewRow {
  id: string;
  customer_id: string;
  number: string;
  participant_number: string;
  name: string | null;
  balance: string;
  status: string;
}

/** A live lot as the account's admin view shows it. */
interface LotViewRow {
  id: string;
  points: string;
  remaining: string;
  created_at: Date;
  expires_at: Date | null;
}

/** Accounts per expiry transaction. */
export const EXPIRY_BATCH_ACCOUNTS = 200;

export interface AccountSummary {
  id: string;
  customerId: string;
  number: string | null;
  participantNumber: string | null;
  name: string | null;
  balance: string;
}

export interface NewAccountFields {
  number?: string | null;
  participantNumber?: string | null;
  name?: string | null;
}

export interface OperationQuery {
  customerIds: string[];
  from: Date;
  till: Date;
  type?: OperationType;
  after?: OperationCursor | null;
  limit: number;
}

/** A ledger line as the query APIs show it. */
export interface OperationRow {
  id: string;
  accountId: string;
  type: OperationType;
  points: string;
  eventId: string | null;
  externalEventId: string | null;
  ruleId: string | null;
  comment: string | null;
  createdAt: Date;
  expiresAt: Date | null;
}

/** One ledger line with what refers to it: its register event and its idempotency key. */
export interface LedgerLine {
  id: string;
  accountId: string;
  type: OperationType;
  eventId: string | null;
  key: string;
  ruleId: string | null;
  points: string;
  /** Lots (accruals, positive adjustments): when what is left of them expires. */
  expiresAt: Date | null;
  createdAt: Date;
}

export interface ExpiryReport {
  accounts: number;
  lots: number;
  points: string;
}

/** A positive points string of at most 2 decimals, in hundredths. */
function positivePoints(points: string): bigint {
  let value: Decimal;
  try {
    value = new Decimal(points);
  } catch {
    throw invalidPoints(points);
  }
  if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2) throw invalidPoints(points);
  return toCents(value.toFixed(2));
}

/**
 * The points ledger: the only writer of balances. Every change is a set of immutable
 * bonus_operations lines plus the balance update, in the caller's transaction with the account
 * rows locked, so a balance always equals the sum of its operations.
 */
@Injectable()
export class BonusAccountsService {
  private readonly logger = new Logger(BonusAccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: LedgerStore,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** SELECT … FOR UPDATE of the accounts in ascending id order, with their customers' status. */
  lockAccounts(manager: EntityManager, accountIds: string[]): Promise<Map<string, LockedAccount>> {
    return this.store.lock(manager, accountIds);
  }

  /**
   * Accruals and reversals of a processor batch; the caller already holds the account locks.
   * Existing idempotency keys are skipped; reversals expire the account's past lots first (as
   * spend does), then consume lots first-expiring-first and never take a balance below zero (the
   * shortfall is reported). Results are aligned with `requests`.
   *
   * `keysAreNew`: the caller knows that no request's key is in the ledger yet (event processing
   * holds the events locked as pending, and an event's lines are written only in the transaction
   * that makes it final), so the lookup of existing keys is skipped; a key there anyway fails the
   * INSERT on the unique key, never double-writes.
   */
  async applyBatch(manager: EntityManager, requests: LedgerEntryRequest[], options: { keysAreNew?: boolean } = {}): Promise<LedgerEntryResult[]> {
    if (requests.length === 0) return [];
    const existing = options.keysAreNew ? new Map<string, unknown>() : await this.store.existingKeys(manager, requests.map((r) => r.idempotencyKey));
    const reversalAccounts = sortIds(requests.filter((r) => r.type === 'reversal' && !existing.has(r.idempotencyKey)).map((r) => r.accountId));
    const book = await this.store.openBook(manager, reversalAccounts);
    const now = new Date();
    await this.store.loadDueLots(manager, book, reversalAccounts, now);
    for (const accountId of reversalAccounts) book.expireDue(accountId, now);
    const seen = new Set(existing.keys());
    const planned: Array<{ duplicate: boolean; index: number | null; applied: bigint; shortfall: bigint }> = [];
    for (const request of requests) {
      if (seen.has(request.idempotencyKey)) {
        planned.push({ duplicate: true, index: null, applied: 0n, shortfall: 0n });
        continue;
      }
      seen.add(request.idempotencyKey);
      const points = positivePoints(request.points);
      const meta = {
        accountId: request.accountId, idempotencyKey: request.idempotencyKey, eventId: request.eventId, ruleId: request.ruleId,
        comment: request.comment ?? null, externalEventId: request.externalEventId ?? null,
      };
      if (request.type === 'accrual') {
        planned.push({ duplicate: false, index: book.addLot('accrual', meta, points, request.expiresAt), applied: points, shortfall: 0n });
      } else {
        await this.store.loadLots(manager, book, request.accountId, { points });
        planned.push({ duplicate: false, ...book.consume('reversal', meta, points, true) });
      }
    }
    const ids = await this.store.write(manager, book);
    return requests.map((request, i) => {
      const p = planned[i];
      return {
        request,
        applied: formatCents(p.applied),
        shortfall: formatCents(p.shortfall),
        operationId: p.index === null ? null : ids[p.index],
        duplicate: p.duplicate,
      };
    });
  }

  /**
   * Spends `points` first-expiring-first (expiring any past lots of the account first). Locks the
   * account itself. Insufficient balance or a blocked customer is an error and writes nothing; a
   * repeated idempotency key returns the first spend.
   */
  async spend(manager: EntityManager, input: SpendInput): Promise<SpendResult> {
    const points = positivePoints(input.points);
    const account = (await this.store.lock(manager, [input.accountId])).get(input.accountId);
    if (!account) throw accountNotFound(input.accountId);
    if (input.idempotencyKey) {
      const earlier = (await this.store.existingKeys(manager, [input.idempotencyKey])).get(input.idempotencyKey);
      if (earlier) return { operationId: earlier.id, points: new Decimal(earlier.points).abs().toFixed(2) };
    }
    if (account.customerStatus === 'blocked') throw customerBlocked();
    const meta = {
      accountId: account.id, idempotencyKey: input.idempotencyKey ?? `spend:${randomUUID()}`,
      eventId: input.eventId ?? null, comment: input.comment ?? null,
    };
    const { book, index } = await this.consumeOrRefuse(manager, 'spend', meta, points);
    const ids = await this.store.write(manager, book);
    await this.outbox.record(manager, [pointsSpent({ ...meta, customerGuid: account.customerGuid, operationId: ids[index], points: formatCents(points) })]);
    return { operationId: ids[index], points: formatCents(points) };
  }

  /**
   * Expires the account's due lots, then consumes `points` first-expiring-first, all or nothing:
   * not enough is an insufficient-balance error. Reads only the lots it consumes.
   */
  private async consumeOrRefuse(
    manager: EntityManager, type: 'spend' | 'adjustment', meta: OperationMeta, points: bigint,
  ): Promise<{ book: LedgerBook; index: number }> {
    const now = new Date();
    const book = await this.store.openBook(manager, [meta.accountId]);
    await this.store.loadDueLots(manager, book, [meta.accountId], now);
    book.expireDue(meta.accountId, now);
    await this.store.loadLots(manager, book, meta.accountId, { points });
    const taken = book.consume(type, meta, points, false);
    if (taken.index === null) throw insufficientBalance(formatCents(book.available(meta.accountId)), formatCents(points));
    return { book, index: taken.index };
  }

  /**
   * customerId → accountId for every customer, creating the missing accounts with generated
   * ACR/RP numbers in one INSERT (drawn again for the rare number collision; concurrent creators
   * of the same customer's account are absorbed by the unique key).
   */
  async ensureAccounts(manager: EntityManager, customerIds: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(customerIds)];
    const result = new Map<string, string>();
    if (wanted.length === 0) return result;
    const read = async (ids: string[], locking: boolean) => {
      const rows: Array<{ id: string; customer_id: string }> = await manager.query(
        `SELECT id, customer_id FROM bonus_accounts WHERE customer_id IN (?)${locking ? ' LOCK IN SHARE MODE' : ''}`,
        [ids],
      );
      for (const r of rows) result.set(r.customer_id, String(r.id));
    };
    await read(wanted, false);
    for (let attempt = 1; ; attempt++) {
      const missing = wanted.filter((id) => !result.has(id));
      if (missing.length === 0) return result;
      if (attempt > ACCOUNT_CREATE_ATTEMPTS) throw new Error(`Could not create bonus accounts for ${missing.length} customers`);
      const now = new Date();
      await manager.query(
        'INSERT IGNORE INTO bonus_accounts (customer_id, number, participant_number, balance, created_at, updated_at) VALUES ?',
        [missing.map((customerId) => [customerId, newAccountNumber(), newParticipantNumber(), '0.00', now, now])],
      );
      await read(missing, true);
    }
  }

  /** The account of an admin-created customer, with the numbers the admin gave (generated otherwise). */
  async createAccount(manager: EntityManager, customerId: string, fields: NewAccountFields): Promise<string> {
    const now = new Date();
    const result = await manager.query(
      'INSERT INTO bonus_accounts (customer_id, number, participant_number, name, balance, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
      [customerId, fields.number ?? newAccountNumber(), fields.participantNumber ?? newParticipantNumber(), fields.name ?? null, now, now],
    );
    return String(result.insertId);
  }

  /** accountId → the customer holding it, for these accounts. */
  async holdersOf(accountIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; customer_id: string }> = await manager.query('SELECT id, customer_id FROM bonus_accounts WHERE id IN (?)', [ids]);
    return new Map(rows.map((r) => [String(r.id), String(r.customer_id)]));
  }

  async accountsOfCustomers(customerIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, AccountSummary>> {
    const ids = [...new Set(customerIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; customer_id: string; number: string | null; participant_number: string | null; name: string | null; balance: string }> =
      await manager.query('SELECT id, customer_id, number, participant_number, name, balance FROM bonus_accounts WHERE customer_id IN (?)', [ids]);
    return new Map(rows.map((r) => [r.customer_id, {
      id: String(r.id), customerId: r.customer_id, number: r.number, participantNumber: r.participant_number, name: r.name, balance: r.balance,
    }]));
  }

  /**
   * Admin view of an account: the first-expiring live lots (a busy account holds thousands) and the
   * latest operations. The three reads name the account by its number, so they run at once.
   */
  async getAccountDetails(number: string): Promise<AccountDetailsDto> {
    const [[account], lots, operations]: [AccountViewRow[], LotViewRow[], Array<Record<string, unknown>>] = await Promise.all([
      this.dataSource.query(
        `SELECT a.id, a.customer_id, a.number, a.participant_number, a.name, a.balance, c.status
           FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id WHERE a.number = ?`,
        [number],
      ),
      this.dataSource.query(
        `SELECT id, points, remaining, created_at, expires_at FROM bonus_operations
          WHERE account_id = ${ACCOUNT_OF_NUMBER} AND live_expiry IS NOT NULL ORDER BY live_expiry, id LIMIT ?`,
        [number, SHOWN_LOTS],
      ),
      this.dataSource.query(`${OPERATION_SELECT} WHERE o.account_id = ${ACCOUNT_OF_NUMBER} ${LATEST_FIRST} LIMIT ?`, [number, RECENT_OPERATIONS]),
    ]);
    if (!account) throw accountNotFound(number);
    return {
      number: account.number, participantNumber: account.participant_number, name: account.name, customerId: account.customer_id,
      customerStatus: account.status, balance: account.balance,
      lots: lots.map((l): LotDto => ({ operationId: String(l.id), points: l.points, remaining: l.remaining, createdAt: l.created_at, expiresAt: l.expires_at })),
      operations: operations.map(toOperationRow).map(toOperationDto),
    };
  }

  /** Admin: a signed adjustment. Positive adds a lot that never expires; negative consumes lots and cannot go below zero. */
  async adjust(number: string, points: string, comment: string | null): Promise<AdjustmentResultDto> {
    const value = new Decimal(points);
    if (value.isZero()) throw zeroAdjustment();
    return inTransaction(this.dataSource, async (manager) => {
      const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM bonus_accounts WHERE number = ?', [number]);
      if (!row) throw accountNotFound(number);
      const accountId = String(row.id);
      await this.store.lock(manager, [accountId]);
      const meta = { accountId, idempotencyKey: `adjustment:${randomUUID()}`, comment };
      const cents = toCents(value.abs().toFixed(2));
      let book: LedgerBook;
      let index: number;
      if (value.gt(0)) {
        book = await this.store.openBook(manager, [accountId]);
        index = book.addLot('adjustment', meta, cents, null);
      } else {
        ({ book, index } = await this.consumeOrRefuse(manager, 'adjustment', meta, cents));
      }
      const ids = await this.store.write(manager, book);
      const [after]: Array<{ balance: string }> = await manager.query('SELECT balance FROM bonus_accounts WHERE id = ?', [accountId]);
      this.logger.log({ accountId, operationId: ids[index], points: value.toFixed(2) }, 'Account adjusted');
      return { operationId: ids[index], operationType: 'adjustment', points: value.toFixed(2), balance: after.balance };
    });
  }

  /**
   * The ledger lines of these register events and of these idempotency keys, in ledger order: one
   * query per kind of reference given.
   */
  async operationsFor(refs: { eventIds?: string[]; keys?: string[] }): Promise<LedgerLine[]> {
    const lines: LedgerLine[] = [];
    for (const [column, values] of [['event_id', refs.eventIds], ['idempotency_key', refs.keys]] as const) {
      if (!values?.length) continue;
      const rows: Array<Record<string, unknown>> = await this.dataSource.query(
        `SELECT id, account_id, type, event_id, idempotency_key, rule_id, points, expires_at, created_at FROM bonus_operations WHERE ${column} IN (?) ORDER BY id`,
        [values],
      );
      lines.push(...rows.map((r) => ({
        id: String(r.id), accountId: String(r.account_id), type: r.type as OperationType, eventId: (r.event_id as string | null) ?? null,
        key: r.idempotency_key as string, ruleId: r.rule_id == null ? null : String(r.rule_id), points: r.points as string,
        expiresAt: (r.expires_at as Date | null) ?? null, createdAt: r.created_at as Date,
      })));
    }
    return lines;
  }

  async recentOperations(accountId: string, limit: number, manager: EntityManager = this.dataSource.manager): Promise<OperationRow[]> {
    const rows = await manager.query(
      `${OPERATION_SELECT} WHERE o.account_id = ? ${LATEST_FIRST} LIMIT ?`,
      [accountId, limit],
    );
    return rows.map(toOperationRow);
  }

  /**
   * Operations of the customers' accounts in [from, till], in ledger order (operation id), after
   * the cursor; `limit` + 1 rows tell whether more follow. A page never passes an operation that
   * commits later: every ledger write locks its accounts before its lines take their ids, and
   * holds the locks until it commits. The accounts are share-locked first, so a write in flight
   * is waited for, and any later write takes ids above every id this page can see.
   */
  async listOperations(query: OperationQuery): Promise<{ rows: OperationRow[]; more: boolean; customerOfAccount: Map<string, string> }> {
    if (query.customerIds.length === 0) return { rows: [], more: false, customerOfAccount: new Map() };
    return inTransaction(this.dataSource, async (manager) => {
      // The customer index read waits for accounts being created; the writers' locks are on the rows themselves.
      const accounts: Array<{ id: string; customer_id: string }> = await manager.query(
        'SELECT id, customer_id FROM bonus_accounts WHERE customer_id IN (?) LOCK IN SHARE MODE',
        [[...new Set(query.customerIds)]],
      );
      const customerOfAccount = new Map(accounts.map((a) => [String(a.id), a.customer_id]));
      if (accounts.length === 0) return { rows: [], more: false, customerOfAccount };
      await manager.query('SELECT id FROM bonus_accounts WHERE id IN (?) ORDER BY id LOCK IN SHARE MODE', [sortIds(customerOfAccount.keys())]);
      const where = ['o.account_id IN (?)', 'o.created_at >= ?', 'o.created_at <= ?'];
      const params: unknown[] = [[...customerOfAccount.keys()], query.from, query.till];
      if (query.type) {
        where.push('o.type = ?');
        params.push(query.type);
      }
      if (query.after) {
        where.push('o.id > ?');
        params.push(query.after.id);
      }
      const rows = await manager.query(`${OPERATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.id LIMIT ?`, [...params, query.limit + 1]);
      return { rows: rows.slice(0, query.limit).map(toOperationRow), more: rows.length > query.limit, customerOfAccount };
    }, 'READ COMMITTED');
  }

  /**
   * The expiry job: expires what is left of every lot whose `expiresAt` has passed, a batch of
   * accounts per transaction (locked in id order), one expiry line per lot.
   */
  async expirePoints(now: Date = new Date(), batchAccounts = EXPIRY_BATCH_ACCOUNTS): Promise<ExpiryReport> {
    const report = { accounts: 0, lots: 0, points: 0n };
    let afterAccount = '0';
    for (;;) {
      const due: Array<{ account_id: string }> = await this.dataSource.query(
        `SELECT DISTINCT account_id FROM bonus_operations
          WHERE account_id > ? AND live_expiry <= ? ORDER BY account_id LIMIT ?`,
        [afterAccount, now, batchAccounts],
      );
      if (due.length === 0) break;
      const accountIds = sortIds(due.map((d) => String(d.account_id)));
      afterAccount = accountIds[accountIds.length - 1];
      const batch = await inTransaction(this.dataSource, async (manager) => {
        const locked = await this.store.lock(manager, accountIds);
        const book = await this.store.openBook(manager, accountIds);
        await this.store.loadDueLots(manager, book, accountIds, now);
        let points = 0n;
        for (const id of accountIds) points += book.expireDue(id, now);
        await this.store.write(manager, book, now, false);
        await this.outbox.record(manager, expiredMessages(locked, book.operations, now));
        return { lots: book.operations.length, points };
      });
      report.accounts += accountIds.length;
      report.lots += batch.lots;
      report.points += batch.points;
    }
    return { accounts: report.accounts, lots: report.lots, points: formatCents(report.points) };
  }
}

/** The id of the account with the number given as the parameter, as a subquery (a constant to the optimizer). */
const ACCOUNT_OF_NUMBER = '(SELECT id FROM bonus_accounts WHERE number = ?)';
const LATEST_FIRST = 'ORDER BY o.created_at DESC, o.id DESC';
const OPERATION_SELECT = `SELECT o.id, o.account_id, o.type, o.points, o.event_id, o.external_event_id, o.rule_id, o.comment,
  o.created_at, o.expires_at FROM bonus_operations o`;

function toOperationRow(r: Record<string, unknown>): OperationRow {
  return {
    id: String(r.id), accountId: String(r.account_id), type: r.type as OperationType, points: r.points as string,
    eventId: (r.event_id as string | null) ?? null, externalEventId: (r.external_event_id as string | null) ?? null, ruleId: r.rule_id === null ? null : String(r.rule_id),
    comment: (r.comment as string | null) ?? null, createdAt: r.created_at as Date, expiresAt: (r.expires_at as Date | null) ?? null,
  };
}

function toOperationDto(r: OperationRow): OperationDto {
  return {
    operationId: r.id, operationType: r.type, points: r.points, eventId: r.eventId, externalEventId: r.externalEventId,
    ruleId: r.ruleId, comment: r.comment, createdAt: r.createdAt, expiresAt: r.expiresAt,
  };
}
