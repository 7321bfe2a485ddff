import { createTestApp, TestContext } from './support/test-app';

describe('ADMIN_API_KEY', () => {
  const apps: TestContext[] = [];
  const restartWith = async (adminKey: string) => {
    await apps[apps.length - 1]?.app.close();
    const ctx = await createTestApp({ ADMIN_API_KEY: adminKey }, { reset: apps.length === 0 });
    apps.push(ctx);
    return ctx;
  };
  const listClients = (ctx: TestContext, key: string) => ctx.http().get('/admin/clients').set('X-Api-Key', key);

  afterAll(() => apps[apps.length - 1]?.app.close());

  it('replaces the previous environment-provided key after a restart with a new one', async () => {
    const first = await restartWith('first-admin-key');
    await listClients(first, 'first-admin-key').expect(200);
    const second = await restartWith('second-admin-key');
    const old = await listClients(second, 'first-admin-key');
    expect(old.status).toBe(401);
    expect(old.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing or invalid API key' });
    const listed = await listClients(second, 'second-admin-key').expect(200);
    expect(listed.body.filter((c: { role: string }) => c.role === 'admin')).toHaveLength(1);
  });

  it('keeps admin clients created through the API, and takes a former key back when it is set again', async () => {
    const ctx = apps[apps.length - 1];
    const created = await ctx.http().post('/admin/clients').set('X-Api-Key', 'second-admin-key').send({ name: 'Ops', role: 'admin' }).expect(201);
    const third = await restartWith('first-admin-key');
    await listClients(third, created.body.apiKey).expect(200);
    await listClients(third, 'first-admin-key').expect(200);
    expect((await listClients(third, 'second-admin-key')).status).toBe(401);
  });
});
