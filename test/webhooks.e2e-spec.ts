import { getQueueToken } from '@nestjs/bull';
import { randomUUID } from 'crypto';
import { Queue } from 'bull';
import { SINGLE_PURCHASE_EXAMPLE } from '../src/apis/crm-api/crm-examples';
import { EVENT_PARTITIONS, JOBS, QUEUES } from '../src/common/queue/queues';
import { partitionOf } from '../src/modules/customer-events/routing/partition-of';
import { inTransaction } from '../src/database/transaction';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { WebhookOutbox } from '../src/modules/webhooks';
import { adjust, createCustomer, createEntry } from './crm-fixtures';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { documentedVerifier } from './support/documented-verifier';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const ALL_EVENTS = [
  'command.finished', 'customer_event.processed', 'customer_event.rejected', 'customer_event.failed', 'points.accrued',
  'points.spent', 'points.expiring', 'points.expired', 'customer.status_changed',
];
const DAY = 24 * 60 * 60 * 1000;

describe('Outbound webhooks', () => {
  let ctx: TestContext;
  let receiver: WebhookReceiver;
  const verify = documentedVerifier();

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_BACKOFF_BASE_MS: '100', WEBHOOK_BACKOFF_MAX_MS: '400', WEBHOOK_RETRY_WINDOW_MS: '4000' });
  });
  afterAll(() => ctx.app.close());

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
  });
  afterEach(async () => {
    await receiver.stop();
    for (const s of (await admin().get('/admin/webhooks')).body) await admin().delete(`/admin/webhooks/${s.id}`).expect(204);
  });

  const admin = () => {
    const http = ctx.http();
    const withKey = <T extends { set: (k: string, v: string) => T }>(r: T) => r.set('X-Api-Key', ctx.adminKey);
    return {
      get: (url: string) => withKey(http.get(url)),
      post: (url: string) => withKey(http.post(url)),
      patch: (url: string) => withKey(http.patch(url)),
      delete: (url: string) => withKey(http.delete(url)),
    };
  };
  const subscribe = async (body: Record<string, unknown>) => (await admin().post('/admin/webhooks').send({ url: receiver.url, ...body }).expect(201)).body;
  const messageCount = async (type: string) => Number((await ctx.dataSource.query('SELECT COUNT(*) AS n FROM webhook_messages WHERE type = ?', [type]))[0].n);

  it('manages subscriptions: the secret is shown once, URLs are http or https, errors in the admin envelope', async () => {
    const created = await subscribe({ events: ['command.finished'] });
    expect(created).toEqual({
      id: expect.any(String), url: receiver.url, events: ['command.finished'], clientId: null, active: true, failingSince: null,
      createdAt: expect.any(String), updatedAt: expect.any(String), secret: expect.stringMatching(/^whsec_.{32}$/),
    });
    const listed = (await admin().get('/admin/webhooks').expect(200)).body;
    expect(listed).toEqual([{ ...created, secret: undefined, updatedAt: expect.any(String) }].map(({ secret, ...rest }) => rest));
    const own = await subscribe({ events: ['points.spent'], secret: 'a-secret-of-my-own-choosing', clientId: '7', active: false });
    expect(own).toMatchObject({ secret: 'a-secret-of-my-own-choosing', clientId: '7', active: false });
    const patched = await admin().patch(`/admin/webhooks/${own.id}`).send({ active: true, events: ['points.spent', 'points.expired'] }).expect(200);
    expect(patched.body).toMatchObject({ active: true, events: ['points.spent', 'points.expired'] });
    expect(patched.body.secret).toBeUndefined();

    const refused = await admin().post('/admin/webhooks').send({ url: 'ftp://example.com/x', events: ['command.finished'] }).expect(400);
    expect(refused.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'url must use http or https' });
    const unknown = await admin().post('/admin/webhooks').send({ url: receiver.url, events: ['points.stolen'] }).expect(400);
    expect(unknown.body.error).toBe('Bad Request');
    expect((await admin().get('/admin/webhooks/999999').expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Webhook subscription 999999 not found' });
    await ctx.http().get('/admin/webhooks').expect(401);
  });

  it('reports a command: command.finished with its counts, customer_event.processed per event with its points, status changes; every signature verifies', async () => {
    const { secret } = await subscribe({ events: ALL_EVENTS });
    const apiKey = await createClient(ctx);
    const ruleId = await createRule(ctx, purchaseRule('10'));
    const events = [commandEvent(), commandEvent({ operationAmount: 250 }), commandEvent({ operationAmount: 40 })];
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200)).body;
    await waitForCommand(ctx, apiKey, commandId);

    const [finished] = await waitFor(async () => receiver.items('command.finished').length && receiver.items('command.finished'), 10000, 'command.finished');
    expect(finished).toEqual({
      commandId, typeOfCommand: 'loadCustomerEventsExt', counts: { processed: 3, rejected: 0, failed: 0, cancelled: 0 }, total: 3, finishedAt: expect.any(String),
    });
    const processed = await waitFor(async () => receiver.items('customer_event.processed').length === 3 && receiver.items('customer_event.processed'));
    expect(processed.map((p) => [p.eventId, p.customerGuid, p.points, p.commandId, (p.operations as unknown[]).length]).sort()).toEqual([
      [events[0].eventId, String(events[0].customerId).toLowerCase(), '10.00', commandId, 1],
      [events[1].eventId, String(events[1].customerId).toLowerCase(), '25.00', commandId, 1],
      [events[2].eventId, String(events[2].customerId).toLowerCase(), '4.00', commandId, 1],
    ].sort());
    expect((processed[0].operations as Array<{ ruleId: string }>)[0].ruleId).toBe(ruleId);
    const accrued = await waitFor(async () => receiver.items('points.accrued').length === 3 && receiver.items('points.accrued'));
    expect(accrued.map((a) => a.points).sort()).toEqual(['10.00', '25.00', '4.00']);
    // Every field of both messages, against the register and the ledger.
    const lines: Array<{ id: string; event_id: string; points: string; expires_at: Date | null }> = await ctx.dataSource.query(
      'SELECT id, event_id, points, expires_at FROM bonus_operations WHERE rule_id = ? ORDER BY id', [ruleId],
    );
    const byExternalId = new Map(await Promise.all(events.map(async (e) => [e.eventId, (await ctx.dataSource.query(
      "SELECT id FROM customer_events WHERE command_id = ? AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.eventId')) = ?", [commandId, e.eventId],
    ))[0].id as string] as const)));
    const lineOf = (e: { eventId: unknown }) => lines.find((l) => l.event_id === byExternalId.get(String(e.eventId)))!;
    const sorted = <T extends Record<string, unknown>>(items: T[], key: string) => [...items].sort((x, y) => String(x[key]).localeCompare(String(y[key])));
    expect(sorted(processed, 'eventId')).toEqual(sorted(events.map((e) => ({
      id: lineOf(e).event_id, eventId: e.eventId, commandId, customerGuid: String(e.customerId).toLowerCase(), state: 'processed',
      points: lineOf(e).points, error: null, operations: [{ operationId: String(lineOf(e).id), ruleId, points: lineOf(e).points }],
    })), 'eventId'));
    expect(sorted(accrued, 'externalEventId')).toEqual(sorted(events.map((e) => ({
      customerGuid: String(e.customerId).toLowerCase(), eventId: lineOf(e).event_id, externalEventId: e.eventId, points: lineOf(e).points,
      operations: [{ operationId: String(lineOf(e).id), ruleId, points: lineOf(e).points, expiresAt: lineOf(e).expires_at?.toISOString() ?? null }],
    })), 'externalEventId'));
    const activated = await waitFor(async () => receiver.items('customer.status_changed').length === 3 && receiver.items('customer.status_changed'));
    expect(activated.map((a) => [a.from, a.to, a.cause])).toEqual(Array(3).fill(['new', 'active', { type: 'accrual' }]));

    const guid = events[0].customerId;
    await sendCommand(ctx, apiKey, { typeOfCommand: 'blockCustomers', customers: [{ guid }] }).expect(200);
    await sendCommand(ctx, apiKey, { typeOfCommand: 'activateCustomers', customers: [{ guid }] }).expect(200);
    const changes = await waitFor(async () => receiver.items('customer.status_changed').length === 5 && receiver.items('customer.status_changed').slice(3));
    const clientId = (await ctx.dataSource.query('SELECT client_id FROM command_runs WHERE id = ?', [commandId]))[0].client_id;
    expect(changes).toEqual([
      expect.objectContaining({ customerGuid: String(guid).toLowerCase(), from: 'active', to: 'blocked', cause: { type: 'command', typeOfCommand: 'blockCustomers', clientId: String(clientId) } }),
      expect.objectContaining({ customerGuid: String(guid).toLowerCase(), from: 'blocked', to: 'active', cause: { type: 'command', typeOfCommand: 'activateCustomers', clientId: String(clientId) } }),
    ]);

    expect(receiver.received.length).toBeGreaterThan(0);
    for (const d of receiver.received) {
      expect(verify(secret, d.headers, d.rawBody)).toBe(true);
      expect(d.headers['x-webhook-id']).toBe(d.body.deliveryId);
      expect(d.headers['x-webhook-event']).toBe(d.body.type);
    }
    expect(verify('another-secret-entirely', receiver.received[0].headers, receiver.received[0].rawBody)).toBe(false);
    expect(verify(secret, receiver.received[0].headers, receiver.received[0].rawBody.replace('}', ' }'))).toBe(false);
  });

  it('reports an item command: command.finished with its items by state and points.accrued per accrual', async () => {
    await subscribe({ events: ALL_EVENTS });
    const apiKey = await createClient(ctx);
    const add = [
      { uniqId: 'wh-quick-1', amount: '12.50', eventId: 'wh-q-1' },
      { uniqId: 'wh-quick-2', amount: '3.00', eventId: 'wh-q-2' },
      { uniqId: 'wh-quick-3', amount: '5.00', eventId: 'wh-q-1' },
    ];
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'addBonusExtQuick', add }).expect(200)).body;
    const [finished] = await waitFor(async () => receiver.items('command.finished').length && receiver.items('command.finished'), 15000, 'command.finished');
    expect(finished).toMatchObject({ commandId, typeOfCommand: 'addBonusExtQuick', counts: { processed: 2, rejected: 1, failed: 0, cancelled: 0 }, total: 3 });
    const accrued = await waitFor(async () => receiver.items('points.accrued').length === 2 && receiver.items('points.accrued'));
    expect(accrued.map((a) => [a.externalEventId, a.points]).sort()).toEqual([['wh-q-1', '12.50'], ['wh-q-2', '3.00']]);
  });

  it('reports an event that fails alone as customer_event.failed with its reason', async () => {
    await subscribe({ events: ['customer_event.failed', 'command.finished'] });
    const apiKey = await createClient(ctx);
    await createRule(ctx, purchaseRule('10'));
    const guid = randomUUID();
    const full = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: 'wh-full', guid, status: 'active' }).expect(201);
    await adjust(ctx, full.body.accountNumber, '9999999999999999.00');
    const event = commandEvent({ customerId: guid });
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [event, commandEvent()] }).expect(200)).body;
    const [failed] = await waitFor(async () => receiver.items('customer_event.failed').length && receiver.items('customer_event.failed'), 15000);
    expect(failed).toEqual({
      id: expect.any(String), eventId: event.eventId, commandId, customerGuid: guid, state: 'failed', points: '0.00',
      error: 'Balance would exceed the maximum of 9999999999999999.99 points', operations: [],
    });
    const [finished] = await waitFor(async () => receiver.items('command.finished').length && receiver.items('command.finished'), 15000);
    expect(finished.counts).toEqual({ processed: 1, rejected: 0, failed: 1, cancelled: 0 });
  });

  it('sends a subscription with a clientId only that client\'s command and event messages', async () => {
    const apiKey = await createClient(ctx, 'integrator', 'Client A');
    const other = await createClient(ctx, 'integrator', 'Client B');
    await createRule(ctx, purchaseRule('10'));
    const ownCommand = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }).expect(200)).body.commandId;
    await waitForCommand(ctx, apiKey, ownCommand);
    const clientId = String((await ctx.dataSource.query('SELECT client_id FROM command_runs WHERE id = ?', [ownCommand]))[0].client_id);
    await subscribe({ events: ALL_EVENTS, clientId });
    const mine = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }).expect(200)).body.commandId;
    const theirs = (await sendCommand(ctx, other, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }).expect(200)).body.commandId;
    await waitForCommand(ctx, apiKey, mine);
    await waitForCommand(ctx, other, theirs);
    await waitFor(async () => receiver.items('command.finished').length >= 1 && receiver.items('customer_event.processed').length >= 1, 10000);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.items('command.finished').map((c) => c.commandId)).toEqual([mine]);
    expect(receiver.items('customer_event.processed').map((c) => c.commandId)).toEqual([mine]);
    expect(receiver.items('points.accrued')).toEqual([]);
    expect(receiver.items('customer.status_changed')).toEqual([]);
  });

  it('retries a receiver that answers 500 three times: delivered on the fourth attempt with the same delivery id', async () => {
    let calls = 0;
    receiver.answer(() => (++calls <= 3 ? 500 : 200));
    const sub = await subscribe({ events: ['customer.status_changed'] });
    const customer = await createCustomer(ctx, { status: 'active' });
    const apiKey = await createClient(ctx);
    await sendCommand(ctx, apiKey, { typeOfCommand: 'blockCustomers', customers: [{ guid: (await customerGuid(customer.id)) }] }).expect(200);
    await waitFor(async () => receiver.accepted.length === 1, 10000, 'the fourth attempt');
    expect(receiver.received.map((d) => d.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(receiver.received.map((d) => d.headers['x-webhook-id'])).size).toBe(1);
    expect(new Set(receiver.received.map((d) => d.rawBody)).size).toBe(1);

    const log = (await admin().get(`/admin/webhooks/${sub.id}/deliveries`).expect(200)).body;
    expect(log).toEqual({
      deliveries: [{
        deliveryId: receiver.received[0].body.deliveryId, type: 'customer.status_changed', state: 'delivered', items: 1, attempts: 4,
        statusCode: 200, lastError: null, createdAt: expect.any(String), nextAttemptAt: null, deliveredAt: expect.any(String),
      }],
      nextCursor: null,
    });
    expect((await admin().get(`/admin/webhooks/${sub.id}/deliveries?state=dead`).expect(200)).body.deliveries).toEqual([]);
    await admin().get(`/admin/webhooks/${sub.id}/deliveries?state=lost`).expect(400);

    const replay = await admin().post(`/admin/webhooks/${sub.id}/deliveries/${receiver.received[0].body.deliveryId}/replay`).expect(202);
    expect(replay.body).toMatchObject({ state: 'pending' });
    await waitFor(async () => receiver.accepted.length === 2, 10000, 'the replay');
    expect(receiver.accepted[1].body.deliveryId).toBe(receiver.received[0].body.deliveryId);
    await admin().post(`/admin/webhooks/${sub.id}/deliveries/00000000-0000-0000-0000-000000000000/replay`).expect(404);
  });

  it('sends a batched delivery whose data is built at the first attempt with the same body on every retry', async () => {
    let calls = 0;
    receiver.answer(() => (++calls <= 2 ? 500 : 200));
    await subscribe({ events: ['customer_event.processed'] });
    const apiKey = await createClient(ctx);
    await createRule(ctx, purchaseRule('10'));
    const first = commandEvent({ operationAmount: 120 });
    const events = [first, commandEvent({ operationAmount: 30, customerId: first.customerId })]; // one customer: one chunk, one POST
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200)).body;
    await waitForCommand(ctx, apiKey, commandId);
    await waitFor(async () => receiver.accepted.length === 1, 10000, 'the third attempt');
    expect(receiver.received.map((d) => d.status)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((d) => d.rawBody)).size).toBe(1);
    const booked: Array<{ points: string }> = await ctx.dataSource.query('SELECT points FROM customer_events WHERE command_id = ? ORDER BY number', [commandId]);
    expect(Number(booked[0].points)).toBeGreaterThan(0);
    expect((receiver.accepted[0].body.data as Array<{ eventId: string; points: string }>).map((p) => [p.eventId, p.points]).sort()).toEqual([
      [events[0].eventId, booked[0].points], [events[1].eventId, booked[1].points],
    ].sort());
  });

  it('lets the batches of chunks committed while the first waits join it: fewer, fuller POSTs', async () => {
    await subscribe({ events: ['customer_event.processed'] });
    const apiKey = await createClient(ctx);
    const partitionOfGuid = (guid: string) => partitionOf(`g:${guid.toLowerCase()}`, EVENT_PARTITIONS);
    const events: Array<Record<string, unknown>> = [];
    const partitions = new Set<number>();
    while (events.length < 4) { // four customers in four partitions: four chunks, four outbox batches
      const event = commandEvent();
      if (partitions.has(partitionOfGuid(String(event.customerId)))) continue;
      partitions.add(partitionOfGuid(String(event.customerId)));
      events.push(event);
    }
    const { commandId } = (await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200)).body;
    await waitForCommand(ctx, apiKey, commandId);
    const processed = await waitFor(async () => receiver.items('customer_event.processed').length === 4 && receiver.items('customer_event.processed'), 10000);
    expect(processed.map((p) => p.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
    // The four chunks commit within the first batch's linger (one POST); a slow machine may split them, never into four.
    expect(receiver.received.length).toBeLessThan(4);
    const log = (await admin().get(`/admin/webhooks/${(await admin().get('/admin/webhooks')).body[0].id}/deliveries`).expect(200)).body;
    expect(log.deliveries.map((d: { items: number }) => d.items).reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(log.deliveries).toHaveLength(receiver.received.length);
  });

  it('queues one job per kind of batch and linger window, however many batches commit in it; each item is sent once', async () => {
    const sub = await subscribe({ events: ['points.accrued'] });
    const outbox = ctx.app.get(WebhookOutbox);
    for (let i = 0; i < 20; i += 1) {
      await inTransaction(ctx.dataSource, (m) => outbox.record(m, [{ type: 'points.accrued', clientId: null, data: { customerGuid: 'linger', points: String(i) } }]));
    }
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.webhooks));
    const jobs = (await queue.getJobs(['delayed', 'waiting', 'active'])).filter((j) => j?.data?.subscriptionId === sub.id);
    // Twenty commits within a 1 s linger: one job, two if they straddle a window's end (one per batch before).
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs.length).toBeLessThanOrEqual(2);
    expect(jobs.every((j) => j.name === JOBS.sendWebhookBatches)).toBe(true);
    await waitFor(async () => receiver.items('points.accrued').length >= 20, 10000);
    await new Promise((r) => setTimeout(r, 500)); // nothing sent twice
    expect(receiver.items('points.accrued').map((item) => Number(item.points)).sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(receiver.received.length).toBeLessThanOrEqual(2);
  });

  it('marks a delivery delivered even when that update is chosen as a deadlock victim: one POST, delivered at once', async () => {
    await subscribe({ events: ['command.finished'] });
    const posted = new Promise<void>((resolve) => receiver.answer(() => {
      resolve();
      return { status: 200, delayMs: 1000 };
    }));
    await inTransaction(ctx.dataSource, (m) => ctx.app.get(WebhookOutbox).record(m, [{ type: 'command.finished', clientId: null, data: { commandId: 'victim' } }]));
    await posted;
    const [row] = await ctx.dataSource.query("SELECT id FROM webhook_messages WHERE type = 'command.finished' AND JSON_CONTAINS(data, '{\"commandId\":\"victim\"}')");
    // A transaction heavier than the update holds the index range the delivered row moves into, then
    // asks for that row while the update waits: a deadlock, and the server rolls the lighter update back.
    const deadlocks = async () => Number((await ctx.dataSource.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0].Value);
    const deadlocksBefore = await deadlocks();
    const blocker = ctx.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction('REPEATABLE READ');
    try {
      await blocker.query('INSERT INTO expiry_notices (operation_id, days) VALUES ?', [Array.from({ length: 50 }, (_, i) => [9000000000000 + i, 1])]);
      await blocker.query("SELECT id FROM webhook_messages FORCE INDEX (ix_webhook_messages_due) WHERE state = 'delivered' FOR UPDATE");
      await new Promise((r) => setTimeout(r, 1200)); // the receiver's answer, after which the app marks the delivery
      await waitFor(async () => Number((await ctx.dataSource.query(
        "SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE 'UPDATE webhook_messages SET state = ''delivered''%'",
      ))[0].n) > 0, 5000, 'the delivered update waiting');
      await blocker.query('SELECT id FROM webhook_messages WHERE id = ? FOR UPDATE', [row.id]).catch(() => undefined);
    } finally {
      await blocker.rollbackTransaction().catch(() => undefined);
      await blocker.release();
    }
    expect(await deadlocks()).toBeGreaterThan(deadlocksBefore);
    await waitFor(async () => (await ctx.dataSource.query('SELECT state FROM webhook_messages WHERE id = ?', [row.id]))[0].state === 'delivered', 3000, 'the delivery marked delivered');
    expect(receiver.received).toHaveLength(1);
  });

  it('sends what another worker does not hold: a claim never waits on another claim, and the held batch follows when released', async () => {
    await subscribe({ events: ['points.accrued', 'command.finished'] });
    const outbox = ctx.app.get(WebhookOutbox);
    const accrued = (points: string) => [{ type: 'points.accrued' as const, clientId: null, data: { customerGuid: 'held', points } }];
    await inTransaction(ctx.dataSource, (m) => outbox.record(m, accrued('1')));
    const held = ctx.dataSource.createQueryRunner();
    await held.startTransaction();
    try {
      // As another worker's claim does: the oldest batch of the kind is locked until its transaction ends.
      const [first] = await ctx.dataSource.query("SELECT id FROM webhook_messages WHERE type = 'points.accrued' AND state = 'pending'");
      await held.query('SELECT id FROM webhook_messages WHERE id = ? FOR UPDATE', [first.id]);
      await inTransaction(ctx.dataSource, (m) => outbox.record(m, [...accrued('2'), { type: 'command.finished', clientId: null, data: { commandId: 'meanwhile' } }]));
      await waitFor(async () => receiver.items('points.accrued').length === 1 && receiver.items('command.finished').length === 1, 5000, 'the batches nobody holds');
      expect(receiver.items('points.accrued')).toEqual([{ customerGuid: 'held', points: '2' }]);
    } finally {
      await held.rollbackTransaction();
      await held.release();
    }
    await waitFor(async () => receiver.items('points.accrued').length === 2, 20000, 'the batch once released (the reconciler queues it again)');
    expect(receiver.items('points.accrued').map((item) => item.points).sort()).toEqual(['1', '2']);
  });

  it('marks a delivery dead after failing for the whole window and deactivates the subscription', async () => {
    receiver.answer(() => 503);
    const sub = await subscribe({ events: ['customer.status_changed'] });
    const customer = await createCustomer(ctx, { status: 'active' });
    const apiKey = await createClient(ctx);
    await sendCommand(ctx, apiKey, { typeOfCommand: 'blockCustomers', customers: [{ guid: (await customerGuid(customer.id)) }] }).expect(200);
    const dead = await waitFor(async () => {
      const page = (await admin().get(`/admin/webhooks/${sub.id}/deliveries?state=dead`)).body;
      return page.deliveries.length === 1 && page.deliveries[0];
    }, 15000, 'the delivery to die');
    expect(dead).toMatchObject({ state: 'dead', statusCode: 503, lastError: 'HTTP 503' });
    expect(dead.attempts).toBeGreaterThan(3);
    const after = (await admin().get(`/admin/webhooks/${sub.id}`).expect(200)).body;
    expect(after.active).toBe(false);
    const paged = (await admin().get(`/admin/webhooks/${sub.id}/deliveries?limit=1`).expect(200)).body;
    expect(paged.deliveries).toHaveLength(1);
  });

  it('announces a lot expiring in 6 days once, for the 7-day threshold, however often the job runs', async () => {
    await subscribe({ events: ['points.expiring', 'points.expired'] });
    const customer = await createCustomer(ctx, { status: 'active' });
    const guid = await customerGuid(customer.id);
    const ledger = ctx.app.get(BonusAccountsService);
    await inTransaction(ctx.dataSource, async (m) => {
      await ledger.lockAccounts(m, [customer.accountId]);
      await ledger.applyBatch(m, [
        { accountId: customer.accountId, type: 'accrual', points: '300', eventId: null, ruleId: null, idempotencyKey: 'soon', expiresAt: new Date(Date.now() + 6 * DAY) },
        { accountId: customer.accountId, type: 'accrual', points: '50', eventId: null, ruleId: null, idempotencyKey: 'later', expiresAt: new Date(Date.now() + 90 * DAY) },
        { accountId: customer.accountId, type: 'accrual', points: '7', eventId: null, ruleId: null, idempotencyKey: 'past', expiresAt: new Date(Date.now() - 1000) },
      ]);
    });
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    await (await queue.add(JOBS.expirePoints, {})).finished();
    await (await queue.add(JOBS.expirePoints, {})).finished();
    const expiredOf = () => receiver.items('points.expired').filter((e) => e.customerGuid === guid);
    await waitFor(async () => receiver.items('points.expiring').length >= 1 && expiredOf().length >= 1, 10000);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.items('points.expiring')).toEqual([{
      customerGuid: guid, thresholdDays: 7, points: '300.00', expiresAt: expect.any(String),
      lots: [{ operationId: expect.any(String), points: '300.00', expiresAt: expect.any(String) }],
    }]);
    expect(expiredOf()).toEqual([{ customerGuid: guid, points: '7.00', expiredAt: expect.any(String), lots: [{ lotId: expect.any(String), points: '7.00' }] }]);
    expect(await messageCount('points.expiring')).toBe(1);
  });

  it('reports a committed spend and nothing for a spend that rolls back (insufficient balance)', async () => {
    await subscribe({ events: ALL_EVENTS });
    const apiKey = await createClient(ctx);
    const customer = await createCustomer(ctx, { status: 'active', accessTokens: [{ authenticationCode: '4A30966F684B0269AD91' }] });
    const guid = await customerGuid(customer.id);
    for (const [kind, entry] of [
      ['classification', { code: 'CCC' }], ['currency', { code: 'EUR' }], ['product', { code: 'FREDESPR001' }],
      ['businessUnit', { code: 'EK123456', name: 'Espresso Kiosk' }], ['businessUnit', { code: 'CD123456', parentCode: 'EK123456' }],
    ] as const) await createEntry(ctx, kind, entry).catch(() => undefined);
    await adjust(ctx, customer.accountNumber, '10.00');
    const purchase = (body: Record<string, unknown>) => ctx.http().post('/crm/customer_events/purchases').set('api_key', apiKey).send(body);
    const seed = SINGLE_PURCHASE_EXAMPLE.request as Record<string, unknown>;
    await purchase({ ...seed, reference_number: 'WH-OVER', spend_request: { alternative_amount: 100 } }).expect(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(await messageCount('points.spent')).toBe(0);
    await purchase({ ...seed, reference_number: 'WH-OK' }).expect(200);
    const [spent] = await waitFor(async () => receiver.items('points.spent').length === 1 && receiver.items('points.spent'), 10000);
    expect(spent).toMatchObject({ customerGuid: guid, points: '2.12', operationId: expect.any(String) });
    expect(await messageCount('points.spent')).toBe(1);
  });

  const customerGuid = async (id: string): Promise<string> => {
    const [row] = await ctx.dataSource.query('SELECT guid FROM customers WHERE id = ?', [id]);
    if (row.guid) return row.guid;
    const guid = `${id}`.toLowerCase();
    await ctx.dataSource.query('UPDATE customers SET guid = ? WHERE id = ?', [guid, id]);
    return guid;
  };
});
