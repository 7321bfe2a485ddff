import { balanceOf, createCustomer, createEntry, crmLogin } from './crm-fixtures';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** Rewards of CRM events arrive in the background, through the same rules engine as every event. */
describe('CRM API: rewards through the rules', () => {
  let ctx: TestContext;
  let token: string;

  const createRule = (rule: Record<string, unknown>) => ctx.http().post('/admin/rules').set('X-Api-Key', ctx.adminKey).send(rule).expect(201);
  const post = (path: string, body: Record<string, unknown>) => ctx.http().post(`/crm/customer_events/bulk/${path}/create`).send({ token, ...body }).expect(200);
  const settled = (accountNumber: string, expected: string) =>
    waitFor(async () => (await balanceOf(ctx, accountNumber)) === expected, 20000, `balance ${expected} on ${accountNumber}`);

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await crmLogin(ctx, await createClient(ctx));
    await createEntry(ctx, 'unit', { code: 'ADMIN', name: 'Admin Unit' });
    await createRule({ name: 'Visit our site', active: true, priority: 10, when: { eventTypes: ['web'], websites: ['www.crm.com'] }, award: { type: 'fixed', points: '5' } });
    await createRule({ name: 'Bring a friend', active: true, priority: 10, when: { eventTypes: ['referral'] }, award: { type: 'fixed', points: '10', target: 'both' } });
    await createEntry(ctx, 'product', { code: 'Bronze' });
    await createEntry(ctx, 'product', { code: 'Serendipity' });
  });
  afterAll(() => ctx.app.close());

  it('accrues a web event\'s points through a rule', async () => {
    const visitor = await createCustomer(ctx, {});
    const res = await post('web', {
      web_customer_events_set: [
        { request_unique_identifier: '06', accounts_receivable_identifier: { number: visitor.accountNumber }, performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00', website: 'www.crm.com' },
        { request_unique_identifier: '07', accounts_receivable_identifier: { number: visitor.accountNumber }, performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:05:02', website: 'www.elsewhere.com' },
      ],
    });
    expect(res.body.data.processed_customer_events_set).toHaveLength(2);
    await settled(visitor.accountNumber, '5.00');
    const [accrued] = res.body.data.processed_customer_events_set;
    const operations = await ctx.dataSource.query("SELECT points, event_id FROM bonus_operations WHERE account_id = ? AND type = 'accrual'", [visitor.accountId]);
    expect(operations).toEqual([{ points: '5.00', event_id: accrued.id }]);
  });

  it('accrues a bulk purchase per unit of the rule\'s products, down to one ledger line', async () => {
    const rule = await createRule({ name: 'Bronze units', active: true, priority: 10, when: { eventTypes: ['purchase'], products: ['bronze'] }, award: { type: 'perProductUnit', points: '2.5' } });
    const buyer = await createCustomer(ctx, {});
    const res = await post('purchases', {
      purchase_customer_events_set: [{
        request_unique_identifier: 'p1', accounts_receivable_identifier: { number: buyer.accountNumber }, performed_by_unit_identifier: { name: 'Admin Unit' },
        performed_on: '2016-06-22T15:00:00', reference_number: 'RF-p1',
        products_set: [
          { product_identifier: { code: 'Bronze' }, quantity: 3, total_amount: 30, net_amount: 24, vat_amount: 6 },
          { product_identifier: { code: 'Serendipity' }, quantity: 2, total_amount: 20, net_amount: 16, vat_amount: 4 },
        ],
      }],
    });
    expect(res.body.data.unprocessed_customer_events_set).toEqual([]);
    const [purchase] = res.body.data.processed_customer_events_set;
    await settled(buyer.accountNumber, '7.50');
    const lines = await ctx.dataSource.query('SELECT type, points, event_id, rule_id FROM bonus_operations WHERE account_id = ?', [buyer.accountId]);
    expect(lines).toEqual([{ type: 'accrual', points: '7.50', event_id: purchase.id, rule_id: String(rule.body.id) }]);
  });

  it('awards both sides of a referral when the rule says both', async () => {
    const referrer = await createCustomer(ctx, {});
    const referred = await createCustomer(ctx, {});
    const res = await post('referrals', {
      referral_customer_events_set: [{
        request_unique_identifier: '125', performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00',
        referred_rewards_participant_identifier: { number: referred.participantNumber }, referred_by_rewards_participant_identifier: { number: referrer.participantNumber },
      }],
    });
    expect(res.body.data.processed_customer_events_set).toHaveLength(1);
    await settled(referred.accountNumber, '10.00');
    await settled(referrer.accountNumber, '10.00');
  });
});
