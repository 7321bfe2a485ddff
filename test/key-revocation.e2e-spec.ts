import { crmLogin } from './crm-fixtures';
import { createTestApp, TestContext, waitFor } from './support/test-app';

/** Two processes on one database and Redis: an admin changes a client through one, the other must follow at once. */
describe('Key revocation across processes', () => {
  let adminSide: TestContext;
  let otherProcess: TestContext;
  const admin = () => ({ 'X-Api-Key': adminSide.adminKey });
  /** Well under the 5 s a process may keep a key it read, should a change message be lost. */
  const AT_ONCE_MS = 1500;

  const createKey = async (scopes?: string[]) =>
    (await adminSide.http().post('/admin/clients').set(admin()).send({ name: 'POS', role: 'integrator', ...(scopes ? { scopes } : {}) }).expect(201)).body;
  const balance = (key: string) =>
    otherProcess.http().post('/api/commands').set('X-Api-Key', key).send({ typeOfCommand: 'getBalanceCustomersExt', customers: [{ uniqId: 'nobody' }] });

  beforeAll(async () => {
    adminSide = await createTestApp();
    otherProcess = await createTestApp({ ROLE: 'api' }, { reset: false });
  });
  afterAll(async () => {
    await otherProcess.app.close();
    await adminSide.app.close();
  });

  it('refuses a deleted client in the other process at once', async () => {
    const client = await createKey();
    expect((await balance(client.apiKey)).status).toBe(200);
    await adminSide.http().delete(`/admin/clients/${client.id}`).set(admin()).expect(204);
    await waitFor(async () => (await balance(client.apiKey)).status === 401, AT_ONCE_MS, 'the other process to refuse the deleted key');
    const login = await otherProcess.http().post('/crm/login').send({ api_key: client.apiKey });
    expect(login.status).toBe(401);
  });

  it('applies changed scopes in the other process at once', async () => {
    const client = await createKey();
    expect((await balance(client.apiKey)).status).toBe(200);
    await adminSide.http().patch(`/admin/clients/${client.id}`).set(admin()).send({ scopes: ['crm:*'] }).expect(200);
    await waitFor(async () => (await balance(client.apiKey)).status === 403, AT_ONCE_MS, 'the other process to apply the new scopes');
  });

  it('refuses the tokens of a deleted client at once', async () => {
    const client = await createKey();
    const token = await crmLogin(otherProcess, client.apiKey);
    await adminSide.http().delete(`/admin/clients/${client.id}`).set(admin()).expect(204);
    const res = await otherProcess.http().post('/crm/customer_events/bulk/web/create').send({ token });
    expect(res.status).toBe(401);
  });
});
