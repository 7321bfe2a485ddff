import { createHash } from 'crypto';
import { createCustomer, crmLogin, seedDirectories } from './crm-fixtures';
import { createClient, createTestApp, TestContext } from './support/test-app';

describe('Access-token pass codes', () => {
  let ctx: TestContext;
  let token: string;

  const hashOf = async (identifier: string): Promise<string> =>
    (await ctx.dataSource.query('SELECT pass_code_hash FROM access_tokens WHERE identifier = ?', [identifier]))[0].pass_code_hash;
  const webEvent = (requestId: string, identifier: string, passCode: string) =>
    ctx.http().post('/crm/customer_events/bulk/web/create').send({
      token,
      web_customer_events_set: [{
        request_unique_identifier: requestId, performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00',
        website: 'example.com', accounts_receivable_identifier: { access_token_identifier: { identifier, pass_code: passCode } },
      }],
    }).expect(200);

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await crmLogin(ctx, await createClient(ctx));
    await seedDirectories(ctx);
  });
  afterAll(() => ctx.app.close());

  it('stores the same PIN of two customers as two different salted hashes, neither of them its SHA-256', async () => {
    await createCustomer(ctx, { accessTokens: [{ authenticationCode: 'PIN-A', identifier: 'card-a', passCode: '1234' }] });
    await createCustomer(ctx, { accessTokens: [{ authenticationCode: 'PIN-B', identifier: 'card-b', passCode: '1234' }] });
    const [a, b] = [await hashOf('card-a'), await hashOf('card-b')];
    expect(a).toMatch(/^scrypt\$/);
    expect(b).toMatch(/^scrypt\$/);
    expect(a).not.toBe(b);
    const sha256 = createHash('sha256').update('1234').digest('hex');
    expect([a, b]).not.toContain(sha256);
    expect((await webEvent('ok-a', 'card-a', '1234')).body.data.processed_customer_events_set).toHaveLength(1);
    expect((await webEvent('bad-a', 'card-a', '4321')).body.data.unprocessed_customer_events_set).toEqual([{
      request_unique_identifier: 'bad-a', error_code: 'NotFoundAPIValueException',
      error_description: 'Error:Access Token (card-a) Not Found. - Description:The specified API value was not found.',
    }]);
  });

  it('accepts a pass code stored before scrypt once more and replaces its hash with a scrypt hash', async () => {
    await createCustomer(ctx, { accessTokens: [{ authenticationCode: 'PIN-L', identifier: 'card-legacy', passCode: 'placeholder' }] });
    const legacy = createHash('sha256').update('2468').digest('hex');
    await ctx.dataSource.query('UPDATE access_tokens SET pass_code_hash = ? WHERE identifier = ?', [legacy, 'card-legacy']);

    expect((await webEvent('legacy-wrong', 'card-legacy', '0000')).body.data.unprocessed_customer_events_set).toHaveLength(1);
    expect(await hashOf('card-legacy')).toBe(legacy);

    expect((await webEvent('legacy-right', 'card-legacy', '2468')).body.data.processed_customer_events_set).toHaveLength(1);
    const rehashed = await hashOf('card-legacy');
    expect(rehashed).toMatch(/^scrypt\$/);
    expect((await webEvent('after-rehash', 'card-legacy', '2468')).body.data.processed_customer_events_set).toHaveLength(1);
    expect((await webEvent('after-rehash-wrong', 'card-legacy', '0000')).body.data.unprocessed_customer_events_set).toHaveLength(1);
  });
});
