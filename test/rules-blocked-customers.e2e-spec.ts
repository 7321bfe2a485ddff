import { balanceOf, createCustomer, createEntry, crmLogin } from './crm-fixtures';
import { budgetUsedOf } from './support/budget-use';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** Status rules in rule awards: a blocked customer earns nothing and uses no limit, but loses what a refund takes back. */
describe('Reward rules and blocked customers', () => {
  let ctx: TestContext;
  let token: string;
  let apiKey: string;
  let referralRule: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    apiKey = await createClient(ctx);
    token = await crmLogin(ctx, apiKey);
    await createEntry(ctx, 'unit', { code: 'ADMIN', name: 'Admin Unit' });
    referralRule = await createRule(ctx, {
      name: 'Bring a friend', when: { eventTypes: ['referral'] }, award: { type: 'fixed', points: '10', target: 'both' },
      limits: { budget: '1000', maxPointsPerCustomerPerDay: '100' },
    });
    await createRule(ctx, { ...purchaseRule('10'), expiresInDays: null });
  });
  afterAll(() => ctx.app.close());

  const refer = async (referrer: { participantNumber: string }, referred: { participantNumber: string }) => {
    const res = await ctx.http().post('/crm/customer_events/bulk/referrals/create').send({
      token,
      referral_customer_events_set: [{
        request_unique_identifier: '1', performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2025-06-02T10:00:00',
        referred_rewards_participant_identifier: { number: referred.participantNumber },
        referred_by_rewards_participant_identifier: { number: referrer.participantNumber },
      }],
    }).expect(200);
    const [{ id }] = res.body.data.processed_customer_events_set;
    return waitFor(async () => {
      const event = (await ctx.http().get(`/admin/events/${id}`).set('X-Api-Key', ctx.adminKey).expect(200)).body;
      return event.state !== 'pending' ? event : null;
    }, 20000, `referral ${id}`);
  };
  const budgetUsed = () => budgetUsedOf(ctx.dataSource, referralRule);
  const usageOf = (accountId: string) => ctx.dataSource.query('SELECT points FROM rule_usage WHERE rule_id = ? AND account_id = ?', [referralRule, accountId]);

  it('gives a blocked referrer nothing and counts none of its budget or daily usage; the referred account still earns', async () => {
    const referrer = await createCustomer(ctx, { status: 'blocked' });
    const referred = await createCustomer(ctx, {});
    const before = Number(await budgetUsed());
    const event = await refer(referrer, referred);
    expect(event).toMatchObject({ state: 'processed', points: '10.00', error: null });
    expect(await balanceOf(ctx, referred.accountNumber)).toBe('10.00');
    expect(await balanceOf(ctx, referrer.accountNumber)).toBe('0.00');
    expect(Number(await budgetUsed())).toBe(before + 10);
    expect(await usageOf(referrer.accountId)).toEqual([]);
    expect(await usageOf(referred.accountId)).toEqual([{ points: '10.00' }]);
  });

  it('still rewards an active referrer when the referred account is blocked', async () => {
    const referrer = await createCustomer(ctx, {});
    const referred = await createCustomer(ctx, { status: 'blocked' });
    const before = Number(await budgetUsed());
    const event = await refer(referrer, referred);
    expect(event).toMatchObject({ state: 'processed', points: '0.00', error: null });
    expect(await balanceOf(ctx, referrer.accountNumber)).toBe('10.00');
    expect(await balanceOf(ctx, referred.accountNumber)).toBe('0.00');
    expect(Number(await budgetUsed())).toBe(before + 10);
    expect(await usageOf(referred.accountId)).toEqual([]);
  });

  it('rejects a referral whose two parties are both blocked', async () => {
    const referrer = await createCustomer(ctx, { status: 'blocked' });
    const referred = await createCustomer(ctx, { status: 'blocked' });
    const before = await budgetUsed();
    const event = await refer(referrer, referred);
    expect(event).toMatchObject({ state: 'rejected', points: '0.00', error: 'Customer is blocked: no points accrued' });
    expect(await budgetUsed()).toBe(before);
  });

  it('applies a refund to a blocked customer: the points do not survive unblocking', async () => {
    const customerId = commandEvent().customerId as string;
    const balance = async () =>
      (await ctx.dataSource.query('SELECT a.balance FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.guid = ?', [customerId.toLowerCase()]))[0].balance;
    const purchase = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId, operationAmount: 100 })] }).expect(200);
    await waitForCommand(ctx, apiKey, purchase.body.commandId);
    expect(await balance()).toBe('10.00');
    await sendCommand(ctx, apiKey, { typeOfCommand: 'blockCustomers', customers: [{ guid: customerId }] }).expect(200);
    const refund = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId, operationType: 'refund', operationAmount: 100 })] }).expect(200);
    const [result] = await waitForCommand(ctx, apiKey, refund.body.commandId);
    expect(result).toMatchObject({ state: 'processed', points: '-10.00', error: null });
    await sendCommand(ctx, apiKey, { typeOfCommand: 'activateCustomers', customers: [{ guid: customerId }] }).expect(200);
    expect(await balance()).toBe('0.00');
  });
});
