import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { EntityManager } from 'typeorm';
import { QUEUES } from '../src/common/queue/queues';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { LedgerEntryRequest } from '../src/modules/bonus-accounts/ledger.types';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { ledgerFindings } from './support/ledger-check';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

describe('Events whose processing fails', () => {
  let ctx: TestContext;
  let apiKey: string;
  let admin: Record<string, string>;
  let accounts: BonusAccountsService;
  let applyBatch: BonusAccountsService['applyBatch'];

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = { 'X-Api-Key': ctx.adminKey };
    accounts = ctx.app.get(BonusAccountsService);
    applyBatch = accounts.applyBatch.bind(accounts);
    await createRule(ctx, purchaseRule('10'));
  });
  afterAll(() => ctx.app.close());

  beforeEach(async () => {
    apiKey = await createClient(ctx);
  });
  afterEach(() => jest.restoreAllMocks());

  /** Sends one command and answers the register ids of its events, in the order sent. */
  const send = async (events: Array<Record<string, unknown>>) => {
    const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200);
    const rows: Array<{ id: string }> = await ctx.dataSource.query('SELECT id FROM customer_events WHERE command_id = ? ORDER BY number', [res.body.commandId]);
    return { commandId: res.body.commandId as string, ids: rows.map((r) => r.id) };
  };
  const eventState = async (id: string) =>
    (await ctx.dataSource.query('SELECT state, points, error FROM customer_events WHERE id = ?', [id]))[0] as { state: string; points: string | null; error: string | null };
  const runState = async (commandId: string) => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [commandId]))[0].state;

  /** Ledger writes for events with these eventIds fail with a data error (as a bad value would) until the set is emptied. */
  const poisoned = new Set<string>();
  const failWritesOfPoisonedEvents = () =>
    jest.spyOn(accounts, 'applyBatch').mockImplementation(async (manager: EntityManager, requests: LedgerEntryRequest[], options) => {
      const ids = requests.map((r) => r.eventId);
      const rows: Array<{ key: string }> = ids.length ? await manager.query('SELECT external_key AS `key` FROM customer_events WHERE id IN (?)', [ids]) : [];
      if (rows.some((r) => poisoned.has(r.key.replace(/^cmd:/, '')))) throw new Error('Out of range value for column');
      return applyBatch(manager, requests, options);
    });

  it('retries an event whose database connection was lost mid-way, and accrues it once', async () => {
    jest.spyOn(accounts, 'applyBatch').mockImplementationOnce(async (manager: EntityManager, requests: LedgerEntryRequest[], options) => {
      const [{ id }] = await manager.query('SELECT CONNECTION_ID() AS id');
      await ctx.dataSource.query(`KILL CONNECTION ${Number(id)}`);
      return applyBatch(manager, requests, options);
    });
    const { commandId, ids } = await send([commandEvent({ operationAmount: 100 })]);

    const [event] = await waitForCommand(ctx, apiKey, commandId);
    expect(event).toMatchObject({ state: 'processed', points: '10.00', error: null });
    expect(accounts.applyBatch).toHaveBeenCalledTimes(2);
    const [{ n }] = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations WHERE event_id = ?', [ids[0]]);
    expect(Number(n)).toBe(1);
    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
  });

  it('fails only the event whose data cannot be processed; an admin requeues it by id once the cause is fixed', async () => {
    failWritesOfPoisonedEvents();
    const bad = commandEvent({ operationAmount: 200 });
    poisoned.add(bad.eventId as string);
    const { commandId, ids } = await send([commandEvent({ operationAmount: 100 }), bad]);

    const events = await waitForCommand(ctx, apiKey, commandId);
    expect(events.map((e) => e.state)).toEqual(['processed', 'failed']);
    expect(await runState(commandId)).toBe('done');

    poisoned.clear();
    const res = await ctx.http().post('/admin/events/requeue').set(admin).send({ ids: [ids[1], ids[0]] }).expect(200);
    expect(res.body).toEqual({ requeued: 1 });
    await waitFor(async () => (await eventState(ids[1])).state === 'processed', 20000, 'the requeued event');
    expect(await eventState(ids[1])).toEqual({ state: 'processed', points: '20.00', error: null });
    expect(await eventState(ids[0])).toEqual({ state: 'processed', points: '10.00', error: null });
    expect(await runState(commandId)).toBe('done');
    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
  });

  it('requeues every event that failed in a period, and none outside it', async () => {
    failWritesOfPoisonedEvents();
    const events = [1, 2, 3].map(() => commandEvent({ operationAmount: 100 }));
    events.forEach((e) => poisoned.add(e.eventId as string));
    const { commandId, ids } = await send(events);
    expect((await waitForCommand(ctx, apiKey, commandId)).map((e) => e.state)).toEqual(['failed', 'failed', 'failed']);
    await ctx.dataSource.query("UPDATE customer_events SET processed_at = '2026-01-01 10:00:00' WHERE id = ?", [ids[2]]);
    poisoned.clear();

    const period = { state: 'failed', from: '2026-01-01T09:00:00Z', to: '2026-01-01T11:00:00Z' };
    expect((await ctx.http().post('/admin/events/requeue').set(admin).send(period).expect(200)).body).toEqual({ requeued: 1 });
    await waitFor(async () => (await eventState(ids[2])).state === 'processed', 20000, 'the requeued event');
    expect((await eventState(ids[0])).state).toBe('failed');

    const sinceThen = { state: 'failed', from: '2026-01-01T11:00:00Z', to: new Date(Date.now() + 60_000).toISOString() };
    expect((await ctx.http().post('/admin/events/requeue').set(admin).send(sinceThen).expect(200)).body).toEqual({ requeued: 2 });
    expect((await waitForCommand(ctx, apiKey, commandId)).map((e) => e.points)).toEqual(['10.00', '10.00', '10.00']);
  });

  it('requeues a failed event as often as needed, also when it is all its command sent', async () => {
    failWritesOfPoisonedEvents();
    const event = commandEvent({ operationAmount: 300 });
    poisoned.add(event.eventId as string);
    const { commandId, ids } = await send([event]);
    expect((await waitForCommand(ctx, apiKey, commandId)).map((e) => e.state)).toEqual(['failed']);

    expect((await ctx.http().post('/admin/events/requeue').set(admin).send({ ids }).expect(200)).body).toEqual({ requeued: 1 });
    await waitFor(async () => (await eventState(ids[0])).state === 'failed' && (await runState(commandId)) === 'done', 20000, 'the event to fail again');
    poisoned.clear();
    expect((await ctx.http().post('/admin/events/requeue').set(admin).send({ ids }).expect(200)).body).toEqual({ requeued: 1 });
    expect((await waitForCommand(ctx, apiKey, commandId)).map((e) => [e.state, e.points])).toEqual([['processed', '30.00']]);
  });

  it('never writes an award twice: a pending event whose line the ledger already holds fails, the line stays single', async () => {
    const customerId = commandEvent().customerId as string;
    const first = await send([commandEvent({ customerId })]);
    await waitForCommand(ctx, apiKey, first.commandId);
    const [{ accountId, ruleId }] = await ctx.dataSource.query(
      'SELECT account_id AS accountId, rule_id AS ruleId FROM bonus_operations WHERE event_id = ?', [first.ids[0]],
    );
    const events = ctx.app.get<Queue>(getQueueToken(QUEUES.events));
    await events.pause();
    let second: { commandId: string; ids: string[] };
    try {
      second = await send([commandEvent({ customerId, operationAmount: 100 })]);
      // A line under the key the event's award would take, as no code path writes it (by hand).
      const key = `${second.ids[0]}:${ruleId}:accrual`;
      await ctx.dataSource.query(
        "INSERT INTO bonus_operations (account_id, type, points, remaining, event_id, rule_id, idempotency_key, created_at) VALUES (?, 'accrual', '10.00', '10.00', ?, ?, ?, NOW(3))",
        [accountId, second.ids[0], ruleId, key],
      );
      await ctx.dataSource.query('UPDATE bonus_accounts SET balance = balance + 10 WHERE id = ?', [accountId]);
    } finally {
      await events.resume();
    }
    expect((await waitForCommand(ctx, apiKey, second.commandId)).map((e) => e.state)).toEqual(['failed']);
    const [{ n: lines }] = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations WHERE event_id = ?', [second.ids[0]]);
    expect(Number(lines)).toBe(1);
    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
  });

  it('refuses a selection that is not one with 400 naming the problem, and integrators with 403', async () => {
    const res = await ctx.http().post('/admin/events/requeue').set(admin).send({ ids: ['nope'], state: 'failed' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'give either ids or state, from and to' });
    const period = await ctx.http().post('/admin/events/requeue').set(admin).send({ state: 'pending', from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(period.status).toBe(400);
    expect(period.body.message).toBe("state must be 'failed' (or give ids); to must not be before from");
    const integrator = await ctx.http().post('/admin/events/requeue').set('X-Api-Key', apiKey).send({ ids: ['0123456789ABCDEF0123456789ABCDEF'] });
    expect(integrator.status).toBe(403);
  });

  it('documents the requeue endpoint with both kinds of selection', async () => {
    const docs = await ctx.http().get('/docs-json').expect(200);
    const operation = docs.body.paths['/admin/events/requeue'].post;
    expect(Object.keys(operation.requestBody.content['application/json'].examples)).toEqual(['By id', 'Failed in a period']);
    expect(operation.responses['200']).toBeDefined();
  });
});
