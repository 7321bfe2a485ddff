import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isOutOfRangeError } from '../../common/errors';
import { formatCents, toCents } from '../../common/decimal/cents';
import { SQL_POINTS } from '../../common/decimal/points-limits';
import { afterCommit } from '../../database/after-commit';
import { EngineMetrics } from '../../metrics/engine-metrics';
import { balanceOverflow } from './bonus-accounts.errors';
import { LedgerBook, LotNeed } from './domain/ledger-book';
import { Lot } from './domain/lot-consumption';
import { LockedAccount } from './ledger.types';

/** Rows per INSERT statement: keeps each statement well under max_allowed_packet. */
const INSERT_CHUNK = 1000;
/** Lots read per step of a consumption. */
const LOT_BATCH = 100;
/** Where lots that never expire sort in `live_expiry` (see the LiveLotOrder migration). */
const NEVER = new Date('9999-12-31T23:59:59.999Z');

interface LotRow {
  id: string;
  account_id: string;
  remaining: string;
  expires_at: Date | null;
}

const toLot = (row: LotRow): Lot => ({ id: String(row.id), remaining: toCents(row.remaining), expiresAt: row.expires_at });

/** Ascending numeric order of BIGINT ids given as strings: the order accounts are locked in. */
export function sortIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/**
 * The SQL of the ledger: locking, loading lots into a LedgerBook and writing a book back with
 * set-based statements. Used only by BonusAccountsService, inside the caller's transaction.
 */
@Injectable()
export class LedgerStore {
  constructor(private readonly metrics: EngineMetrics) {}

