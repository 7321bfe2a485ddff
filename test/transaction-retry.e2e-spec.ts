import { Logger } from '@nestjs/common';
import { inTransaction } from '../src/database/transaction';
import { createTestApp, TestContext } from './support/test-app';

describe('a transaction retried after a lock error', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
    await ctx.dataSource.query('CREATE TABLE IF NOT EXISTS transaction_retry_probe (id INT PRIMARY KEY) ENGINE=InnoDB');
    await ctx.dataSource.query('INSERT IGNORE INTO transaction_retry_probe VALUES (1)');
  });
  afterAll(async () => {
    await ctx.dataSource.query('DROP TABLE IF EXISTS transaction_retry_probe');
    await ctx.app.close();
  });

  it('runs again after a lock wait timeout, and names the statement that waited at debug level', async () => {
    const holder = ctx.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM transaction_retry_probe WHERE id = 1 FOR UPDATE');
    const debug = jest.spyOn(Logger.prototype, 'debug');
    try {
      let attempts = 0;
      const done = inTransaction(ctx.dataSource, async (manager) => {
        attempts++;
        await manager.query('SET SESSION innodb_lock_wait_timeout = 1');
        await manager.query('SELECT id FROM transaction_retry_probe WHERE id = 1 FOR UPDATE');
        await manager.query('SET SESSION innodb_lock_wait_timeout = DEFAULT');
      });
      await new Promise((r) => setTimeout(r, 1500)); // the first attempt times out after 1 s
      await holder.rollbackTransaction();
      await done;
      expect(attempts).toBe(2);
      const retried = debug.mock.calls.filter(([, message]) => message === 'Transaction retried after a lock error');
      expect(retried).toHaveLength(1);
      expect(retried[0][0]).toMatchObject({ statement: 'SELECT id FROM transaction_retry_probe WHERE id = 1 FOR UPDATE', attempt: 1 });
    } finally {
      debug.mockRestore();
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
