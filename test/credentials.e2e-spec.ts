import { crmLogin } from './crm-fixtures';
import { createClient, createTestApp, TestContext } from './support/test-app';

const INVALID_TOKEN = {
  data: null,
  status: {
    code: 'InvalidTokenException',
    description: 'Error:Token Not Found. - Description:The token is invalid or has expired.',
    message: 'Error:Token Not Found. - Description:The token is invalid or has expired.',
  },
};

describe('Each route takes exactly its credential', () => {
  let ctx: TestContext;
  let apiKey: string;
  let token: string;

  const bulkWeb = () => ctx.http().post('/crm/customer_events/bulk/web/create');
  const purchase = () => ctx.http().post('/crm/customer_events/purchases');

  beforeAll(async () => {
    ctx = await createTestApp();
    apiKey = await createClient(ctx);
    token = await crmLogin(ctx, apiKey);
  });
  afterAll(() => ctx.app.close());

  it('refuses the admin key on the Command API with 403 forbidden', async () => {
    const res = await ctx.http().post('/api/commands').set('X-Api-Key', ctx.adminKey).send({ typeOfCommand: 'getBalanceCustomersExt', customers: [] });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      status: 'Failure',
      error: { typeOfError: 'forbidden', description: 'This endpoint needs an integrator API key; admin keys are for /admin' },
    });
  });

  it('gives no CRM token for the admin key', async () => {
    const res = await ctx.http().post('/crm/login').send({ api_key: ctx.adminKey });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(INVALID_TOKEN);
  });

  it('refuses an API key where the bulk endpoints expect a token, in every place a token may be', async () => {
    for (const res of [
      await bulkWeb().set('api_key', apiKey).send({ web_customer_events_set: [] }),
      await bulkWeb().set('Authorization', `Bearer ${apiKey}`).send({ web_customer_events_set: [] }),
      await bulkWeb().send({ token: apiKey, web_customer_events_set: [] }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(INVALID_TOKEN);
    }
  });

  it('takes the token in the api_key header on the bulk endpoints', async () => {
    const res = await bulkWeb().set('api_key', token).send({});
    expect(res.status).toBe(400);
    expect(res.body.status.code).toBe('MandatoryParameterMissingException');
  });

  it('refuses a CRM token as the single purchase api_key', async () => {
    const res = await purchase().set('api_key', token).send({});
    expect(res.status).toBe(401);
    expect(res.body).toEqual(INVALID_TOKEN);
    const withKey = await purchase().set('api_key', apiKey).send({});
    expect(withKey.status).toBe(400);
    expect(withKey.body.status.code).toBe('MandatoryParameterMissingException');
  });

  it('refuses the admin key as the single purchase api_key', async () => {
    const res = await purchase().set('api_key', ctx.adminKey).send({});
    expect(res.status).toBe(401);
    expect(res.body).toEqual(INVALID_TOKEN);
  });
});
