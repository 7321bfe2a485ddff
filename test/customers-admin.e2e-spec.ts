import { verifyPassCode } from '../src/common/crypto/pass-code-hash';
import { createClient, createTestApp, TestContext } from './support/test-app';

describe('Admin customers', () => {
  let ctx: TestContext;
  const admin = () => ({ 'X-Api-Key': ctx.adminKey });

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.app.close());

  it('creates a customer with the given account numbers, types and access tokens, pass codes hashed', async () => {
    const res = await ctx.http().post('/admin/customers').set(admin()).send({
      guid: '9803D32E-8FCD-4984-A736-9F02F726B3C0', uniqId: '12345678', email: 'ivan@example.com', phone: '+79161234567',
      info: 'VIP', customerType1: 'debitCardHolder', accountNumber: 'ACR0000000077', participantNumber: 'RP0000000010',
      accountName: 'Ivan Petrov', accessTokens: [{ authenticationCode: '4A30966F684B0269AD91', identifier: 'card-1', passCode: '1234' }],
    }).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', uniqId: '12345678',
      email: 'ivan@example.com', phone: '79161234567', info: 'VIP', status: 'new',
      customerType1: 'debitCardHolder', customerType2: null, customerType3: null, customerType4: null, customerType5: null,
      link: expect.stringMatching(/^\/bonus\/[0-9a-f]{32}$/), accountId: expect.stringMatching(/^\d+$/),
      accountNumber: 'ACR0000000077', participantNumber: 'RP0000000010', accountName: 'Ivan Petrov', balance: '0.00',
      accessTokens: [{ authenticationCode: '4A30966F684B0269AD91', identifier: 'card-1', status: 'effective', hasPassCode: true }],
      createdAt: expect.any(String),
    });
    const [token] = await ctx.dataSource.query('SELECT pass_code_hash FROM access_tokens');
    expect(token.pass_code_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassCode('1234', token.pass_code_hash)).toEqual({ match: true, rehash: false });
    expect(JSON.stringify(res.body)).not.toContain('1234"');
    const byId = await ctx.http().get(`/admin/customers/${res.body.id}`).set(admin()).expect(200);
    expect(byId.body).toEqual(res.body);
  });

  it('generates ACR and RP numbers when none are given', async () => {
    const res = await ctx.http().post('/admin/customers').set(admin()).send({ uniqId: 'generated-1' }).expect(201);
    expect(res.body.accountNumber).toMatch(/^ACR\d{10}$/);
    expect(res.body.participantNumber).toMatch(/^RP\d{10}$/);
    expect(res.body.guid).toBeNull();
    expect(res.body.status).toBe('new');
  });

  it('finds customers by uniqId, guid (any case), phone (with or without +) and email', async () => {
    const created = await ctx.http().post('/admin/customers').set(admin())
      .send({ guid: 'a1b2c3d4-0000-4000-8000-000000000001', uniqId: 'find-me', phone: '79990001122', email: 'find@example.com' }).expect(201);
    for (const query of [{ uniqId: 'find-me' }, { guid: 'A1B2C3D4-0000-4000-8000-000000000001' }, { phone: '+79990001122' }, { email: 'find@example.com' }]) {
      const res = await ctx.http().get('/admin/customers').query(query).set(admin()).expect(200);
      expect(res.body.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    }
    const none = await ctx.http().get('/admin/customers').query({ uniqId: 'nobody' }).set(admin()).expect(200);
    expect(none.body).toEqual([]);
  });

  it('refuses a taken guid, uniqId, phone, account number, participant number or authentication code with 409, creating nothing', async () => {
    await ctx.http().post('/admin/customers').set(admin()).send({
      guid: 'b1b2c3d4-0000-4000-8000-000000000002', uniqId: 'taken', phone: '79990002233', accountNumber: 'ACR0000000228',
      participantNumber: 'RP0000000228', accessTokens: [{ authenticationCode: 'CODE-228' }],
    }).expect(201);
    const before = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM customers');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ guid: 'B1B2C3D4-0000-4000-8000-000000000002' }, 'guid b1b2c3d4-0000-4000-8000-000000000002 belongs to another customer'],
      [{ uniqId: 'taken' }, 'uniqId taken belongs to another customer'],
      [{ phone: '+79990002233' }, 'phone 79990002233 belongs to another customer'],
      [{ accountNumber: 'ACR0000000228' }, 'accountNumber ACR0000000228 belongs to another customer'],
      [{ participantNumber: 'RP0000000228' }, 'participantNumber RP0000000228 belongs to another customer'],
      [{ accessTokens: [{ authenticationCode: 'CODE-228' }] }, 'authenticationCode CODE-228 belongs to another customer'],
    ];
    for (const [body, message] of cases) {
      const res = await ctx.http().post('/admin/customers').set(admin()).send(body);
      expect({ status: res.status, body: res.body }).toEqual({ status: 409, body: { statusCode: 409, error: 'Conflict', message } });
    }
    expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM customers')).toEqual(before);
  });

  it('validates the fields with a 400 and the reason', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ phone: '12345' }, 'phone must match'],
      [{ email: 'not-an-email' }, 'email must be an email'],
      [{ accountNumber: 'ACR000177' }, 'accountNumber must be ACR followed by 10 digits'],
      [{ participantNumber: 'P1' }, 'participantNumber must be RP followed by 10 digits'],
      [{ status: 'gold' }, 'status must be one of the following values'],
      [{ guid: 'nope' }, 'guid must be a UUID'],
      [{ accessTokens: [{ identifier: 'x' }] }, 'authenticationCode'],
    ];
    for (const [body, message] of cases) {
      const res = await ctx.http().post('/admin/customers').set(admin()).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(message);
    }
  });

  it('answers 404 for an unknown customer and 403 to an integrator key', async () => {
    const missing = await ctx.http().get('/admin/customers/6f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11').set(admin());
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Customer 6f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11 not found' });
    const integrator = await createClient(ctx);
    await ctx.http().get('/admin/customers').set('X-Api-Key', integrator).expect(403);
  });
});
