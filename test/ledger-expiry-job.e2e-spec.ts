import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { JOBS, QUEUES } from '../src/common/queue/queues';
import { inTransaction } from '../src/database/transaction';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { POINTS_EXPIRY_EVERY_MS } from '../src/modules/bonus-accounts/processors/points-expiry.processor';
import { createTestApp, TestContext } from './support/test-app';

describe('Points expiry job', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.app.close());

  it('is scheduled as one repeatable job on the maintenance queue', async () => {
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const repeatable = (await queue.getRepeatableJobs()).filter((j) => j.name === JOBS.expirePoints);
    expect(repeatable).toEqual([expect.objectContaining({ name: JOBS.expirePoints, every: POINTS_EXPIRY_EVERY_MS })]);
  });

  it('expires the remainder of past lots when the job runs, and writes the expiry into the ledger', async () => {
    const customer = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: 'expiry-job' }).expect(201);
    const accountId = customer.body.accountId;
    const ledger = ctx.app.get(BonusAccountsService);
    await inTransaction(ctx.dataSource, async (m) => {
      await ledger.lockAccounts(m, [accountId]);
      await ledger.applyBatch(m, [
        { accountId, type: 'accrual', points: '30', eventId: null, ruleId: null, idempotencyKey: 'job:1', expiresAt: new Date(Date.now() - 1000) },
        { accountId, type: 'accrual', points: '5', eventId: null, ruleId: null, idempotencyKey: 'job:2', expiresAt: null },
      ]);
    });
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const job = await queue.add(JOBS.expirePoints, {});
    await job.finished();
    const [account] = await ctx.dataSource.query('SELECT balance FROM bonus_accounts WHERE id = ?', [accountId]);
    expect(account.balance).toBe('5.00');
    const operations = await ctx.dataSource.query('SELECT type, points FROM bonus_operations WHERE account_id = ? ORDER BY id', [accountId]);
    expect(operations).toEqual([
      { type: 'accrual', points: '30.00' }, { type: 'accrual', points: '5.00' }, { type: 'expiry', points: '-30.00' },
    ]);
  });
});
