import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassCode, verifyPassCode } from '../../common/crypto/pass-code-hash';

/**
 * One way the CRM API names a bonus account: by the account's own id, number (ACR…) or name, by the
 * rewards participant number (RP…; the participant id is the account id), by the contact (customer)
 * id, or through one of the customer's effective access tokens.
 */
export type AccountLookupKey =
  | { by: 'id' | 'number' | 'name' | 'participantNumber' | 'contactId' | 'authenticationCode'; value: string }
  | { by: 'accessTokenIdentifier'; value: string; passCode: string };

export interface FoundAccount {
  id: string;
  customerId: string;
  number: string | null;
  participantNumber: string | null;
  name: string | null;
  referredByAccountId: string | null;
}

interface AccountRow {
  id: string;
  customer_id: string;
  number: string | null;
  participant_number: string | null;
  name: string | null;
  referred_by_account_id: string | null;
  token_value?: string;
  token_id?: string;
  pass_code_hash?: string | null;
}

const ACCOUNT_COLUMNS = 'a.id, a.customer_id, a.number, a.participant_number, a.name, a.referred_by_account_id';

/** Which column of which join answers each kind of key. */
const LOOKUPS: Record<AccountLookupKey['by'], string> = {
  id: `SELECT ${ACCOUNT_COLUMNS}, a.id AS token_value FROM bonus_accounts a WHERE a.id IN (?)`,
  number: `SELECT ${ACCOUNT_COLUMNS}, a.number AS token_value FROM bonus_accounts a WHERE a.number IN (?)`,
  name: `SELECT ${ACCOUNT_COLUMNS}, a.name AS token_value FROM bonus_accounts a WHERE a.name IN (?) ORDER BY a.id`,
  participantNumber: `SELECT ${ACCOUNT_COLUMNS}, a.participant_number AS token_value FROM bonus_accounts a WHERE a.participant_number IN (?)`,
  contactId: `SELECT ${ACCOUNT_COLUMNS}, a.customer_id AS token_value FROM bonus_accounts a WHERE a.customer_id IN (?)`,
  authenticationCode:
    `SELECT ${ACCOUNT_COLUMNS}, t.authentication_code AS token_value FROM access_tokens t ` +
    `JOIN bonus_accounts a ON a.customer_id = t.customer_id WHERE t.authentication_code IN (?) AND t.status = 'effective'`,
  accessTokenIdentifier:
    `SELECT ${ACCOUNT_COLUMNS}, t.identifier AS token_value, t.id AS token_id, t.pass_code_hash FROM access_tokens t ` +
    `JOIN bonus_accounts a ON a.customer_id = t.customer_id WHERE t.identifier IN (?) AND t.status = 'effective' ORDER BY t.id`,
};

/**
 * Bulk look-ups of bonus accounts for the CRM API: one `IN` query per kind of key used, whatever
 * the number of keys, answered aligned with the input (`null` where nothing matches).
 */
@Injectable()
export class AccountLookupService {
  private readonly logger = new Logger(AccountLookupService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findAccounts(keys: readonly AccountLookupKey[], manager: EntityManager = this.dataSource.manager): Promise<Array<FoundAccount | null>> {
    const valuesByKind = new Map<AccountLookupKey['by'], Set<string>>();
    for (const key of keys) {
      // Ids are BIGINT: a non-numeric value would be cast by MySQL ('12abc' = 12), so it matches nothing instead.
      if (key.by === 'id' && !/^\d{1,19}$/.test(key.value)) continue;
      let values = valuesByKind.get(key.by);
      if (!values) valuesByKind.set(key.by, (values = new Set()));
      values.add(key.value);
    }
    const found = new Map<AccountLookupKey['by'], Map<string, AccountRow[]>>();
    await Promise.all(
      [...valuesByKind].map(async ([kind, values]) => {
        const rows: AccountRow[] = await manager.query(LOOKUPS[kind], [[...values]]);
        const byValue = new Map<string, AccountRow[]>();
        for (const row of rows) {
          const value = String(row.token_value);
          const list = byValue.get(value);
          if (list) list.push(row);
          else byValue.set(value, [row]);
        }
        found.set(kind, byValue);
      }),
    );
    // A pass code hash is slow on purpose: each identifier and pass code pair of a call is checked once.
    const checked = new Map<string, Promise<AccountRow | null>>();
    return Promise.all(
      keys.map(async (key) => {
        const rows = found.get(key.by)?.get(key.value);
        if (!rows) return null;
        if (key.by !== 'accessTokenIdentifier') return toSummary(rows[0]);
        const pair = JSON.stringify([key.value, key.passCode]);
        let match = checked.get(pair);
        if (!match) checked.set(pair, (match = this.firstWithPassCode(rows, key.passCode)));
        const row = await match;
        return row ? toSummary(row) : null;
      }),
    );
  }

  /** The first token whose stored hash matches; a legacy SHA-256 hash that matches is replaced by a scrypt hash. */
  private async firstWithPassCode(rows: AccountRow[], passCode: string): Promise<AccountRow | null> {
    for (const row of rows) {
      if (!row.pass_code_hash) continue;
      const { match, rehash } = await verifyPassCode(passCode, row.pass_code_hash);
      if (!match) continue;
      if (rehash) await this.rehash(row, passCode);
      return row;
    }
    return null;
  }

  private async rehash(row: AccountRow, passCode: string): Promise<void> {
    try {
      await this.dataSource.query('UPDATE access_tokens SET pass_code_hash = ? WHERE id = ? AND pass_code_hash = ?', [
        await hashPassCode(passCode), row.token_id, row.pass_code_hash,
      ]);
    } catch (error) {
      this.logger.warn({ err: error, accessTokenId: row.token_id }, 'Could not rehash a legacy pass code');
    }
  }

  /**
   * Records who referred whom, a participant being referred once: the referred accounts are locked
   * (in id order) and each claim succeeds only if its account has no referrer yet and no earlier
   * claim of the list took it. One UPDATE for all, conditional on `referred_by_account_id IS NULL`.
   * Runs inside the caller's transaction, with the referral events' insert. Answer aligned with `claims`.
   */
  async claimReferrals(manager: EntityManager, claims: ReadonlyArray<{ referredAccountId: string; referrerAccountId: string }>): Promise<boolean[]> {
    if (claims.length === 0) return [];
    const ids = [...new Set(claims.map((c) => c.referredAccountId))].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const rows: Array<{ id: string; referred_by_account_id: string | null }> = await manager.query(
      'SELECT id, referred_by_account_id FROM bonus_accounts WHERE id IN (?) ORDER BY id FOR UPDATE',
      [ids],
    );
    const free = new Set(rows.filter((r) => r.referred_by_account_id === null).map((r) => String(r.id)));
    const granted = claims.map((claim) => free.delete(claim.referredAccountId));
    const winners = claims.filter((_, i) => granted[i]);
    if (winners.length > 0) {
      await manager.query(
        `UPDATE bonus_accounts SET referred_by_account_id = CASE id ${winners.map(() => 'WHEN ? THEN ?').join(' ')} END
         WHERE id IN (?) AND referred_by_account_id IS NULL`,
        [...winners.flatMap((w) => [w.referredAccountId, w.referrerAccountId]), winners.map((w) => w.referredAccountId)],
      );
    }
    return granted;
  }
}

function toSummary(row: AccountRow): FoundAccount {
  return {
    id: String(row.id),
    customerId: row.customer_id,
    number: row.number,
    participantNumber: row.participant_number,
    name: row.name,
    referredByAccountId: row.referred_by_account_id === null ? null : String(row.referred_by_account_id),
  };
}
