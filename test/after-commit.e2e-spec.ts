import { afterCommit } from '../src/database/after-commit';
import { inTransaction } from '../src/database/transaction';
import { createTestApp, TestContext } from './support/test-app';

describe('work deferred until a transaction commits', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.app.close());

  it('runs once for a unit of work retried after a deadlock, and only after the commit', async () => {
    const ran: string[] = [];
    let attempt = 0;
    await inTransaction(ctx.dataSource, async (manager) => {
      attempt++;
      afterCommit(manager, () => ran.push(`attempt ${attempt}`));
      expect(ran).toEqual([]);
      if (attempt === 1) throw Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' });
    });
    expect(ran).toEqual(['attempt 2']);
  });

  it('never runs when the transaction rolls back, and runs at once outside a transaction', async () => {
    const ran: string[] = [];
    await expect(ctx.dataSource.transaction(async (manager) => {
      afterCommit(manager, () => ran.push('rolled back'));
      throw new Error('boom');
    })).rejects.toThrow('boom');
    afterCommit(ctx.dataSource.manager, () => ran.push('no transaction'));
    expect(ran).toEqual(['no transaction']);
  });
});
