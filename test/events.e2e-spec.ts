import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { readFileSync } from 'fs';
import * as path from 'path';
import { SEED_EXAMPLES } from '../src/apis/command-api/seed-examples';
import { QUEUES } from '../src/common/queue/queues';
import { PendingEventsReconciler } from '../src/modules/customer-events/processing/pending-events-reconciler.service';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { ledgerFindings } from './support/ledger-check';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

const seedRequest = SEED_EXAMPLES.loadCustomerEventsExt.request;
const PREVIOUS_RUNNING = 'You cannot send a new command until the previous command has been processed';

describe('loadCustomerEventsExt and getEventOperation', () => {
  let ctx: TestContext;
  let apiKey: string;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.app.close());

  beforeEach(async () => {
    apiKey = await createClient(ctx);
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await ctx.dataSource.query(sql, params))[0].n);

  it('answers the seed 000 example as the seed does and earns exactly 10 points with a 10 % purchase rule', async () => {
    const ruleId = await createRule(ctx, purchaseRule('10'));
    const res = await sendCommand(ctx, apiKey, seedRequest).expect(200);
    const { commandId, ...answer } = res.body;
    expect(answer).toEqual({ errors: [], status: 'Success', error: null });
    expect(commandId).toMatch(/^[0-9a-f-]{36}$/);

    const events = await waitForCommand(ctx, apiKey, commandId);
    expect(events).toEqual([{
      eventId: '123456', state: 'processed', customerId: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', points: '10.00',
      operations: [{ operationId: expect.any(String), ruleId, ruleName: '10% back on purchases', points: '10.00' }], error: null,
    }]);
    const byIds = await sendCommand(ctx, apiKey, { typeOfCommand: 'getEventOperation', eventIds: ['123456'] }).expect(200);
    expect(byIds.body).toEqual({ events, status: 'Success', error: null });

    const customers = await ctx.http().get('/admin/customers').query({ guid: '5C5720C6-3BF9-49E1-927C-1E85EFF4D870' }).set('X-Api-Key', ctx.adminKey).expect(200);
    expect(customers.body).toHaveLength(1);
    expect(customers.body[0]).toMatchObject({
      status: 'active', balance: '10.00', customerType1: 'debitCardHolder', customerType2: 'depositHolder',
      customerType3: 'creditHolder', customerType4: 'male', customerType5: 'goldSupport',
    });
    const directories = await ctx.http().get('/admin/directories/merchant').set('X-Api-Key', ctx.adminKey).expect(200);
    expect(directories.body.map((e: { code: string }) => e.code)).toContain('123456');
  });

  it('refuses the seed body as written, with its trailing comma, as wrongFormat', async () => {
    const seedText = readFileSync(path.resolve(__dirname, 'fixtures/seed-000-load-customer-events-ext.txt'), 'utf8');
    const body = seedText.slice(seedText.indexOf('{'), seedText.indexOf('Request parameters:')).replace('......', '').replace(/,\s*\]/, ']').trim();
    expect(body).toContain('"merchantName":"TSUM",');
    const before = await count('SELECT COUNT(*) AS n FROM customer_events');
    const res = await ctx.http().post('/api/commands').set('X-Api-Key', apiKey).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.typeOfError).toBe('wrongFormat');
    expect(await count('SELECT COUNT(*) AS n FROM customer_events')).toBe(before);
  });

  it('lets only one of two concurrent commands of a client through', async () => {
    const [a, b] = await Promise.all([
      sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }),
      sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    const accepted = a.status === 200 ? a : b;
    expect(refused.body).toEqual({ status: 'Failure', error: { typeOfError: 'notAllowed', description: PREVIOUS_RUNNING } });
    await waitForCommand(ctx, apiKey, accepted.body.commandId);
    const next = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] });
    expect(next.status).toBe(200);
    await waitForCommand(ctx, apiKey, next.body.commandId);
  });

  it('does not lock a client out when a worker died before marking its finished command done', async () => {
    const first = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }).expect(200);
    await waitForCommand(ctx, apiKey, first.body.commandId);
    const leftRunning = () => ctx.dataSource.query("UPDATE command_runs SET state = 'accepted', finished_at = NULL WHERE id = ?", [first.body.commandId]);
    const runState = async () => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [first.body.commandId]))[0].state;
    await leftRunning();

    const next = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] });
    expect(next.body).toEqual({ errors: [], status: 'Success', error: null, commandId: expect.any(String) });
    expect(await runState()).toBe('done');
    await waitForCommand(ctx, apiKey, next.body.commandId);

    const maintenance = ctx.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    await maintenance.pause(true); // the scheduled reconciler stays out of the way: this test runs it itself
    try {
      await leftRunning();
      expect((await ledgerFindings(ctx.dataSource)).map((f) => f.check)).toEqual(['run-unfinished-with-nothing-pending']);
      expect(await ctx.app.get(PendingEventsReconciler).finishIdleRuns()).toBe(1);
      expect(await runState()).toBe('done');
      expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    } finally {
      await maintenance.resume(true);
    }
  });

  it('holds the single in-flight rule across two app instances sharing MariaDB and Redis', async () => {
    const other = await createTestApp({ ROLE: 'api' }, { reset: false });
    try {
      const [a, b] = await Promise.all([
        sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }),
        other.http().post('/api/commands').set('X-Api-Key', apiKey).send({ typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      await waitForCommand(ctx, apiKey, (a.status === 200 ? a : b).body.commandId);
    } finally {
      await other.app.close();
    }
  });

  it('rejects the whole command listing every bad item, and stores nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM customer_events');
    const merchantsBefore = await count("SELECT COUNT(*) AS n FROM directory_entries WHERE kind = 'merchant'");
    const bad = commandEvent({ eventId: '636554297092801053', operationAmount: -5, merchantId: 999001 });
    const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ merchantId: 999002 }), bad, commandEvent()] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [{ eventId: '636554297092801053', typeOfError: 'wrongParam', description: 'Invalid operationAmount: a non-negative number with at most 4 decimals is expected' }],
      status: 'Failure',
      error: { typeOfError: 'wrongData', description: 'Number of errors - 1' },
    });
    expect(await count('SELECT COUNT(*) AS n FROM customer_events')).toBe(before);
    expect(await count("SELECT COUNT(*) AS n FROM directory_entries WHERE kind = 'merchant'")).toBe(merchantsBefore);
    expect(await count('SELECT COUNT(*) AS n FROM command_runs WHERE client_id = (SELECT id FROM api_clients WHERE key_hash = SHA2(?, 256))', [apiKey])).toBe(0);
  });

  it('answers wrongFormat to more than MAX_ITEMS_PER_COMMAND events and to a missing list', async () => {
    const events = Array.from({ length: 1001 }, () => commandEvent());
    const tooMany = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'events must contain at most 1000 items' } });
    const missing = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({ typeOfError: 'wrongFormat', description: 'events must be an array' });
  });

  it('gives wrongParam Unknown customer type when the customer-type directory is closed', async () => {
    await ctx.http().post('/admin/directories/customerType2').set('X-Api-Key', ctx.adminKey).send({ code: 'premiumDeposit' }).expect(201);
    await ctx.http().put('/admin/directories/customerType2/policy').set('X-Api-Key', ctx.adminKey).send({ closed: true }).expect(200);
    try {
      const known = commandEvent({ customerType2: 'premiumDeposit' });
      const unknown = commandEvent({ eventId: '636554297092801053', customerType2: 'platinumVip' });
      const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [known, unknown] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(SEED_EXAMPLES.loadCustomerEventsExt.responses.itemErrors);
    } finally {
      await ctx.http().put('/admin/directories/customerType2/policy').set('X-Api-Key', ctx.adminKey).send({ closed: false }).expect(200);
    }
  });

  it('rejects a duplicate eventId in its result and accrues nothing for it', async () => {
    await createRule(ctx, purchaseRule('10'));
    const customerId = commandEvent().customerId;
    const first = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId, eventId: 'dup-1' })] }).expect(200);
    await waitForCommand(ctx, apiKey, first.body.commandId);
    const second = await sendCommand(ctx, apiKey, {
      typeOfCommand: 'loadCustomerEventsExt',
      events: [commandEvent({ customerId, eventId: 'dup-1', operationAmount: 500 }), commandEvent({ customerId, eventId: 'dup-2' })],
    }).expect(200);
    const results = await waitForCommand(ctx, apiKey, second.body.commandId);
    const duplicate = results.find((e: { eventId: string }) => e.eventId === 'dup-1') as Record<string, unknown>;
    expect(duplicate).toMatchObject({ state: 'rejected', error: 'Duplicate eventId', operations: [] });
    const [account] = await ctx.dataSource.query('SELECT a.balance FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.guid = ?', [String(customerId).toLowerCase()]);
    const rulePoints = await count('SELECT COUNT(*) AS n FROM reward_rules WHERE deleted_at IS NULL AND active = 1');
    expect(Number(account.balance)).toBe(20 * rulePoints);
    expect(await count("SELECT COUNT(*) AS n FROM customer_events WHERE external_key = 'cmd:dup-1'")).toBe(1);
  });

  it('reverses a refund without going below zero and reports the shortfall', async () => {
    // Dated today, so the purchase's points are still live when the refund comes.
    const customerId = commandEvent().customerId;
    const purchase = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId, eventDate: new Date().toISOString(), operationAmount: 100 })] }).expect(200);
    await waitForCommand(ctx, apiKey, purchase.body.commandId);
    const [{ balance }] = await ctx.dataSource.query('SELECT a.balance FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.guid = ?', [String(customerId).toLowerCase()]);
    const refund = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId, eventDate: new Date().toISOString(), operationType: 'refund', operationAmount: 300 })] }).expect(200);
    const [result] = await waitForCommand(ctx, apiKey, refund.body.commandId);
    expect(result).toMatchObject({ state: 'processed', points: `-${balance}` });
    expect(result.error).toMatch(/^Balance too low to reverse everything: \d+\.\d{2} points not reversed$/);
    const [after] = await ctx.dataSource.query('SELECT a.balance FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.guid = ?', [String(customerId).toLowerCase()]);
    expect(after.balance).toBe('0.00');
  });

  it('processes a 1000-event command completely with exact totals, balances equal to their ledgers', async () => {
    await ctx.dataSource.query('UPDATE reward_rules SET deleted_at = CURRENT_TIMESTAMP(3)');
    await createRule(ctx, purchaseRule('1.5'));
    await waitFor(async () => (await ctx.http().get('/admin/rules').set('X-Api-Key', ctx.adminKey)).body.length === 1, 10000, 'rule cache');
    const customers = Array.from({ length: 50 }, () => commandEvent().customerId);
    const events = Array.from({ length: 1000 }, (_, i) => commandEvent({ customerId: customers[i % 50], operationAmount: `${(i % 7) * 10 + 3}.3300` }));
    const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200);
    const results = await waitForCommand(ctx, apiKey, res.body.commandId, 60000);
    expect(results).toHaveLength(1000);
    expect(results.every((e: { state: string }) => e.state === 'processed')).toBe(true);
    // floor(1.5 % of amount), per event
    const expected = events.reduce((sum, e) => sum + Math.floor((Number(String(e.operationAmount)) * 15) / 1000), 0);
    const [{ total }] = await ctx.dataSource.query(
      'SELECT SUM(points) AS total FROM bonus_operations WHERE event_id IN (SELECT id FROM customer_events WHERE command_id = ?)',
      [res.body.commandId],
    );
    expect(Number(total)).toBe(expected);
    const mismatched = await ctx.dataSource.query(
      'SELECT a.id FROM bonus_accounts a LEFT JOIN (SELECT account_id, SUM(points) s FROM bonus_operations GROUP BY account_id) o ON o.account_id = a.id WHERE a.balance <> COALESCE(o.s, 0)',
    );
    expect(mismatched).toEqual([]);
  });

  it('answers getEventOperation errors in the Command API envelope', async () => {
    const unknown = await sendCommand(ctx, apiKey, { typeOfCommand: 'getEventOperation', commandId: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ typeOfError: 'wrongParam', description: 'Unknown commandId 00000000-0000-0000-0000-000000000000' });
    const none = await sendCommand(ctx, apiKey, { typeOfCommand: 'getEventOperation' });
    expect(none.status).toBe(400);
    expect(none.body.error.typeOfError).toBe('wrongFormat');
    const empty = await sendCommand(ctx, apiKey, { typeOfCommand: 'getEventOperation', eventIds: ['never-sent'] }).expect(200);
    expect(empty.body).toEqual({ events: [], status: 'Success', error: null });
  });

  it('shows an event with its operations to admins', async () => {
    const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ eventId: 'admin-view' })] }).expect(200);
    await waitForCommand(ctx, apiKey, res.body.commandId);
    const [{ id }] = await ctx.dataSource.query("SELECT id FROM customer_events WHERE external_key = 'cmd:admin-view'");
    const detail = await ctx.http().get(`/admin/events/${id}`).set('X-Api-Key', ctx.adminKey).expect(200);
    expect(detail.body).toMatchObject({ id, source: 'command', type: 'operation', state: 'processed', attributes: { operationType: 'purchase', merchant: '123456' } });
    expect(detail.body.operations.length).toBeGreaterThan(0);
    await ctx.http().get('/admin/events/0123456789ABCDEF0123456789ABCDEF').set('X-Api-Key', ctx.adminKey).expect(404);
  });
});
