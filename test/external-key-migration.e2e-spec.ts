import { UnambiguousExternalSystemKeys1732300009100 } from '../src/database/migrations/1732300009100-UnambiguousExternalSystemKeys';
import { createCustomer, crmLogin, seedDirectories } from './crm-fixtures';
import { createClient, createTestApp, TestContext } from './support/test-app';

describe('Migration of CRM external-system keys to their unambiguous form', () => {
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
    const runner = ctx.dataSource.createQueryRunner();
    try {
      await new UnambiguousExternalSystemKeys1732300009100().up(runner);
    } finally {
      await runner.release();
    }
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
});
