import Decimal from 'decimal.js';
import { SINGLE_PURCHASE_EXAMPLE } from '../src/apis/crm-api/crm-examples';
import { adjust, balanceOf, createCustomer, createEntry, CreatedCustomer, EVENT_ID } from './crm-fixtures';
import { createClient, createTestApp, TestContext } from './support/test-app';

const seed = SINGLE_PURCHASE_EXAMPLE.request as Record<string, unknown>;

describe('CRM API: single posted purchase with spend request (seed 003)', () => {
  let ctx: TestContext;
  let apiKey: string;
  let customer: CreatedCustomer;

  const purchase = (body: Record<string, unknown>, key = apiKey) => ctx.http().post('/crm/customer_events/purchases').set('api_key', key).send(body);
  const eventsWithReference = async (reference: string): Promise<Array<{ id: string; account_id: string; amount: string; type: string }>> =>
    ctx.dataSource.query("SELECT id, account_id, amount, type FROM customer_events WHERE external_key = CONCAT('ref:', ?)", [reference]);
  const spendsOf = async (accountId: string): Promise<Array<{ points: string; event_id: string }>> =>
    ctx.dataSource.query("SELECT points, event_id FROM bonus_operations WHERE account_id = ? AND type = 'spend' ORDER BY id", [accountId]);

  beforeAll(async () => {
    ctx = await createTestApp();
    apiKey = await createClient(ctx);
    customer = await createCustomer(ctx, { accessTokens: [{ authenticationCode: '4A30966F684B0269AD91' }] });
    await createEntry(ctx, 'classification', { code: 'CCC' });
    await createEntry(ctx, 'currency', { code: 'EUR' });
    await createEntry(ctx, 'product', { code: 'FREDESPR001' });
    await createEntry(ctx, 'businessUnit', { code: 'EK123456', name: 'Espresso Kiosk' });
    await createEntry(ctx, 'businessUnit', { code: 'CD123456', parentCode: 'EK123456' });
    await createEntry(ctx, 'businessUnit', { code: 'OTHER-MERCHANT' });
    await adjust(ctx, customer.accountNumber, '10.00');
  });
  afterAll(() => ctx.app.close());

  it('answers the seed example with an id and spends 2.12 points at once', async () => {
    const res = await purchase(seed);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['id']);
    expect(res.body.id).toMatch(EVENT_ID);
    expect(await balanceOf(ctx, customer.accountNumber)).toBe('7.88');
    expect(await spendsOf(customer.accountId)).toEqual([{ points: '-2.12', event_id: res.body.id }]);
    const [event] = await eventsWithReference('RF000001');
    expect(event).toEqual({ id: res.body.id, account_id: customer.accountId, amount: '15.1900', type: 'purchase' });
    const [{ attributes }] = await ctx.dataSource.query('SELECT attributes FROM customer_events WHERE id = ?', [res.body.id]);
    expect(typeof attributes === 'string' ? JSON.parse(attributes) : attributes).toEqual({
      eventType: 'purchase', performedOn: '2019-10-30T08:17:57.000Z', amount: '15.19', currency: 'EUR', classification: 'CCC',
      merchant: 'EK123456', businessUnit: 'CD123456', products: [{ code: 'FREDESPR001', quantity: '2', totalAmount: '15.19' }],
    });
  });

  it('answers a retry with the same id and spends nothing more', async () => {
    const [original] = await eventsWithReference('RF000001');
    const res = await purchase(seed).expect(200);
    expect(res.body).toEqual({ id: original.id });
    expect(await balanceOf(ctx, customer.accountNumber)).toBe('7.88');
    expect(await spendsOf(customer.accountId)).toHaveLength(1);
    expect(await eventsWithReference('RF000001')).toHaveLength(1);
  });

  it('spends once when the same reference arrives twice at the same time', async () => {
    const body = { ...seed, reference_number: 'RF-TWICE', spend_request: { alternative_amount: '1.00' } };
    const [a, b] = await Promise.all([purchase(body), purchase(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).toBe(b.body.id);
    expect(await balanceOf(ctx, customer.accountNumber)).toBe('6.88');
    expect((await spendsOf(customer.accountId)).filter((s) => s.event_id === a.body.id)).toEqual([{ points: '-1.00', event_id: a.body.id }]);
    await adjust(ctx, customer.accountNumber, '1.00');
  });

  it('refuses an overspend with 409 InsufficientBalanceException and stores nothing', async () => {
    const res = await purchase({ ...seed, reference_number: 'RF000002', spend_request: { alternative_amount: 100 } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      data: null,
      status: {
        code: 'InsufficientBalanceException',
        description: `Error:Account (${customer.accountNumber}) Has Insufficient Balance. - Description:The balance does not cover the 100.00 points of the spend request.`,
        message: `Error:Account (${customer.accountNumber}) Has Insufficient Balance. - Description:The balance does not cover the 100.00 points of the spend request.`,
      },
    });
    expect(await eventsWithReference('RF000002')).toEqual([]);
    expect(await balanceOf(ctx, customer.accountNumber)).toBe('7.88');
    expect(await spendsOf(customer.accountId)).toHaveLength(2);
  });

  it('identifies the customer by contact_id and takes the merchant from the outlet\'s parent', async () => {
    const res = await purchase({ ...seed, cim: undefined, contact_id: customer.id, reference_number: 'RF000003', spend_request: undefined, merchant_tap: undefined }).expect(200);
    const [{ attributes, account_id }] = await ctx.dataSource.query('SELECT attributes, account_id FROM customer_events WHERE id = ?', [res.body.id]);
    expect(account_id).toBe(customer.accountId);
    expect((typeof attributes === 'string' ? JSON.parse(attributes) : attributes)).toMatchObject({ merchant: 'EK123456', businessUnit: 'CD123456' });
    expect(await balanceOf(ctx, customer.accountNumber)).toBe('7.88');
  });

  it('keeps the caller\'s own event id', async () => {
    const res = await purchase({ ...seed, id: '9803d32e-8fcd-4984-a736-9f02f726b3c0', reference_number: 'RF000004', spend_request: undefined }).expect(200);
    expect(res.body).toEqual({ id: '9803D32E8FCD4984A7369F02F726B3C0' });
    expect(await eventsWithReference('RF000004')).toMatchObject([{ id: '9803D32E8FCD4984A7369F02F726B3C0' }]);
  });

  it.each([
    ['both contact_id and cim', { contact_id: 'c' }, 400, 'MoreThanOneIdentifierException'],
    ['neither contact_id nor cim', { cim: undefined }, 400, 'MandatoryParameterMissingException'],
    ['no reference_number', { reference_number: undefined }, 400, 'MandatoryParameterMissingException'],
    ['no merchant_tap nor outlet_tap', { merchant_tap: undefined, outlet_tap: undefined }, 400, 'MandatoryParameterMissingException'],
    ['both spend amounts', { spend_request: { amount: 1, alternative_amount: 1 } }, 400, 'MoreThanOneIdentifierException'],
    ['an outlet of another merchant', { merchant_tap: { code: 'OTHER-MERCHANT' } }, 400, 'InvalidValueException'],
    ['an unknown product', { products: [{ product_sku: 'NOPE', net_amount: 1, tax_amount: 0, total_amount: 1 }] }, 404, 'NotFoundAPIValueException'],
  ])('refuses %s and stores nothing', async (_, change, status, code) => {
    const res = await purchase({ ...seed, reference_number: 'RF-BAD', ...change });
    expect(res.status).toBe(status);
    expect(res.body.data).toBeNull();
    expect(res.body.status.code).toBe(code);
    expect(await eventsWithReference('RF-BAD')).toEqual([]);
  });

  it('answers an unknown cim with NotFoundAPIValueException', async () => {
    const res = await purchase({ ...seed, cim: 'UNKNOWN-CIM', reference_number: 'RF000005' });
    expect(res.status).toBe(404);
    expect(res.body.status).toEqual({
      code: 'NotFoundAPIValueException',
      description: 'Error:Access Token (UNKNOWN-CIM) Not Found. - Description:The specified API value was not found.',
      message: 'Error:Access Token (UNKNOWN-CIM) Not Found. - Description:The specified API value was not found.',
    });
  });

  it('answers a wrong api_key with 401 InvalidTokenException', async () => {
    const res = await purchase(seed, 'wrong-key');
    expect(res.status).toBe(401);
    expect(res.body.status.code).toBe('InvalidTokenException');
  });

  it('keeps reference numbers per client', async () => {
    const other = await createClient(ctx, 'integrator', 'Second POS');
    const res = await purchase({ ...seed, spend_request: undefined }, other).expect(200);
    const [original] = await eventsWithReference('RF000001');
    expect(res.body.id).not.toBe(original.id);
  });
  describe('a caller-chosen id', () => {
    const ownId = '2f1c7a58-6b0e-4d8a-9c3e-5a4b7d9e1f20';
    const storedId = '2F1C7A586B0E4D8A9C3E5A4B7D9E1F20';
    const refused = {
      data: null,
      status: {
        code: 'InvalidValueException',
        description: `Error:Parameter (id) Invalid. - Description:A customer event with id ${storedId} already exists.`,
        message: `Error:Parameter (id) Invalid. - Description:A customer event with id ${storedId} already exists.`,
      },
    };
    let other: string;

    beforeAll(async () => {
      other = await createClient(ctx, 'integrator', 'Third POS');
      await purchase({ ...seed, id: ownId, reference_number: 'RF-OWN-1', spend_request: { alternative_amount: '1.00' } }).expect(200, { id: storedId });
    });

    it('answers this client\'s retry of the same reference with the id, spending nothing more', async () => {
      const [balance, spends] = [await balanceOf(ctx, customer.accountNumber), await spendsOf(customer.accountId)];
      await purchase({ ...seed, id: ownId, reference_number: 'RF-OWN-1', spend_request: { alternative_amount: '1.00' } }).expect(200, { id: storedId });
      expect(await balanceOf(ctx, customer.accountNumber)).toBe(balance);
      expect(await spendsOf(customer.accountId)).toEqual(spends);
    });

    it.each([
      ['with a spend', { alternative_amount: '1.00' }],
      ['without a spend', undefined],
    ])('refuses the id on another purchase %s with InvalidValueException, storing and spending nothing', async (_, spendRequest) => {
      const [balance, spends] = [await balanceOf(ctx, customer.accountNumber), await spendsOf(customer.accountId)];
      const res = await purchase({ ...seed, id: ownId, reference_number: 'RF-OWN-2', spend_request: spendRequest });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(refused);
      expect(await eventsWithReference('RF-OWN-2')).toEqual([]);
      expect(await balanceOf(ctx, customer.accountNumber)).toBe(balance);
      expect(await spendsOf(customer.accountId)).toEqual(spends);
    });

    it('spends on a later purchase of this client with its own fresh id', async () => {
      const balance = await balanceOf(ctx, customer.accountNumber);
      const res = await purchase({ ...seed, id: '7c0d3e21-4a5b-4c6d-8e9f-0a1b2c3d4e5f', reference_number: 'RF-OWN-3', spend_request: { alternative_amount: '1.00' } }).expect(200);
      expect(res.body).toEqual({ id: '7C0D3E214A5B4C6D8E9F0A1B2C3D4E5F' });
      expect(await balanceOf(ctx, customer.accountNumber)).toBe(new Decimal(balance).minus(1).toFixed(2));
      expect((await spendsOf(customer.accountId)).filter((s) => s.event_id === res.body.id)).toEqual([{ points: '-1.00', event_id: res.body.id }]);
    });

    it.each([
      ['the same reference number', 'RF-OWN-1', [storedId]],
      ['a reference number of its own', 'RF-OTHER-1', []],
    ])('never gives another client\'s event id back, with %s', async (_, reference, storedIds) => {
      const [balance, spends] = [await balanceOf(ctx, customer.accountNumber), await spendsOf(customer.accountId)];
      const res = await purchase({ ...seed, id: ownId, reference_number: reference, spend_request: { alternative_amount: '1.00' } }, other);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(refused);
      expect((await eventsWithReference(reference)).map((e) => e.id)).toEqual(storedIds);
      expect(await balanceOf(ctx, customer.accountNumber)).toBe(balance);
      expect(await spendsOf(customer.accountId)).toEqual(spends);
    });
  });
});
