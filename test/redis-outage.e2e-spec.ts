import { getQueueToken } from '@nestjs/bull';
import { randomUUID } from 'crypto';
import { Queue } from 'bull';
import { JOBS, QUEUES } from '../src/common/queue/queues';
import { commandEvent, createRule, purchaseRule, sendCommand } from './support/command-events';
import { crmLogin, seedCustomers, seedDirectories, seedRequest } from './crm-fixtures';
import { clearQueues, createClient, createTestApp, TestContext, waitFor } from './support/test-app';
import { TcpProxy } from './support/tcp-proxy';

const pendingEvents = async (ctx: TestContext) =>
  Number((await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customer_events WHERE state = 'pending'"))[0].n);

describe('Redis restarted without its data', () => {
  let api: TestContext;
  let worker: TestContext;

  beforeAll(async () => {
    api = await createTestApp({ ROLE: 'api' });
    worker = await createTestApp({ ROLE: 'worker' }, { reset: false });
  });
  afterAll(async () => {
    await worker.app.close();
    await api.app.close();
  });

  it('schedules the maintenance jobs again and processes the events whose jobs were lost, without a worker restart', async () => {
    await createRule(api, purchaseRule('10'));
    const key = await createClient(api);
    const events = api.app.get<Queue>(getQueueToken(QUEUES.events));
    await events.pause();
    await sendCommand(api, key, { typeOfCommand: 'loadCustomerEventsExt', events: Array.from({ length: 20 }, () => commandEvent()) }).expect(200);
    // Everything Redis held is gone: the events' jobs, the pause, and every repeatable job.
    await clearQueues(api.config);
    await api.dataSource.query("UPDATE customer_events SET created_at = CURRENT_TIMESTAMP(3) - INTERVAL 5 MINUTE WHERE state = 'pending'");
    expect(await pendingEvents(api)).toBe(20);

    await waitFor(async () => (await pendingEvents(api)) === 0, 60000, 'the lost events to be processed');
    const [{ total }] = await api.dataSource.query("SELECT SUM(points) AS total FROM bonus_operations WHERE type = 'accrual'");
    expect(total).toBe('200.00');
    const names = async (queue: string) => (await worker.app.get<Queue>(getQueueToken(queue)).getRepeatableJobs()).map((j) => j.name).sort();
    expect(await names(QUEUES.maintenance)).toEqual([JOBS.expirePoints, JOBS.reconcileEvents]);
    expect(await names(QUEUES.commands)).toEqual([JOBS.reconcileCommands]);
  }, 90000);
});

describe('Calls that queue work while Redis is unreachable', () => {
  let proxy: TcpProxy;
  let ctx: TestContext;
  let key: string;
  let token: string;

  beforeAll(async () => {
    proxy = await new TcpProxy(Number(process.env.REDIS_PORT ?? 6379)).start();
    ctx = await createTestApp({ ROLE: 'all', REDIS_PORT: String(proxy.port) });
    key = await createClient(ctx);
    token = await crmLogin(ctx, key);
    await seedDirectories(ctx);
    await seedCustomers(ctx);
    await createRule(ctx, purchaseRule('10'));
  });
  afterAll(async () => {
    await proxy.restore();
    await ctx.app.close();
    await proxy.stop();
  });

  const timed = async <T>(call: () => Promise<T>): Promise<{ answer: T; ms: number }> => {
    const started = Date.now();
    const answer = await call();
    return { answer, ms: Date.now() - started };
  };

  it('answer within 2 s with the work stored once, and the work is done when Redis is back', async () => {
    await proxy.cut();
    const events = Array.from({ length: 3 }, () => commandEvent());
    const load = await timed(() => sendCommand(ctx, key, { typeOfCommand: 'loadCustomerEventsExt', events }));
    const quickId = randomUUID();
    const quick = await timed(() => sendCommand(ctx, key, {
      typeOfCommand: 'addBonusExtQuick', add: [{ amount: '5', uniqId: `outage-${quickId}`, eventId: quickId }],
    }));
    const bulk = await timed(() => ctx.http().post('/crm/customer_events/bulk/web/create').send(seedRequest('web', token)));

    for (const call of [load, quick, bulk]) {
      expect(call.answer.status).toBe(200);
      expect(call.ms).toBeLessThan(2000);
    }
    const commandId = load.answer.body.commandId;
    const [{ n }] = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM customer_events WHERE command_id = ?', [commandId]);
    expect(Number(n)).toBe(3);
    expect(bulk.answer.body.data.processed_customer_events_set.length).toBeGreaterThan(0);

    await proxy.restore();
    await waitFor(async () => (await pendingEvents(ctx)) === 0, 60000, 'the stored events to be processed');
    await waitFor(async () => {
      const [run] = await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [quick.answer.body.commandId]);
      return run?.state === 'done';
    }, 60000, 'addBonusExtQuick step 2');
    const [{ total }] = await ctx.dataSource.query("SELECT SUM(points) AS total FROM customer_events WHERE command_id = ? AND state = 'processed'", [commandId]);
    expect(total).toBe('30.00');
  }, 120000);
});
