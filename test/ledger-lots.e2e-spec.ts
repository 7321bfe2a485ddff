import { EntityManager } from 'typeorm';
import { inTransaction } from '../src/database/transaction';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { createTestApp, TestContext } from './support/test-app';

/**
 * A busy account holds thousands of lots, most of them long used up: spends, reversals and the
 * account view read its first live lots in expiry order through an index, never all of them.
 */
describe('Ledger lots of a long history', () => {
  const USED_UP = 3000;
  const LIVE = 2000;
  let ctx: TestContext;
  let ledger: BonusAccountsService;
  let account: { id: string; number: string };
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    ledger = ctx.app.get(BonusAccountsService);
  });
  afterAll(() => ctx.app.close());

  /** An account with USED_UP lots at zero (expiring first) and LIVE lots of 1.00 expiring a day apart, the latest first in id order. */
  beforeEach(async () => {
    const res = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: `lots-${++seq}`, status: 'active' }).expect(201);
    account = { id: res.body.accountId, number: res.body.accountNumber };
    const day = 86_400_000;
    const base = Date.now() + 10 * day;
    const rows: unknown[][] = [];
    for (let i = 0; i < USED_UP; i++) rows.push([account.id, 'accrual', '1.00', '0.00', `used-${seq}-${i}`, new Date(Date.now() + day), new Date(Date.now() + day)]);
    for (let i = 0; i < LIVE; i++) rows.push([account.id, 'accrual', '1.00', '1.00', `live-${seq}-${i}`, new Date(), new Date(base + (LIVE - i) * day)]);
    await ctx.dataSource.query(
      'INSERT INTO bonus_operations (account_id, type, points, remaining, idempotency_key, created_at, expires_at) VALUES ?',
      [rows],
    );
    await ctx.dataSource.query('UPDATE bonus_accounts SET balance = ? WHERE id = ?', [`${LIVE}.00`, account.id]);
  });

  /** Lot rows the ledger reads from bonus_operations while `work` runs. */
  async function lotRowsRead(work: () => Promise<unknown>): Promise<number> {
    const query = jest.spyOn(EntityManager.prototype, 'query');
    try {
      await work();
      const results = await Promise.all(
        query.mock.calls.map(([sql], i) => (/FROM bonus_operations/.test(String(sql)) && /remaining|live_expiry/.test(String(sql)) ? query.mock.results[i].value : [])),
      );
      return results.reduce((sum: number, rows: unknown) => sum + (Array.isArray(rows) ? rows.length : 0), 0);
    } finally {
      query.mockRestore();
    }
  }

  const liveRemainders = async (): Promise<Array<{ key: string; remaining: string }>> =>
    ctx.dataSource.query(
      `SELECT idempotency_key AS \`key\`, remaining FROM bonus_operations
        WHERE account_id = ? AND remaining IS NOT NULL AND remaining < points AND idempotency_key LIKE 'live-%' ORDER BY expires_at`,
      [account.id],
    );

  it('spends from the first-expiring lots, reading a bounded batch of them', async () => {
    const read = await lotRowsRead(() => inTransaction(ctx.dataSource, (m) => ledger.spend(m, { accountId: account.id, points: '2.50' })));
    expect(read).toBeLessThanOrEqual(100);
    expect(await liveRemainders()).toEqual([
      { key: `live-${seq}-${LIVE - 1}`, remaining: '0.00' },
      { key: `live-${seq}-${LIVE - 2}`, remaining: '0.00' },
      { key: `live-${seq}-${LIVE - 3}`, remaining: '0.50' },
    ]);
  });

  it('reads on in batches when a reversal needs more lots than one batch holds', async () => {
    const read = await lotRowsRead(() =>
      inTransaction(ctx.dataSource, async (m) => {
        await ledger.lockAccounts(m, [account.id]);
        const [result] = await ledger.applyBatch(m, [{
          accountId: account.id, type: 'reversal', points: '250.00', eventId: null, ruleId: null, idempotencyKey: `rev-${seq}`, expiresAt: null,
        }]);
        expect([result.applied, result.shortfall]).toEqual(['250.00', '0.00']);
      }),
    );
    expect(read).toBeLessThanOrEqual(300);
    const consumed = await liveRemainders();
    expect(consumed).toHaveLength(250);
    expect(consumed.every((lot, i) => lot.key === `live-${seq}-${LIVE - 1 - i}` && lot.remaining === '0.00')).toBe(true);
    const [{ balance }] = await ctx.dataSource.query('SELECT balance FROM bonus_accounts WHERE id = ?', [account.id]);
    expect(balance).toBe(`${LIVE - 250}.00`);
  });

  it('shows the first-expiring live lots in the account view through the live-lot index', async () => {
    const res = await ctx.http().get(`/admin/accounts/${account.number}`).set('X-Api-Key', ctx.adminKey).expect(200);
    expect(res.body.lots).toHaveLength(100);
    expect(res.body.lots[0].remaining).toBe('1.00');
    const expiries = res.body.lots.map((l: { expiresAt: string }) => Date.parse(l.expiresAt));
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
    const [plan] = await ctx.dataSource.query(
      `EXPLAIN SELECT id, points, remaining, created_at, expires_at FROM bonus_operations
        WHERE account_id = ? AND live_expiry IS NOT NULL ORDER BY live_expiry, id LIMIT 100`,
      [account.id],
    );
    expect(plan.key).toBe('ix_bonus_operations_live_lots');
    expect(String(plan.Extra)).not.toMatch(/filesort/);
  });

  it('keeps only the indexes the ledger reads, and the expiry job finds due accounts through the live-lot index', async () => {
    const indexes: Array<{ Key_name: string }> = await ctx.dataSource.query('SHOW INDEX FROM bonus_operations');
    expect([...new Set(indexes.map((i) => i.Key_name))].sort()).toEqual([
      'PRIMARY', 'ix_bonus_operations_account', 'ix_bonus_operations_event', 'ix_bonus_operations_expiry',
      'ix_bonus_operations_live_lots', 'uq_bonus_operations_idempotency',
    ]);
    const [plan] = await ctx.dataSource.query(
      `EXPLAIN SELECT DISTINCT account_id FROM bonus_operations
        WHERE account_id > ? AND live_expiry <= ? ORDER BY account_id LIMIT ?`,
      ['0', new Date(), 500],
    );
    expect(plan.key).toBe('ix_bonus_operations_live_lots');
    expect(String(plan.Extra)).toMatch(/Using index/);
    expect(String(plan.Extra)).not.toMatch(/filesort/);
  });
});
