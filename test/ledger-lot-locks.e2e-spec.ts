import { QueryRunner } from 'typeorm';
import { inTransaction } from '../src/database/transaction';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { createTestApp, TestContext } from './support/test-app';

/**
 * Event partitions process different accounts at the same time. Reading one account's lots must
 * not wait for another account's ledger write in progress, even when that account's lines sit
 * right after it in the live-lot index.
 */
describe('Ledger lot reads and other accounts in progress', () => {
  const DAY = 86_400_000;
  const HELD_MS = 8000;
  let ctx: TestContext;
  let ledger: BonusAccountsService;
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    ledger = ctx.app.get(BonusAccountsService);
  });
  afterAll(() => ctx.app.close());

  const newAccount = async (): Promise<string> => {
    const res = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: `lot-locks-${++seq}`, status: 'active' }).expect(201);
    return String(res.body.accountId);
  };

  /** Lots of 10.00 on the account, expiring at these moments, and the balance to match. */
  const giveLots = async (accountId: string, expiries: Date[]): Promise<void> => {
    await ctx.dataSource.query(
      'INSERT INTO bonus_operations (account_id, type, points, remaining, idempotency_key, created_at, expires_at) VALUES ?',
      [expiries.map((expiresAt, i) => [accountId, 'accrual', '10.00', '10.00', `lot-locks-${accountId}-${i}`, new Date(Date.now() - 30 * DAY), expiresAt])],
    );
    await ctx.dataSource.query('UPDATE bonus_accounts SET balance = ? WHERE id = ?', [`${10 * expiries.length}.00`, accountId]);
  };

  /** Another transaction writing a ledger line of `accountId` (a spend: first in its live-lot index entries), not committed until released. */
  const writeInProgress = async (accountId: string): Promise<QueryRunner> => {
    const runner = ctx.dataSource.createQueryRunner();
    await runner.startTransaction('READ COMMITTED');
    await runner.query(
      "INSERT INTO bonus_operations (account_id, type, points, remaining, idempotency_key, created_at) VALUES (?, 'spend', '-1.00', NULL, ?, NOW(3))",
      [accountId, `held-${accountId}`],
    );
    return runner;
  };

  /** A reversal on `accountId` as event processing books it, with the time it took. */
  const reverse = async (accountId: string, points: string): Promise<{ applied: string; shortfall: string; ms: number }> => {
    const started = Date.now();
    const [result] = await inTransaction(ctx.dataSource, async (m) => {
      await ledger.lockAccounts(m, [accountId]);
      return ledger.applyBatch(m, [{ accountId, type: 'reversal', points, eventId: null, ruleId: null, idempotencyKey: `rev-${accountId}`, expiresAt: null }]);
    }, 'READ COMMITTED');
    return { applied: result.applied, shortfall: result.shortfall, ms: Date.now() - started };
  };

  it.each([
    ['all its lots are due (expired first, then the reversal falls short)', [-2, -1], '5.00', { applied: '0.00', shortfall: '5.00' }],
    ['its lots expire later (the reversal reads them in order)', [20, 40], '15.00', { applied: '15.00', shortfall: '0.00' }],
  ])('books a reversal without waiting for the next account’s write when %s', async (_, days, points, expected) => {
    const account = await newAccount();
    const next = await newAccount();
    expect(BigInt(next)).toBeGreaterThan(BigInt(account));
    await giveLots(account, (days as number[]).map((d) => new Date(Date.now() + d * DAY)));
    await giveLots(next, [new Date(Date.now() + 10 * DAY)]);

    const held = await writeInProgress(next);
    const release = setTimeout(() => void held.rollbackTransaction(), HELD_MS);
    try {
      const result = await reverse(account, points as string);
      expect({ applied: result.applied, shortfall: result.shortfall }).toEqual(expected);
      expect(result.ms).toBeLessThan(HELD_MS / 2);
    } finally {
      clearTimeout(release);
      if (held.isTransactionActive) await held.rollbackTransaction();
      await held.release();
    }
    const [{ balance }] = await ctx.dataSource.query('SELECT balance FROM bonus_accounts WHERE id = ?', [account]);
    const [{ total }] = await ctx.dataSource.query('SELECT SUM(points) AS total FROM bonus_operations WHERE account_id = ?', [account]);
    expect(balance).toBe(total);
  });
});