  async lock(manager: EntityManager, accountIds: string[]): Promise<Map<string, LockedAccount>> {
    const ids = sortIds(accountIds);
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; customerId: string; customerGuid: string | null; balance: string; customerStatus: LockedAccount['customerStatus'] }> =
      await manager.query(
        `SELECT a.id, a.customer_id AS customerId, c.guid AS customerGuid, a.balance, c.status AS customerStatus
           FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id
          WHERE a.id IN (?) ORDER BY a.id FOR UPDATE`,
        [ids],
      );
    return new Map(rows.map((r) => [String(r.id), {
      id: String(r.id), customerId: r.customerId, customerGuid: r.customerGuid, balance: r.balance, customerStatus: r.customerStatus,
    }]));
  }

  /** Idempotency keys among `keys` that are already in the ledger. */
  async existingKeys(manager: EntityManager, keys: string[]): Promise<Map<string, { id: string; points: string }>> {
    const found = new Map<string, { id: string; points: string }>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
      const rows: Array<{ id: string; idempotency_key: string; points: string }> = await manager.query(
        'SELECT id, idempotency_key, points FROM bonus_operations WHERE idempotency_key IN (?)',
        [unique.slice(i, i + INSERT_CHUNK)],
      );
      for (const r of rows) found.set(r.idempotency_key, { id: String(r.id), points: r.points });
    }
    return found;
  }

  /**
   * A book over the accounts' current balances; their lots are read as far as the work needs
   * (`loadDueLots`, `loadLots`). Locking reads, so they see the latest committed rows whatever
   * snapshot the transaction started with (the caller holds the account locks; re-locking is free).
   *
   * The lot reads skip rows locked by other transactions (`SKIP LOCKED`): a range read of one
   * account's lots also reads the first index entry past them, which belongs to the next account,
   * and would wait for whoever is writing that account. No row of a locked account is ever skipped:
   * its ledger lines are written only under its account lock, which the caller holds.
   */
  async openBook(manager: EntityManager, accountIds: string[]): Promise<LedgerBook> {
    const ids = sortIds(accountIds);
    if (ids.length === 0) return new LedgerBook();
    const balances: Array<{ id: string; balance: string }> = await manager.query(
      'SELECT id, balance FROM bonus_accounts WHERE id IN (?) ORDER BY id FOR UPDATE',
      [ids],
    );
    return new LedgerBook(balances.map((b) => [String(b.id), toCents(b.balance)]));
  }

  /** Every live lot of the accounts that is due by `now` (expiry consumes them all), in one read. */
  async loadDueLots(manager: EntityManager, book: LedgerBook, accountIds: string[], now: Date): Promise<void> {
    const ids = sortIds(accountIds);
    if (ids.length === 0) return;
    const rows: LotRow[] = await manager.query(
      `SELECT id, account_id, remaining, expires_at FROM bonus_operations
        WHERE account_id IN (?) AND live_expiry <= ? ORDER BY account_id, live_expiry, id FOR UPDATE SKIP LOCKED`,
      [ids, now],
    );
    const byAccount = new Map<string, Lot[]>(ids.map((id) => [id, []]));
    for (const row of rows) byAccount.get(String(row.account_id))!.push(toLot(row));
    for (const [accountId, lots] of byAccount) book.addStoredLots(accountId, lots, false, now);
  }

  /**
   * Reads the account's next live lots in consumption order (expiry, then age), LOT_BATCH at a
   * time, until the book has what `need` asks for or the account has no more.
   */
  async loadLots(manager: EntityManager, book: LedgerBook, accountId: string, need: LotNeed): Promise<void> {
    while (book.lotsWanted(accountId, need)) {
      const last = book.lastStoredLot(accountId);
      const after = last ? ' AND (live_expiry > ? OR (live_expiry = ? AND id > ?))' : '';
      const position = last ? [last.expiresAt ?? NEVER, last.expiresAt ?? NEVER, last.id] : [];
      const rows: LotRow[] = await manager.query(
        `SELECT id, account_id, remaining, expires_at FROM bonus_operations
          WHERE account_id = ? AND live_expiry IS NOT NULL${after} ORDER BY live_expiry, id LIMIT ? FOR UPDATE SKIP LOCKED`,
        [accountId, ...position, LOT_BATCH],
      );
      book.addStoredLots(accountId, rows.map(toLot), rows.length < LOT_BATCH);
    }
  }

  /**
   * Writes the book: one multi-row INSERT of its lines (chunked), one UPDATE of the stored lots it
   * consumed and one UPDATE of the balances. Returns the new operation ids aligned with
   * `book.operations`, unless `withIds` is false (the expiry job does not need them). A line or a
   * balance past what its column holds is refused as a balance overflow, writing nothing.
   */
  async write(manager: EntityManager, book: LedgerBook, now = new Date(), withIds = true): Promise<string[]> {
    try {
      return await this.writeBook(manager, book, now, withIds);
    } catch (error) {
      if (isOutOfRangeError(error)) throw balanceOverflow();
      throw error;
    }
  }

  private async writeBook(manager: EntityManager, book: LedgerBook, now: Date, withIds: boolean): Promise<string[]> {
    const operations = book.operations;
    if (operations.length === 0) return [];
    const ids = new Map<string, string>();
    for (let i = 0; i < operations.length; i += INSERT_CHUNK) {
      const chunk = operations.slice(i, i + INSERT_CHUNK);
      const rows = chunk.map((o) => [
        o.accountId, o.type, formatCents(o.points), o.remaining === null ? null : formatCents(o.remaining), o.eventId, o.externalEventId, o.ruleId,
        o.lotId, o.idempotencyKey, o.comment, now, o.expiresAt,
      ]);
      const inserted: { insertId: string | number } = await manager.query(
        `INSERT INTO bonus_operations
           (account_id, type, points, remaining, event_id, external_event_id, rule_id, lot_id, idempotency_key, comment, created_at, expires_at)
         VALUES ?`,
        [rows],
      );
      if (withIds) await this.readInsertedIds(manager, chunk.map((o) => o.idempotencyKey), inserted.insertId, ids);
    }
    const lotChanges = book.changedLots();
    if (lotChanges.length > 0) {
      await manager.query(
        `UPDATE bonus_operations SET remaining = CASE id ${lotChanges.map(() => `WHEN ? THEN ${SQL_POINTS}`).join(' ')} END WHERE id IN (?)`,
        [...lotChanges.flatMap(([id, remaining]) => [id, formatCents(remaining)]), lotChanges.map(([id]) => id)],
      );
    }
    const deltas = book.balanceDeltas();
    if (deltas.length > 0) {
      await manager.query(
        `UPDATE bonus_accounts SET balance = balance + CASE id ${deltas.map(() => `WHEN ? THEN ${SQL_POINTS}`).join(' ')} END WHERE id IN (?)`,
        [...deltas.flatMap(([id, delta]) => [id, formatCents(delta)]), deltas.map(([id]) => id)],
      );
    }
    afterCommit(manager, () => this.metrics.ledgerWritten(operations));
    return withIds ? operations.map((o) => ids.get(o.idempotencyKey)!) : [];
  }

  /**
   * The ids of the lines one INSERT just wrote, by idempotency key: read in id order from the
   * statement's first id, where a multi-row INSERT's ids follow each other; any line not found
   * there (ids of a concurrent statement interleaved) is looked up by its key.
   */
  private async readInsertedIds(manager: EntityManager, keys: string[], firstId: string | number, into: Map<string, string>): Promise<void> {
    const rows: Array<{ id: string; idempotency_key: string }> = await manager.query(
      'SELECT id, idempotency_key FROM bonus_operations WHERE id >= ? ORDER BY id LIMIT ?',
      [firstId, keys.length],
    );
    for (const r of rows) into.set(r.idempotency_key, String(r.id));
    const missing = keys.filter((key) => !into.has(key));
    for (const [key, { id }] of await this.existingKeys(manager, missing)) into.set(key, id);
  }
}
