import { randomUUID } from 'crypto';
import { MigrationInterface } from 'typeorm';
import { UnambiguousExternalSystemKeys1732300009100 } from '../src/database/migrations/1732300009100-UnambiguousExternalSystemKeys';
import { CommandEventIds1732300009200 } from '../src/database/migrations/1732300009200-CommandEventIds';
import { createCustomer, crmLogin, seedDirectories } from './crm-fixtures';
import { commandEvent, sendCommand, waitForCommand } from './support/command-events';
import { createClient, createTestApp, TestContext } from './support/test-app';

describe('Migrations that convert stored data', () => {
  let ctx: TestContext;
  let token: string;
  let clientId: string;

  const legacyEvent = (id: string, externalKey: string, payload: Record<string, unknown> | null) =>
    ctx.dataSource.query(
      `INSERT INTO customer_events (id, client_id, source, type, external_key, performed_on, attributes, payload, state)
       VALUES (?, ?, 'crm', 'web', ?, '2016-06-22 15:00:00', '{}', ?, 'processed')`,
      [id, clientId, externalKey, payload && JSON.stringify(payload)],
    );
  const keyOf = async (id: string) => (await ctx.dataSource.query('SELECT external_key AS k FROM customer_events WHERE id = ?', [id]))[0].k;
  const web = (requestId: string, system: string, reference: string) => ctx.http().post('/crm/customer_events/bulk/web/create').send({
    token,
    web_customer_events_set: [{
      request_unique_identifier: requestId, accounts_receivable_identifier: { number: 'ACR0000000001' }, performed_by_unit_identifier: { name: 'Admin Unit' },
      performed_on: '2016-06-22T15:00:00', website: 'www.crm.com', external_system: system, external_system_reference_number: reference,
    }],
  });

  const migrate = async (migration: MigrationInterface, direction: 'up' | 'down') => {
    const runner = ctx.dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await crmLogin(ctx, await createClient(ctx, 'integrator', 'Web shop'));
    [{ id: clientId }] = await ctx.dataSource.query("SELECT id FROM api_clients WHERE name = 'Web shop'");
    await seedDirectories(ctx);
    await createCustomer(ctx, { accountNumber: 'ACR0000000001' });
    await legacyEvent('A'.repeat(32), 'ext:shopA/x/1', { external_system: 'shopA/x', external_system_reference_number: '1' });
    await legacyEvent('B'.repeat(32), 'ext:magasin-é/R-9', { external_system: 'magasin-é', external_system_reference_number: 'R-9' });
    await legacyEvent('C'.repeat(32), 'ext:LEGACY/R/2', null);
    await legacyEvent('D'.repeat(32), 'ref:RF/1', null);
    await migrate(new UnambiguousExternalSystemKeys1732300009100(), 'up');
  });
  afterAll(() => ctx.app.close());

  it('prefixes each key with the length of its system, taken from the payload or else up to the first slash', async () => {
    expect(await keyOf('A'.repeat(32))).toBe('ext:7:shopA/x/1');
    expect(await keyOf('B'.repeat(32))).toBe('ext:9:magasin-é/R-9');
    expect(await keyOf('C'.repeat(32))).toBe('ext:6:LEGACY/R/2');
    expect(await keyOf('D'.repeat(32))).toBe('ref:RF/1');
  });

  it('answers a resubmission of a migrated event with that event, and a look-alike reference as a new event', async () => {
    const retry = await web('r1', 'shopA/x', '1').expect(200);
    expect(retry.body.data.processed_customer_events_set).toEqual([expect.objectContaining({ request_unique_identifier: 'r1', id: 'A'.repeat(32) })]);
    const other = await web('r2', 'shopA', 'x/1').expect(200);
    expect(other.body.data.processed_customer_events_set).toEqual([expect.objectContaining({ request_unique_identifier: 'r2' })]);
    expect(other.body.data.processed_customer_events_set[0].id).not.toBe('A'.repeat(32));
  });

  describe('command eventIds', () => {
    let apiKey: string;
    const run = async (body: unknown): Promise<string> => {
      const res = await sendCommand(ctx, apiKey, body).expect(200);
      await waitForCommand(ctx, apiKey, res.body.commandId);
      return res.body.commandId;
    };

    it('records the eventIds already used, by the command that used them, so a later use is a duplicate', async () => {
      apiKey = await createClient(ctx, 'integrator', 'Core banking');
      const guid = randomUUID();
      const loaded = await run({ typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId: guid, eventId: 'used-by-load' })] });
      const quick = await run({ typeOfCommand: 'addBonusExtQuick', add: [{ amount: '5.00', guid, eventId: 'used-by-quick' }, { amount: '5.00', guid, eventId: 'used-by-quick' }] });
      const expected = [{ eventId: 'used-by-load', commandId: loaded }, { eventId: 'used-by-quick', commandId: quick }];
      const used = () => ctx.dataSource.query('SELECT event_id AS eventId, command_id AS commandId FROM command_event_ids ORDER BY event_id');
      expect(await used()).toEqual(expected);

      await migrate(new CommandEventIds1732300009200(), 'down');
      await migrate(new CommandEventIds1732300009200(), 'up');
      expect(await used()).toEqual(expected);
      const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'addBonusExtQuick', add: [{ amount: '5.00', guid, eventId: 'used-by-load' }] }).expect(200);
      expect(await waitForCommand(ctx, apiKey, res.body.commandId)).toEqual([expect.objectContaining({ state: 'rejected', error: 'Duplicate eventId' })]);
    });
  });
});
