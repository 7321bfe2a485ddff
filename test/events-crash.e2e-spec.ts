import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { commandEvent, createRule, purchaseRule, sendCommand } from './support/command-events';
import { PendingEventsReconciler } from '../src/modules/customer-events/processing/pending-events-reconciler.service';
import { ledgerFindings } from './support/ledger-check';
import { clearQueues, createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** A worker process (ROLE=worker) on the test database and queues, as `npm start` would run it. */
function startWorker(ctx: TestContext): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '../src/main.ts')], {
    env: {
      ...process.env, ROLE: 'worker', DB_NAME: ctx.config.db.name, QUEUE_PREFIX: ctx.config.queuePrefix,
      ADMIN_API_KEY: ctx.config.adminApiKey, LOG_LEVEL: 'silent', WORKER_PORT: '0',
    },
    stdio: 'ignore',
  });
}

describe('Background processing survives a killed worker', () => {
  let ctx: TestContext;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    ctx = await createTestApp({ ROLE: 'api' });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await ctx.app.close();
  });

  it('loses nothing and doubles nothing when the worker is killed mid-way and started again', async () => {
    await createRule(ctx, purchaseRule('2'));
    const events: Array<Record<string, unknown>> = [];
    for (let c = 0; c < 4; c++) {
      const key = await createClient(ctx, 'integrator', `Bank ${c}`);
      const batch = Array.from({ length: 1000 }, (_, i) => commandEvent({ operationAmount: 50 + (i % 13) }));
      await sendCommand(ctx, key, { typeOfCommand: 'loadCustomerEventsExt', events: batch }).expect(200);
      events.push(...batch);
    }
    const processed = async () => Number((await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customer_events WHERE state <> 'pending'"))[0].n);

    worker = startWorker(ctx);
    const atKill = await waitFor(async () => {
      const n = await processed();
      return n >= 500 ? n : null;
    }, 60000, 'the worker to start processing');
    worker.kill('SIGKILL');
    expect(atKill).toBeLessThan(events.length);

    worker = startWorker(ctx);
    await waitFor(async () => (await processed()) === events.length, 90000, 'every event to be processed');

    const expected = events.reduce((sum, e) => sum + Math.floor(Number(e.operationAmount) * 0.02), 0);
    const [ledger] = await ctx.dataSource.query("SELECT COUNT(*) AS n, SUM(points) AS total FROM bonus_operations WHERE type = 'accrual'");
    expect(Number(ledger.n)).toBe(events.length);
    expect(Number(ledger.total)).toBe(expected);
    const [{ states }] = await ctx.dataSource.query("SELECT GROUP_CONCAT(DISTINCT state) AS states FROM customer_events");
    expect(states).toBe('processed');
    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    worker.kill('SIGKILL');
    worker = undefined;
  }, 180000);

  it('requeues events whose jobs were lost (Redis emptied) through the reconciler', async () => {
    await ctx.dataSource.query('DELETE FROM bonus_operations');
    const key = await createClient(ctx, 'integrator', 'Lost jobs bank');
    const events = Array.from({ length: 20 }, () => commandEvent({ operationAmount: 100 }));
    await sendCommand(ctx, key, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200);
    await clearQueues(ctx.config);
    await ctx.dataSource.query("UPDATE customer_events SET created_at = CURRENT_TIMESTAMP(3) - INTERVAL 5 MINUTE WHERE state = 'pending'");

    const workerApp = await createTestApp({ ROLE: 'worker' }, { reset: false });
    try {
      expect(await workerApp.app.get(PendingEventsReconciler).requeueStale()).toBe(20);
      await waitFor(async () => Number((await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customer_events WHERE state = 'pending'"))[0].n) === 0, 30000, 'requeued events');
      const [{ total }] = await ctx.dataSource.query("SELECT SUM(points) AS total FROM bonus_operations WHERE type = 'accrual'");
      expect(total).toBe('40.00');
    } finally {
      await workerApp.app.close();
    }
  });
});
