import { EntityManager } from 'typeorm';
import { inTransaction } from '../src/database/transaction';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { createTestApp, TestContext } from './support/test-app';

/**
 * The ledger answers with the id of every line it writes (operationId). It reads them after the
 * multi-row INSERT from the statement's first id on; a line of another statement among those ids
 * must not take one of ours.
 */
describe('Ids of the ledger lines just written', () => {
  let ctx: TestContext;
  let ledger: BonusAccountsService;

  beforeAll(async () => {
    ctx = await createTestApp();
    ledger = ctx.app.get(BonusAccountsService);
  });
  afterAll(() => ctx.app.close());

  const accrual = (accountId: string, key: string) => ({
    accountId, type: 'accrual' as const, points: '1.00', eventId: null, ruleId: null, idempotencyKey: key, expiresAt: null,
  });

  it('gives each line its own id when another statement wrote a line between its ids', async () => {
    const res = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: 'line-ids', status: 'active' }).expect(201);
    const accountId = String(res.body.accountId);
    const other = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: 'line-ids-other', status: 'active' }).expect(201);
    const otherAccountId = String(other.body.accountId);
    const keys = ['ids-a', 'ids-b', 'ids-c', 'ids-d'];

    // Ids two apart for this transaction's INSERT; another connection commits a line (of another
    // account) into the gap after its first id as soon as the INSERT returns.
    const original = EntityManager.prototype.query;
    let foreignId: string | null = null;
    const spy = jest.spyOn(EntityManager.prototype, 'query').mockImplementation(async function (this: EntityManager, sql: string, params?: unknown[]) {
      const result = await original.call(this, sql, params);
      if (/^\s*INSERT INTO bonus_operations/.test(sql) && foreignId === null) {
        foreignId = String(BigInt((result as { insertId: string }).insertId) + 1n);
        await ctx.dataSource.query(
          "INSERT INTO bonus_operations (id, account_id, type, points, remaining, idempotency_key, created_at) VALUES (?, ?, 'accrual', '1.00', '1.00', 'ids-foreign', NOW(3))",
          [foreignId, otherAccountId],
        );
      }
      return result;
    });
    let results: Awaited<ReturnType<BonusAccountsService['applyBatch']>>;
    try {
      results = await inTransaction(ctx.dataSource, async (m) => {
        await m.query('SET SESSION auto_increment_increment = 2');
        try {
          await ledger.lockAccounts(m, [accountId]);
          return await ledger.applyBatch(m, keys.map((key) => accrual(accountId, key)));
        } finally {
          await m.query('SET SESSION auto_increment_increment = 1');
        }
      }, 'READ COMMITTED');
    } finally {
      spy.mockRestore();
    }

    expect(foreignId).not.toBeNull();
    const stored: Array<{ id: string; idempotency_key: string }> = await ctx.dataSource.query(
      'SELECT id, idempotency_key FROM bonus_operations WHERE account_id IN (?) ORDER BY id', [[accountId, otherAccountId]],
    );
    const idOf = new Map(stored.map((r) => [r.idempotency_key, String(r.id)]));
    expect(idOf.get('ids-foreign')).toBe(foreignId);
    expect(results.map((r) => r.operationId)).toEqual(keys.map((key) => idOf.get(key)));
    expect(new Set(results.map((r) => r.operationId)).size).toBe(keys.length);
  });
});
