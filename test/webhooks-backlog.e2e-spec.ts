import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { EVENT_PARTITIONS, eventPartitionQueue } from '../src/common/queue/queues';
import { inTransaction } from '../src/database/transaction';
import { EventBacklog } from '../src/modules/customer-events/routing/event-backlog';
import { WebhookOutbox } from '../src/modules/webhooks';
import { commandEvent, sendCommand, waitForCommand } from './support/command-events';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const MAX_DEFER_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Batched deliveries give way to a backlog of event processing, for at most WEBHOOK_MAX_DEFER_MS. */
describe('Webhook batches and the processing backlog', () => {
  let ctx: TestContext;
  let receiver: WebhookReceiver;
  let partitions: Queue[];

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_MAX_DEFER_MS: String(MAX_DEFER_MS) });
    partitions = Array.from({ length: EVENT_PARTITIONS }, (_, p) => ctx.app.get<Queue>(getQueueToken(eventPartitionQueue(p)), { strict: false }));
  });
  afterAll(() => ctx.app.close());

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
    await ctx.http().post('/admin/webhooks').set('X-Api-Key', ctx.adminKey).send({ url: receiver.url, events: ['points.accrued'] }).expect(201);
  });
  afterEach(async () => {
    await Promise.all(partitions.map((q) => q.resume(true)));
    await receiver.stop();
    const subscriptions = (await ctx.http().get('/admin/webhooks').set('X-Api-Key', ctx.adminKey)).body;
    for (const s of subscriptions) await ctx.http().delete(`/admin/webhooks/${s.id}`).set('X-Api-Key', ctx.adminKey).expect(204);
  });

  /** 1000 events of 1000 customers routed to every partition while this process takes none: one chunk waits in each. */
  async function holdBacklog(): Promise<{ apiKey: string; commandId: string }> {
    await Promise.all(partitions.map((q) => q.pause(true, true)));
    const apiKey = await createClient(ctx);
    const events = Array.from({ length: 1000 }, () => commandEvent());
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200)).body;
    await waitFor(() => ctx.app.get(EventBacklog).present(), 10000, 'chunks waiting in every partition');
    return { apiKey, commandId };
  }

  const recordAccrual = (points: string) => inTransaction(ctx.dataSource, (m) => ctx.app.get(WebhookOutbox).record(m, [
    { type: 'points.accrued', clientId: null, data: { customerGuid: 'backlog', points } },
  ]));

  it('holds a batch while chunks wait in the partitions and sends it once processing has caught up', async () => {
    const { apiKey, commandId } = await holdBacklog();
    await recordAccrual('1');
    await sleep(3000); // the batch's linger (1 s) and two looks at the backlog
    expect(receiver.received).toEqual([]);
    const [row] = await ctx.dataSource.query("SELECT state, attempts FROM webhook_messages WHERE type = 'points.accrued'");
    expect(row).toEqual({ state: 'pending', attempts: 0 });

    const resumedAt = Date.now();
    await Promise.all(partitions.map((q) => q.resume(true)));
    await waitForCommand(ctx, apiKey, commandId);
    await waitFor(async () => receiver.items('points.accrued').length === 1, 5000, 'the batch after the backlog');
    expect(receiver.items('points.accrued')).toEqual([{ customerGuid: 'backlog', points: '1' }]);
    expect(Date.now() - resumedAt).toBeLessThan(MAX_DEFER_MS);
  });

  it('sends a batch after WEBHOOK_MAX_DEFER_MS however long the backlog lasts', async () => {
    await holdBacklog();
    const recordedAt = Date.now();
    await recordAccrual('2');
    await waitFor(async () => receiver.items('points.accrued').length === 1, MAX_DEFER_MS + 5000, 'the batch despite the backlog');
    expect(Date.now() - recordedAt).toBeGreaterThanOrEqual(MAX_DEFER_MS);
    expect(await ctx.app.get(EventBacklog).present()).toBe(true);
    expect(receiver.items('points.accrued')).toEqual([{ customerGuid: 'backlog', points: '2' }]);
  });
});
