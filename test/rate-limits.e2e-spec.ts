import request from 'supertest';
import { crmLogin } from './crm-fixtures';
import { createTestApp, TestContext } from './support/test-app';

/** Five concurrent calls pass and the sixth is refused, whichever arrives last. */
async function sixCalls(call: () => Promise<request.Response>): Promise<{ passed: number; refused: request.Response[] }> {
  const answers = await Promise.all(Array.from({ length: 6 }, call));
  const refused = answers.filter((r) => r.status === 429);
  return { passed: answers.length - refused.length, refused };
}

describe('per-client rate limits', () => {
  let ctx: TestContext;
  let other: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
    // A second application on the same Redis, as a second process would be; its default limit is 5 per second.
    other = await createTestApp({ RATE_LIMIT: '5' }, { reset: false });
  });
  afterAll(async () => {
    await other.app.close();
    await ctx.app.close();
  });

  async function clientLimitedTo(limit: number | null, role: 'integrator' | 'admin' = 'integrator'): Promise<{ id: string; apiKey: string }> {
    const created = await ctx.http().post('/admin/clients').set('X-Api-Key', ctx.adminKey).send({ name: `limited ${limit}`, role }).expect(201);
    const set = await ctx.http().put(`/admin/clients/${created.body.id}/rate-limit`).set('X-Api-Key', ctx.adminKey).send({ rateLimit: limit }).expect(200);
    expect(set.body).toMatchObject({ id: created.body.id, rateLimit: limit });
    return { id: created.body.id, apiKey: created.body.apiKey };
  }

  const balance = (app: TestContext, apiKey: string) =>
    app.http().post('/api/commands').set('X-Api-Key', apiKey).send({ typeOfCommand: 'getBalanceCustomersExt', customers: [{ uniqId: 'nobody' }] });

  it('refuses the 6th Command API call in a second with 429 tooManyRequests and Retry-After; another client is unaffected', async () => {
    const limited = await clientLimitedTo(5);
    const unlimited = await clientLimitedTo(null);
    const [{ passed, refused }, bystander] = await Promise.all([sixCalls(() => balance(ctx, limited.apiKey)), balance(ctx, unlimited.apiKey)]);
    expect(passed).toBe(5);
    expect(refused[0].headers['retry-after']).toBe('1');
    expect(refused[0].body).toEqual({
      status: 'Failure', error: { typeOfError: 'tooManyRequests', description: 'Too many requests: the limit is 5 per 1000 ms; retry after 1 s' },
    });
    expect(bystander.status).toBe(200);
  });

  it('answers the CRM API in its own envelope', async () => {
    const limited = await clientLimitedTo(5);
    const token = await crmLogin(ctx, limited.apiKey);
    const { passed, refused } = await sixCalls(() =>
      ctx.http().post('/crm/customer_events/bulk/web/create').send({ token, web_customer_events_set: [] }));
    expect(passed).toBe(5);
    expect(refused[0].headers['retry-after']).toBe('1');
    expect(refused[0].body).toEqual({
      data: null,
      status: { code: 'TooManyRequestsException', description: 'Too many requests: the limit is 5 per 1000 ms; retry after 1 s', message: 'Too many requests: the limit is 5 per 1000 ms; retry after 1 s' },
    });
  });

  it('answers the admin API plainly, and never limits /health or /metrics', async () => {
    const limitedAdmin = await clientLimitedTo(5, 'admin');
    const { passed, refused } = await sixCalls(() => ctx.http().get('/admin/clients').set('X-Api-Key', limitedAdmin.apiKey));
    expect(passed).toBe(5);
    expect(refused[0].headers['retry-after']).toBe('1');
    expect(refused[0].body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Too many requests: the limit is 5 per 1000 ms; retry after 1 s' });
    for (let i = 0; i < 8; i++) {
      await ctx.http().get('/metrics').set('X-Api-Key', limitedAdmin.apiKey).expect(200);
      await ctx.http().get('/health').expect(200);
    }
  });

  it('shares one client\'s limit between two processes', async () => {
    const limited = await clientLimitedTo(5);
    let turn = 0;
    const { passed, refused } = await sixCalls(() => balance(turn++ % 2 ? other : ctx, limited.apiKey));
    expect(passed).toBe(5);
    expect(refused).toHaveLength(1);
  });

  it('applies RATE_LIMIT to clients without their own limit, and none to a client set to 0', async () => {
    const byDefault = await clientLimitedTo(null);
    const { passed } = await sixCalls(() => balance(other, byDefault.apiKey));
    expect(passed).toBe(5);
    const exempt = await clientLimitedTo(0);
    const answers = await Promise.all(Array.from({ length: 12 }, () => balance(other, exempt.apiKey)));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
  });

  it('limits nobody without their own limit when RATE_LIMIT is 0', async () => {
    const unlimited = await createTestApp({ RATE_LIMIT: '0' }, { reset: false });
    try {
      const byDefault = await clientLimitedTo(null);
      const answers = await Promise.all(Array.from({ length: 12 }, () => balance(unlimited, byDefault.apiKey)));
      expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
      const limited = await clientLimitedTo(5);
      expect((await sixCalls(() => balance(unlimited, limited.apiKey))).passed).toBe(5);
    } finally {
      await unlimited.app.close();
    }
  });

  it('validates the limit an admin sets', async () => {
    const res = await ctx.http().put('/admin/clients/1/rate-limit').set('X-Api-Key', ctx.adminKey).send({ rateLimit: -1 }).expect(400);
    expect(res.body.message).toContain('rateLimit must not be less than 0');
    await ctx.http().put('/admin/clients/999999/rate-limit').set('X-Api-Key', ctx.adminKey).send({ rateLimit: 5 }).expect(404);
  });
});
