import { Response } from 'supertest';
import { BULK_EXAMPLES, SINGLE_PURCHASE_EXAMPLE } from '../src/apis/crm-api/crm-examples';
import { externalSystemKey } from '../src/apis/crm-api/domain/validate-bulk-item';
import {
  createCustomer, createEntry, CreatedCustomer, crmLogin, EVENT_ID, EVENT_NUMBER, seedCustomers, seedDirectories, seedRequest,
} from './crm-fixtures';
import { createClient, createTestApp, TestContext } from './support/test-app';

type Processed = { request_unique_identifier: string; id: string; number: string };
type Unprocessed = { request_unique_identifier: string; error_code: string; error_description: string };
type SeedResponse = { data: { processed_customer_events_set: Processed[]; unprocessed_customer_events_set: Unprocessed[] }; status: unknown };

/** JSON columns arrive parsed. */
const json = (value: unknown): Record<string, any> => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, any>;

const OK = { code: 'OK', description: '', message: '' };

describe('CRM API: bulk customer events', () => {
  let ctx: TestContext;
  let token: string;
  let customers: Map<string, CreatedCustomer>;

  const post = (path: string, body: Record<string, unknown>) => ctx.http().post(`/crm/customer_events/bulk/${path}/create`).send({ token, ...body });
  const eventRows = (ids: string[]): Promise<Array<Record<string, unknown>>> =>
    ids.length ? ctx.dataSource.query('SELECT id, number, type, source, account_id, customer_id, attributes, payload, udf, external_key FROM customer_events WHERE id IN (?) ORDER BY number', [ids]) : Promise.resolve([]);
  const countEvents = async (where = '1 = 1', params: unknown[] = []): Promise<number> =>
    Number((await ctx.dataSource.query(`SELECT COUNT(*) AS n FROM customer_events WHERE ${where}`, params))[0].n);

  /** The seed's answer, with our own ids and numbers: same processed request ids, identical unprocessed items. */
  async function expectSeedAnswer(res: Response, path: keyof typeof BULK_EXAMPLES): Promise<Processed[]> {
    const expected = BULK_EXAMPLES[path].response as SeedResponse;
    expect(res.status).toBe(200);
    expect(res.body.status).toEqual(OK);
    expect(res.body.data.unprocessed_customer_events_set).toEqual(expected.data.unprocessed_customer_events_set);
    const processed: Processed[] = res.body.data.processed_customer_events_set;
    expect(processed.map((p) => p.request_unique_identifier)).toEqual(expected.data.processed_customer_events_set.map((p) => p.request_unique_identifier));
    for (const item of processed) {
      expect(Object.keys(item).sort()).toEqual(['id', 'number', 'request_unique_identifier']);
      expect(item.id).toMatch(EVENT_ID);
      expect(item.number).toMatch(EVENT_NUMBER);
    }
    const numbers = processed.map((p) => Number(p.number));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    const rows = await eventRows(processed.map((p) => p.id));
    expect(rows.map((r) => [r.id, String(r.number)])).toEqual(processed.map((p) => [p.id, p.number]));
    return processed;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await crmLogin(ctx, await createClient(ctx));
    await seedDirectories(ctx);
    customers = await seedCustomers(ctx);
    // RP0000000004 is already referred by someone before the referral example runs.
    await createCustomer(ctx, { participantNumber: 'RP0000000099' });
    const earlier = await post('referrals', {
      referral_customer_events_set: [{
        request_unique_identifier: 'earlier', performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-01T10:00:00',
        referred_rewards_participant_identifier: { number: 'RP0000000004' }, referred_by_rewards_participant_identifier: { number: 'RP0000000099' },
      }],
    }).expect(200);
    expect(earlier.body.data.processed_customer_events_set).toHaveLength(1);
  });
  afterAll(() => ctx.app.close());

  describe('replays every request example of seeds 002 and 004', () => {
    it('achievements: ACR000177 and ACR0097 are not found', async () => {
      const before = await countEvents("type = 'achievement'");
      const processed = await expectSeedAnswer(await ctx.http().post('/crm/customer_events/bulk/achievements/create').send(seedRequest('achievements', token)), 'achievements');
      expect(await countEvents("type = 'achievement'")).toBe(before + 2);
      const rows = await eventRows(processed.map((p) => p.id));
      expect(rows.map((r) => r.account_id)).toEqual([customers.get('ACR0000000077')?.accountId, customers.get('ACR0000000077')?.accountId]);
      expect(rows[0]).toMatchObject({ type: 'achievement', source: 'crm', customer_id: customers.get('ACR0000000077')?.id, external_key: null });
      expect(json(rows[0].attributes)).toEqual({ eventType: 'achievement', performedOn: '2016-06-22T15:00:00.000Z', classification: 'CF3', unit: 'ADMIN', currency: 'EUR' });
    });

    it('purchases: two events with the same reference number are both stored; unknown accounts are not', async () => {
      const before = await countEvents("type = 'purchase'");
      const processed = await expectSeedAnswer(await ctx.http().post('/crm/customer_events/bulk/purchases/create').send(seedRequest('purchases', token)), 'purchases');
      expect(await countEvents("type = 'purchase'")).toBe(before + 2);
      const [row] = await eventRows([processed[0].id]);
      expect(json(row.attributes)).toEqual({
        eventType: 'purchase', performedOn: '2016-06-22T15:00:00.000Z', unit: 'ADMIN', currency: 'EUR', amount: '240',
        products: [{ code: 'Serendipity', quantity: '1', totalAmount: '60' }, { code: 'Bronze', quantity: '1', totalAmount: '180' }],
      });
      expect(json(row.payload)).toMatchObject({ reference_number: 'RF01', request_unique_identifier: '31' });
      const [{ amount }] = await ctx.dataSource.query('SELECT amount FROM customer_events WHERE id = ?', [processed[0].id]);
      expect(amount).toBe('240.0000');
    });

    it('referrals (seeds 002 and 004): RP0000000004 was already referred by another participant', async () => {
      const processed = await expectSeedAnswer(await ctx.http().post('/crm/customer_events/bulk/referrals/create').send(seedRequest('referrals', token)), 'referrals');
      const rows = await eventRows(processed.map((p) => p.id));
      const id = (number: string) => customers.get(number)?.accountId;
      expect(rows.map((r) => [r.account_id, json(r.attributes).referral])).toEqual([
        [id('RP0000000017'), { referrerAccountId: id('RP0000000010'), referredAccountId: id('RP0000000017') }],
        [id('RP0000000014'), { referrerAccountId: id('RP0000000012'), referredAccountId: id('RP0000000014') }],
      ]);
      const referred = await ctx.dataSource.query(
        'SELECT participant_number AS p, (SELECT participant_number FROM bonus_accounts r WHERE r.id = a.referred_by_account_id) AS by_p FROM bonus_accounts a WHERE referred_by_account_id IS NOT NULL ORDER BY p',
      );
      expect(referred).toEqual([
        { p: 'RP0000000004', by_p: 'RP0000000099' }, { p: 'RP0000000014', by_p: 'RP0000000012' }, { p: 'RP0000000017', by_p: 'RP0000000010' },
      ]);
    });

    it('social media: ACR00045750 and ACR00670000 are not found', async () => {
      const processed = await expectSeedAnswer(await ctx.http().post('/crm/customer_events/bulk/social_media/create').send(seedRequest('social_media', token)), 'social_media');
      const [row] = await eventRows([processed[0].id]);
      expect(json(row.attributes)).toMatchObject({ eventType: 'social_media', socialMedia: 'FACEBOOK', action: 'LIKE' });
      expect(json(row.payload)).toMatchObject({ profile: 'www.facebook.com/polina' });
    });

    it('web: ACR00045000 and ACR00670040 are not found', async () => {
      const processed = await expectSeedAnswer(await ctx.http().post('/crm/customer_events/bulk/web/create').send(seedRequest('web', token)), 'web');
      const rows = await eventRows(processed.map((p) => p.id));
      expect(rows.map((r) => json(r.attributes).performedOn)).toEqual(['2016-06-22T15:00:00.000Z', '2016-06-22T15:05:02.000Z']);
      expect(rows.map((r) => json(r.attributes).website)).toEqual(['www.crm.com', 'www.crm.com']);
    });

    it('financial achievements: ACR45000 and ACR040 are not found', async () => {
      const processed = await expectSeedAnswer(
        await ctx.http().post('/crm/customer_events/bulk/financial_achievements/create').send(seedRequest('financial_achievements', token)), 'financial_achievements',
      );
      const rows = await eventRows(processed.map((p) => p.id));
      expect(rows.map((r) => json(r.attributes).classification)).toEqual(['FA1', 'FA3']);
    });

    it('financial statements (our documented example): only financial statement classifications', async () => {
      const processed = await expectSeedAnswer(
        await ctx.http().post('/crm/customer_events/bulk/financial_statements/create').send(seedRequest('financial_statements', token)), 'financial_statements',
      );
      const [row] = await eventRows([processed[0].id]);
      expect(json(row.attributes)).toMatchObject({
        eventType: 'financial_statement', classification: 'STATEMENT',
        kpis: [{ code: 'AVG_BALANCE', value: '15200.5' }, { code: 'CARD_SPEND', value: '830' }],
      });
    });
  });

  describe('request-level errors', () => {
    const webItem = (requestId: string, extra: Record<string, unknown> = {}) => ({
      request_unique_identifier: requestId, accounts_receivable_identifier: { number: 'ACR0000000020' },
      performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00', website: 'www.crm.com', ...extra,
    });

    it('answers 1001 items with MaximumItemsExceededException and stores nothing', async () => {
      const before = await countEvents();
      const res = await post('web', { web_customer_events_set: Array.from({ length: 1001 }, (_, i) => webItem(`m${i}`)) });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        data: null,
        status: {
          code: 'MaximumItemsExceededException',
          description: 'Error:Parameter (web_customer_events_set) Has Too Many Items. - Description:At most 1000 customer events can be specified in one call; 1001 were given.',
          message: 'Error:Parameter (web_customer_events_set) Has Too Many Items. - Description:At most 1000 customer events can be specified in one call; 1001 were given.',
        },
      });
      expect(await countEvents()).toBe(before);
    });

    it('answers a missing set with MandatoryParameterMissingException', async () => {
      const res = await post('financial_statements', { financial_statement_customer_events_set: [webItem('1')] });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.status.code).toBe('MandatoryParameterMissingException');
      expect(res.body.status.description).toBe('Error:Parameter (financial_achievement_customer_events_set) Missing. - Description:A mandatory parameter was not specified.');
    });

    it('answers a bad CRM token with 401 InvalidTokenException', async () => {
      const res = await ctx.http().post('/crm/customer_events/bulk/web/create').send({ token: 'not-a-token', web_customer_events_set: [webItem('1')] });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        data: null,
        status: {
          code: 'InvalidTokenException',
          description: 'Error:Token Not Found. - Description:The token is invalid or has expired.',
          message: 'Error:Token Not Found. - Description:The token is invalid or has expired.',
        },
      });
    });

    it('accepts the token as Authorization: Bearer', async () => {
      const res = await ctx.http().post('/crm/customer_events/bulk/web/create').set('Authorization', `Bearer ${token}`)
        .send({ web_customer_events_set: [webItem('bearer-1')] }).expect(200);
      expect(res.body.data.processed_customer_events_set).toHaveLength(1);
    });

    it('answers an unknown intended currency with NotFoundAPIValueException', async () => {
      const res = await post('purchases', { intended_currency_identifier: { code: 'XXX' }, purchase_customer_events_set: [] });
      expect(res.status).toBe(404);
      expect(res.body.status).toEqual({
        code: 'NotFoundAPIValueException',
        description: 'Error:Currency (XXX) Not Found. - Description:The specified API value was not found.',
        message: 'Error:Currency (XXX) Not Found. - Description:The specified API value was not found.',
      });
    });
  });

  describe('item errors', () => {
    const item = (requestId: string, extra: Record<string, unknown> = {}) => ({
      request_unique_identifier: requestId, accounts_receivable_identifier: { number: 'ACR0000000050' },
      performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00', website: 'www.crm.com', ...extra,
    });

    it('fails the second of two items with the same request_unique_identifier', async () => {
      const res = await post('web', { web_customer_events_set: [item('d1'), item('d1', { website: 'other' })] }).expect(200);
      expect(res.body.data.processed_customer_events_set.map((p: Processed) => p.request_unique_identifier)).toEqual(['d1']);
      expect(res.body.data.unprocessed_customer_events_set).toEqual([{
        request_unique_identifier: 'd1', error_code: 'DuplicateRequestIdentifierException',
        error_description: 'Error:Request Unique Identifier (d1) Duplicated. - Description:The request unique identifier was already used in this call.',
      }]);
      const [row] = await eventRows([res.body.data.processed_customer_events_set[0].id]);
      expect(json(row.attributes).website).toBe('www.crm.com');
    });

    it('fails an identifier object naming two fields', async () => {
      const res = await post('web', {
        web_customer_events_set: [item('t1', { accounts_receivable_identifier: { number: 'ACR0000000050', name: 'Account ACR0000000050' } })],
      }).expect(200);
      expect(res.body.data).toEqual({
        processed_customer_events_set: [],
        unprocessed_customer_events_set: [{
          request_unique_identifier: 't1', error_code: 'MoreThanOneIdentifierException',
          error_description: 'Error:Identifier (accounts_receivable_identifier) Has More Than One Field. - Description:Only one of id, number, name, access_token_identifier may be specified.',
        }],
      });
    });

    it('reports missing mandatory fields, unknown units and bad dates per item', async () => {
      const res = await post('web', {
        web_customer_events_set: [
          item('m1', { website: undefined }),
          item('m2', { performed_by_unit_identifier: { name: 'Nowhere' } }),
          item('m3', { performed_on: '22/06/2016' }),
          item('m4'),
        ],
      }).expect(200);
      expect(res.body.data.unprocessed_customer_events_set).toEqual([
        { request_unique_identifier: 'm1', error_code: 'MandatoryParameterMissingException', error_description: 'Error:Parameter (website) Missing. - Description:A mandatory parameter was not specified.' },
        { request_unique_identifier: 'm2', error_code: 'NotFoundAPIValueException', error_description: 'Error:Unit (Nowhere) Not Found. - Description:The specified API value was not found.' },
        { request_unique_identifier: 'm3', error_code: 'InvalidValueException', error_description: 'Error:Parameter (performed_on) Invalid. - Description:The value must be a date-time such as 2016-06-22T15:00:00.' },
      ]);
      expect(res.body.data.processed_customer_events_set.map((p: Processed) => p.request_unique_identifier)).toEqual(['m4']);
    });

    it('finds accounts by id, name, participant number and access tokens', async () => {
      const holder = await createCustomer(ctx, {
        accountName: 'Katerina', accessTokens: [{ authenticationCode: 'AUTH-K1' }, { authenticationCode: 'AUTH-K2', identifier: 'card-k', passCode: '2468' }],
      });
      const res = await post('web', {
        web_customer_events_set: [
          item('a1', { accounts_receivable_identifier: { id: holder.accountId } }),
          item('a2', { accounts_receivable_identifier: { name: 'Katerina' } }),
          item('a3', { accounts_receivable_identifier: undefined, rewards_participant_identifier: { number: holder.participantNumber } }),
          item('a4', { accounts_receivable_identifier: { access_token_identifier: { authentication_code: 'AUTH-K1' } } }),
          item('a5', { accounts_receivable_identifier: { access_token_identifier: { identifier: 'card-k', pass_code: '2468' } } }),
          item('a6', { accounts_receivable_identifier: { access_token_identifier: { identifier: 'card-k', pass_code: '0000' } } }),
          item('a7', { accounts_receivable_identifier: { id: '12abc' } }),
        ],
      }).expect(200);
      const processed: Processed[] = res.body.data.processed_customer_events_set;
      expect(processed.map((p) => p.request_unique_identifier)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
      expect((await eventRows(processed.map((p) => p.id))).map((r) => r.account_id)).toEqual(Array(5).fill(holder.accountId));
      expect(res.body.data.unprocessed_customer_events_set).toEqual([
        { request_unique_identifier: 'a6', error_code: 'NotFoundAPIValueException', error_description: 'Error:Access Token (card-k) Not Found. - Description:The specified API value was not found.' },
        { request_unique_identifier: 'a7', error_code: 'NotFoundAPIValueException', error_description: 'Error:Account (12abc) Not Found. - Description:The specified API value was not found.' },
      ]);
      const [stored] = await eventRows([processed[4].id]);
      expect(JSON.stringify(stored.payload)).not.toContain('2468');
    });

    it('checks the intended currency against each item\'s unit', async () => {
      await createEntry(ctx, 'unit', { code: 'NYC', name: 'New York Unit', attributes: { currency: 'USD' } });
      const purchase = (requestId: string, unit: string) => ({
        request_unique_identifier: requestId, accounts_receivable_identifier: { number: 'ACR0000000228' }, performed_by_unit_identifier: { name: unit },
        performed_on: '2016-06-22T15:00:00', reference_number: `RF-${requestId}`,
        products_set: [{ product_identifier: { code: 'Bronze' }, total_amount: 10, net_amount: 8, vat_amount: 2 }],
      });
      const res = await post('purchases', { intended_currency_identifier: { code: 'EUR' }, purchase_customer_events_set: [purchase('c1', 'Admin Unit'), purchase('c2', 'New York Unit')] }).expect(200);
      expect(res.body.data.processed_customer_events_set.map((p: Processed) => p.request_unique_identifier)).toEqual(['c1']);
      expect(res.body.data.unprocessed_customer_events_set).toEqual([{
        request_unique_identifier: 'c2', error_code: 'IntendedCurrencyMismatchException',
        error_description: 'Error:Intended Currency (EUR) Mismatch. - Description:The currency of the performed by unit is USD.',
      }]);
    });

    it('answers only the fields of fields_set, request_unique_identifier always', async () => {
      const res = await post('web', { fields_set: 'number', web_customer_events_set: [item('f1')] }).expect(200);
      expect(Object.keys(res.body.data.processed_customer_events_set[0]).sort()).toEqual(['number', 'request_unique_identifier']);
      expect(res.body.data.processed_customer_events_set[0].number).toMatch(EVENT_NUMBER);
    });

    it('needs a classification for achievements, and a financial statement one for statements', async () => {
      const base = { accounts_receivable_identifier: { number: 'ACR0000000218' }, performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00' };
      const achievement = await post('achievements', { achievement_customer_events_set: [{ request_unique_identifier: 'c1', ...base }] }).expect(200);
      expect(achievement.body.data.unprocessed_customer_events_set[0].error_code).toBe('MandatoryParameterMissingException');
      const statement = await post('financial_statements', {
        financial_achievement_customer_events_set: [{ request_unique_identifier: 's1', ...base, classification_identifier: { name: 'Customer Feedback 3' } }],
      }).expect(200);
      expect(statement.body.data.unprocessed_customer_events_set).toEqual([{
        request_unique_identifier: 's1', error_code: 'InvalidClassificationException',
        error_description: 'Error:Classification (Customer Feedback 3) Invalid. - Description:Only financial statement classifications are allowed.',
      }]);
    });
  });

  describe('referrals', () => {
    const referral = (requestId: string, referred: Record<string, unknown>, referrer: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      request_unique_identifier: requestId, performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00', ...referred, ...referrer, ...extra,
    });

    it('refuses self-referral and a second referral of one participant within a call', async () => {
      const a = await createCustomer(ctx, {});
      const b = await createCustomer(ctx, {});
      const c = await createCustomer(ctx, {});
      const res = await post('referrals', {
        referral_customer_events_set: [
          referral('r1', { referred_rewards_participant_identifier: { number: a.participantNumber } }, { referred_by_rewards_participant_identifier: { number: a.participantNumber } }),
          referral('r2', { referred_rewards_participant_identifier: { number: b.participantNumber } }, { referred_by_rewards_participant_identifier: { number: a.participantNumber } }),
          referral('r3', { referred_rewards_participant_identifier: { number: b.participantNumber } }, { referred_by_rewards_participant_identifier: { number: c.participantNumber } }),
        ],
      }).expect(200);
      expect(res.body.data.processed_customer_events_set.map((p: Processed) => p.request_unique_identifier)).toEqual(['r2']);
      expect(res.body.data.unprocessed_customer_events_set).toEqual([
        { request_unique_identifier: 'r1', error_code: 'SelfReferralException', error_description: `Error:Participant (${a.participantNumber}) Cannot Refer Itself. - Description:A participant cannot be referred by itself.` },
        {
          request_unique_identifier: 'r3', error_code: 'ReferredByAnotherParticipantException',
          error_description: `Error:Participant ${b.participantNumber} Was Already Referred by Another Participant. - Description:The participant was already referred by another participant.`,
        },
      ]);
      const [row] = await ctx.dataSource.query('SELECT referred_by_account_id AS by_id FROM bonus_accounts WHERE id = ?', [b.accountId]);
      expect(String(row.by_id)).toBe(a.accountId);
    });

    it('lets only one of concurrent calls refer the same participant', async () => {
      const referred = await createCustomer(ctx, {});
      const referrers = await Promise.all(Array.from({ length: 6 }, () => createCustomer(ctx, {})));
      const answers = await Promise.all(referrers.map((referrer, i) => post('referrals', {
        referral_customer_events_set: [referral(`c${i}`, { referred_rewards_participant_identifier: { number: referred.participantNumber } }, {
          referred_by_rewards_participant_identifier: { number: referrer.participantNumber },
        })],
      }).expect(200)));
      const winners = answers.filter((a) => a.body.data.processed_customer_events_set.length === 1);
      expect(winners).toHaveLength(1);
      for (const loser of answers.filter((a) => a !== winners[0])) {
        expect(loser.body.data.unprocessed_customer_events_set[0].error_code).toBe('ReferredByAnotherParticipantException');
      }
      expect(await countEvents('account_id = ?', [referred.accountId])).toBe(1);
      const [winner] = await eventRows([winners[0].body.data.processed_customer_events_set[0].id]);
      const [row] = await ctx.dataSource.query('SELECT referred_by_account_id AS by_id FROM bonus_accounts WHERE id = ?', [referred.accountId]);
      expect(String(row.by_id)).toBe(json(winner.attributes).referral.referrerAccountId);
    });

    it('identifies parties by accounts receivable and access tokens (seed 002 fields)', async () => {
      const referred = await createCustomer(ctx, { accessTokens: [{ authenticationCode: 'REF-AUTH-1' }] });
      const referrer = await createCustomer(ctx, { accessTokens: [{ authenticationCode: 'REF-AUTH-2', identifier: 'ref-card', passCode: '1357' }] });
      const res = await post('referrals', {
        referral_customer_events_set: [referral('x1',
          { referred_accounts_receivable_identifier: { access_token_identifier: { authentication_code: 'REF-AUTH-1' } } },
          { referred_by_accounts_receivable_identifier: { access_token_identifier: { identifier: 'ref-card', pass_code: '1357' } } },
        )],
      }).expect(200);
      const [processed] = res.body.data.processed_customer_events_set;
      const [row] = await eventRows([processed.id]);
      expect(json(row.attributes).referral).toEqual({ referrerAccountId: referrer.accountId, referredAccountId: referred.accountId });
      expect(row.account_id).toBe(referred.accountId);
    });

    it('answers a resubmitted referral with its original event, storing nothing and claiming nothing again', async () => {
      const a = await createCustomer(ctx, {});
      const b = await createCustomer(ctx, {});
      const body = {
        referral_customer_events_set: [referral('e1', { referred_rewards_participant_identifier: { id: b.accountId } }, { referred_by_rewards_participant_identifier: { id: a.accountId } }, {
          external_system: 'CRM-X', external_system_reference_number: 'REF-77',
        })],
      };
      const first = await post('referrals', body).expect(200);
      const again = await post('referrals', body).expect(200);
      expect(again.body.data).toEqual(first.body.data);
      expect(first.body.data.processed_customer_events_set).toHaveLength(1);
      expect(await countEvents('external_key = ?', [externalSystemKey('CRM-X', 'REF-77')])).toBe(1);
    });
  });

  describe('idempotency by external system reference (beyond CRM.COM)', () => {
    const item = (requestId: string, reference: string) => ({
      request_unique_identifier: requestId, accounts_receivable_identifier: { number: 'ACR0000000164' }, performed_by_unit_identifier: { name: 'Admin Unit' },
      performed_on: '2016-06-22T15:00:00', website: 'www.crm.com', external_system: 'WEBSHOP', external_system_reference_number: reference,
    });

    it('answers a resubmitted item with the original id and number and stores no second event', async () => {
      const first = await post('web', { web_customer_events_set: [item('w1', 'V-1')] }).expect(200);
      const again = await post('web', { web_customer_events_set: [item('w1-retry', 'V-1'), item('w2', 'V-2')] }).expect(200);
      const original = first.body.data.processed_customer_events_set[0];
      const [retried, fresh] = again.body.data.processed_customer_events_set;
      expect(retried).toEqual({ request_unique_identifier: 'w1-retry', id: original.id, number: original.number });
      expect(fresh.id).not.toBe(original.id);
      expect(await countEvents('external_key = ?', [externalSystemKey('WEBSHOP', 'V-1')])).toBe(1);
    });

    it('stores one event for a reference repeated within one call', async () => {
      const res = await post('web', { web_customer_events_set: [item('w3', 'V-3'), item('w4', 'V-3')] }).expect(200);
      const [a, b] = res.body.data.processed_customer_events_set;
      expect(b.id).toBe(a.id);
      expect(await countEvents('external_key = ?', [externalSystemKey('WEBSHOP', 'V-3')])).toBe(1);
    });

    it('keeps apart references whose system or number contains a slash', async () => {
      const slashed = (requestId: string, system: string, reference: string) => ({ ...item(requestId, reference), external_system: system });
      const first = await post('web', { web_customer_events_set: [slashed('s1', 'shopA/x', '1')] }).expect(200);
      const second = await post('web', { web_customer_events_set: [slashed('s2', 'shopA', 'x/1')] }).expect(200);
      const [a] = first.body.data.processed_customer_events_set;
      const [b] = second.body.data.processed_customer_events_set;
      expect(b.id).not.toBe(a.id);
      expect(second.body.data.unprocessed_customer_events_set).toEqual([]);
      expect((await eventRows([a.id, b.id])).map((r) => json(r.payload).external_system)).toEqual(['shopA/x', 'shopA']);
    });
  });

  it('documents every CRM endpoint in /docs with the seed examples', async () => {
    const res = await ctx.http().get('/docs-json').expect(200);
    for (const path of Object.keys(BULK_EXAMPLES)) {
      const operation = res.body.paths[`/crm/customer_events/bulk/${path}/create`]?.post;
      expect(operation.requestBody.content['application/json'].examples.seed.value).toEqual(BULK_EXAMPLES[path].request);
      expect(operation.responses['200'].content['application/json'].examples.seed.value).toEqual(BULK_EXAMPLES[path].response);
    }
    const single = res.body.paths['/crm/customer_events/purchases']?.post;
    expect(single.requestBody.content['application/json'].examples.seed.value).toEqual(SINGLE_PURCHASE_EXAMPLE.request);
    expect(single.responses['200'].content['application/json'].examples.seed.value).toEqual({ id: 'PCE12345678909876544GUID' });
  });

  it('stores a 1000-item call in full, numbered in request order', async () => {
    const accounts = [...customers.values()].filter((c) => c.accountNumber.startsWith('ACR'));
    const items = Array.from({ length: 1000 }, (_, i) => ({
      request_unique_identifier: `bulk-${i}`, accounts_receivable_identifier: { number: accounts[i % accounts.length].accountNumber },
      performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00', reference_number: `R${i}`,
      products_set: [{ product_identifier: { code: i % 2 ? 'Bronze' : 'Serendipity' }, total_amount: '12.5', net_amount: 10, vat_amount: 2.5 }],
    }));
    const res = await post('purchases', { purchase_customer_events_set: items }).expect(200);
    const processed: Processed[] = res.body.data.processed_customer_events_set;
    expect(res.body.data.unprocessed_customer_events_set).toEqual([]);
    expect(processed.map((p) => p.request_unique_identifier)).toEqual(items.map((i) => i.request_unique_identifier));
    const numbers = processed.map((p) => Number(p.number));
    expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1])).toBe(true);
    expect(await countEvents('id IN (?)', [processed.map((p) => p.id)])).toBe(1000);
  });
});
