import { crmLogin } from './crm-fixtures';
import { sendCommand } from './support/command-events';
import { createClient, createTestApp, TestContext } from './support/test-app';
import { TcpProxy } from './support/tcp-proxy';

describe('A database outage', () => {
  let proxy: TcpProxy;
  let ctx: TestContext;
  let key: string;
  let token: string;

  beforeAll(async () => {
    proxy = await new TcpProxy(Number(process.env.DB_PORT ?? 3306)).start();
    ctx = await createTestApp({ ROLE: 'api', DB_PORT: String(proxy.port) });
    key = await createClient(ctx);
    token = await crmLogin(ctx, key);
  });
  afterAll(async () => {
    await proxy.restore();
    await ctx.app.close();
    await proxy.stop();
  });

  const balance = () => sendCommand(ctx, key, { typeOfCommand: 'getBalanceCustomersExt', customers: [{ uniqId: 'nobody' }] });
  const bulk = () => ctx.http().post('/crm/customer_events/bulk/web/create').send({ token, web_customer_events_set: [] });
  const clients = () => ctx.http().get('/admin/clients').set('X-Api-Key', ctx.adminKey);

  it('answers 503 serviceUnavailable with Retry-After in each API style, then recovers by itself', async () => {
    await proxy.cut();
    const message = 'The database is unavailable; please retry the request';

    const command = await balance();
    expect(command.status).toBe(503);
    expect(command.headers['retry-after']).toBe('5');
    expect(command.body).toEqual({ status: 'Failure', error: { typeOfError: 'serviceUnavailable', description: message } });

    const crm = await bulk();
    expect(crm.status).toBe(503);
    expect(crm.headers['retry-after']).toBe('5');
    expect(crm.body).toEqual({ data: null, status: { code: 'ServiceUnavailableException', description: message, message } });

    const admin = await clients();
    expect(admin.status).toBe(503);
    expect(admin.headers['retry-after']).toBe('5');
    expect(admin.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message });

    await proxy.restore();
    expect((await balance()).status).toBe(200);
    expect((await clients()).status).toBe(200);
  });
});
