import { crmLogin } from './crm-fixtures';
import { createTestApp, TestContext } from './support/test-app';

describe('API client scopes', () => {
  let ctx: TestContext;
  const admin = () => ({ 'X-Api-Key': ctx.adminKey });

  const createScoped = async (scopes?: string[]) => {
    const res = await ctx.http().post('/admin/clients').set(admin()).send({ name: 'POS', role: 'integrator', ...(scopes ? { scopes } : {}) }).expect(201);
    return res.body as { id: string; apiKey: string; scopes: string[] };
  };
  const command = (key: string, typeOfCommand: string) =>
    ctx.http().post('/api/commands').set('X-Api-Key', key).send({ typeOfCommand, customers: [{ uniqId: 'nobody' }] });
  const bulkWeb = (token: string) => ctx.http().post('/crm/customer_events/bulk/web/create').send({ token });
  const purchase = (key: string) => ctx.http().post('/crm/customer_events/purchases').set('api_key', key).send({});

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.app.close());

  it('gives a new client every integrator operation by default', async () => {
    const client = await createScoped();
    expect(client.scopes).toEqual(['command:*', 'crm:*']);
    expect((await command(client.apiKey, 'blockCustomers')).status).toBe(200);
    expect((await bulkWeb(await crmLogin(ctx, client.apiKey))).status).toBe(400);
    expect((await purchase(client.apiKey)).status).toBe(400);
  });

  it('answers a command outside the scopes with 403 forbidden and does nothing', async () => {
    const pos = await createScoped(['crm:purchases', 'command:getBalanceCustomersExt']);
    const blocked = await command(pos.apiKey, 'blockCustomers');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toEqual({
      status: 'Failure',
      error: { typeOfError: 'forbidden', description: "Command blockCustomers is outside this client's scopes (command:blockCustomers)" },
    });
    const link = await command(pos.apiKey, 'getCustomerLink');
    expect(link.status).toBe(403);
    expect(link.body).not.toHaveProperty('customers');
    expect((await command(pos.apiKey, 'getBalanceCustomersExt')).status).toBe(200);
  });

  it('answers a CRM endpoint outside the scopes with 403 ForbiddenException', async () => {
    const pos = await createScoped(['crm:purchases']);
    const res = await bulkWeb(await crmLogin(ctx, pos.apiKey));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      data: null,
      status: {
        code: 'ForbiddenException',
        description: 'Error:Scope (crm:bulk:web) Not Granted. - Description:The API client may not call this endpoint.',
        message: 'Error:Scope (crm:bulk:web) Not Granted. - Description:The API client may not call this endpoint.',
      },
    });
    expect((await purchase(pos.apiKey)).status).toBe(400);
  });

  it('changes the scopes with PATCH, effective on the next call', async () => {
    const client = await createScoped(['crm:purchases']);
    const token = await crmLogin(ctx, client.apiKey);
    expect((await bulkWeb(token)).status).toBe(403);
    const patched = await ctx.http().patch(`/admin/clients/${client.id}`).set(admin()).send({ scopes: ['crm:bulk:web', 'command:*'] }).expect(200);
    expect(patched.body).toMatchObject({ id: client.id, name: 'POS', role: 'integrator', scopes: ['crm:bulk:web', 'command:*'] });
    expect(patched.body).not.toHaveProperty('apiKey');
    expect((await bulkWeb(token)).status).toBe(400);
    expect((await purchase(client.apiKey)).status).toBe(403);
    expect((await command(client.apiKey, 'blockCustomers')).status).toBe(200);
    const listed = await ctx.http().get('/admin/clients').set(admin()).expect(200);
    expect(listed.body.find((c: { id: string }) => c.id === client.id).scopes).toEqual(['crm:bulk:web', 'command:*']);
  });

  it('refuses unknown scope names with 400 and an unknown client with 404', async () => {
    const created = await ctx.http().post('/admin/clients').set(admin()).send({ name: 'POS', role: 'integrator', scopes: ['command:makeCoffee', 'crm:bulk:*'] });
    expect(created.status).toBe(400);
    expect(created.body).toEqual({
      statusCode: 400, error: 'Bad Request',
      message: 'Unknown scopes: command:makeCoffee, crm:bulk:*. Scopes are command:<typeOfCommand>, crm:purchases, crm:bulk:<type>, command:* and crm:*',
    });
    const client = await createScoped();
    expect((await ctx.http().patch(`/admin/clients/${client.id}`).set(admin()).send({ scopes: 'crm:*' })).status).toBe(400);
    expect((await ctx.http().patch('/admin/clients/999999').set(admin()).send({ scopes: ['crm:*'] })).status).toBe(404);
  });

  it('documents the scopes in /docs', async () => {
    const doc = (await ctx.http().get('/docs-json').expect(200)).body;
    expect(doc.paths['/admin/clients/{id}'].patch).toBeDefined();
    expect(doc.components.schemas.CreateApiClientDto.properties.scopes.description).toContain('command:<typeOfCommand>');
    expect(doc.components.schemas.UpdateApiClientDto.properties.scopes.description).toContain('crm:bulk:<type>');
    expect(doc.paths['/crm/customer_events/bulk/web/create'].post.responses['403'].description).toContain('crm:bulk:web');
    expect(doc.paths['/crm/customer_events/purchases'].post.responses['403'].description).toContain('crm:purchases');
  });
});
