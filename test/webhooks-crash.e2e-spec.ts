import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { freePort } from './support/app-process';
import { commandEvent, createRule, purchaseRule, sendCommand } from './support/command-events';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

/** A worker process (ROLE=worker) with short webhook backoff, on the test database and queues. */
function startWorker(ctx: TestContext): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '../src/main.ts')], {
    env: {
      ...process.env, ROLE: 'worker', DB_NAME: ctx.config.db.name, QUEUE_PREFIX: ctx.config.queuePrefix,
      ADMIN_API_KEY: ctx.config.adminApiKey, LOG_LEVEL: 'silent', WORKER_PORT: '0',
      WEBHOOK_BACKOFF_BASE_MS: '200', WEBHOOK_BACKOFF_MAX_MS: '1000', WEBHOOK_BATCH_SIZE: '50',
    },
    stdio: 'ignore',
  });
}

describe('Webhooks survive a receiver outage and a killed worker', () => {
  let ctx: TestContext;
  let worker: ChildProcess | undefined;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    ctx = await createTestApp({ ROLE: 'api' });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await receiver.stop();
    await ctx.app.close();
  });

  const states = async () => {
    const rows: Array<{ state: string; n: string }> = await ctx.dataSource.query('SELECT state, COUNT(*) AS n FROM webhook_messages GROUP BY state');
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
  };

  it('delivers every message at least once after the receiver comes back and the worker is killed mid-delivery', async () => {
    receiver.port = await freePort(); // nothing listens there yet: the receiver is down
    await ctx.http().post('/admin/webhooks').set('X-Api-Key', ctx.adminKey)
      .send({ url: receiver.url, events: ['command.finished', 'customer_event.processed', 'points.accrued'] }).expect(201);
    await createRule(ctx, purchaseRule('2'));
    const apiKey = await createClient(ctx);
    const events = Array.from({ length: 1000 }, (_, i) => commandEvent({ operationAmount: 100 + (i % 7) }));
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200)).body;

    worker = startWorker(ctx);
    await waitFor(async () => {
      const [row] = await ctx.dataSource.query(
        "SELECT SUM(type = 'command.finished' AND attempts > 0) AS finished, SUM(attempts = 0) AS unsent FROM webhook_messages",
      );
      return Number(row.finished) === 1 && Number(row.unsent) === 0; // every batch tried once: none is taken into another any more
    }, 90000, 'every event processed and every delivery found the receiver down');
    const total = Object.values(await states()).reduce((a, b) => a + b, 0);
    expect(await states()).toEqual({ pending: total });

    receiver.answer(() => ({ status: 200, delayMs: 1500 }));
    await receiver.start();
    await waitFor(async () => receiver.received.length >= 1, 30000, 'the first delivery to reach the receiver');
    worker.kill('SIGKILL');
    const atKill = await states();
    expect(atKill.delivered ?? 0).toBeLessThan(total);

    worker = startWorker(ctx);
    await waitFor(async () => (await states()).delivered === total, 120000, 'every delivery to be marked delivered');

    const processed = new Set(receiver.items('customer_event.processed').map((e) => e.eventId));
    expect(processed.size).toBe(1000);
    expect([...processed].sort()).toEqual(events.map((e) => e.eventId).sort());
    expect(new Set(receiver.items('points.accrued').map((e) => e.externalEventId)).size).toBe(1000);
    const finished = receiver.items('command.finished');
    expect(finished.map((f) => [f.commandId, f.counts])).toContainEqual([commandId, { processed: 1000, rejected: 0, failed: 0, cancelled: 0 }]);
    const deliveryIds = receiver.accepted.map((d) => d.body.deliveryId);
    expect(new Set(deliveryIds).size).toBe(total); // at least once: a delivery cut by the kill may arrive twice
  }, 300000);
});
