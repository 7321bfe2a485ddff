import { Response } from 'supertest';
import { adjust, createCustomer, createEntry, CreatedCustomer, crmLogin } from './crm-fixtures';
import { randomUUID } from 'crypto';
import { commandEvent, createRule, sendCommand, waitForCommand } from './support/command-events';
import { ledgerFindings } from './support/ledger-check';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** Beyond every DECIMAL column and every JavaScript safe integer. */
const HUGE = [1e20, '100000000000000000000', '1e400'];
/** Just above DECIMAL(18,2): the most a balance, a ledger line or a budget can hold is 9999999999999999.99. */
const OVER_POINTS = ['10000000000000000', '10000000000000000.00'];
/** Just above DECIMAL(18,4): the most an amount can hold is 99999999999999.9999. */
const OVER_AMOUNT = ['100000000000000', 100000000000000];

type Style = 'command' | 'commandEvents' | 'commandItem' | 'commandCustomer' | 'crmItem' | 'crmRequest' | 'admin';

interface Endpoint {
  name: string;
  style: Style;
  /** A valid request; a case sets one field of it. */
  body: () => Record<string, unknown>;
  send: (body: Record<string, unknown>) => Promise<Response>;
  /** path of the field in the body → the out-of-range values it is tried with */
  fields: Record<string, unknown[]>;
}

/** Sets `path` (dot separated, numbers index lists) in a copy of `body`. */
function withField(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}

/** The refusal each API style answers bad input with: its own envelope, never a 500, nothing accepted. */
function expectRefused(style: Style, res: Response, what: string): void {
  const seen = `${what} → ${res.status} ${JSON.stringify(res.body)}`;
  switch (style) {
    case 'command':
      expect({ seen, status: res.status, answer: res.body.status, type: res.body.error?.typeOfError }).toEqual({ seen, status: 400, answer: 'Failure', type: 'wrongParam' });
      break;
    case 'commandEvents':
      expect({ seen, status: res.status, answer: res.body.status, type: res.body.errors?.[0]?.typeOfError }).toEqual({ seen, status: 400, answer: 'Failure', type: 'wrongParam' });
      break;
    case 'commandCustomer':
      expect({ seen, status: res.status, type: res.body.customers?.[0]?.error?.typeOfError }).toEqual({ seen, status: 200, type: 'wrongParam' });
      break;
    case 'commandItem':
      expect({ seen, status: res.status, item: res.body.results?.[0]?.status, type: res.body.results?.[0]?.error?.typeOfError })
        .toEqual({ seen, status: 200, item: 'Failure', type: 'wrongParam' });
      break;
    case 'crmItem':
      expect({ seen, status: res.status, processed: res.body.data?.processed_customer_events_set, code: res.body.data?.unprocessed_customer_events_set?.[0]?.error_code })
        .toEqual({ seen, status: 200, processed: [], code: 'InvalidValueException' });
      break;
    case 'crmRequest':
      expect({ seen, status: res.status, code: res.body.status?.code }).toEqual({ seen, status: 400, code: 'InvalidValueException' });
      break;
    case 'admin':
      expect({ seen, status: res.status, statusCode: res.body.statusCode }).toEqual({ seen, status: 400, statusCode: 400 });
      break;
  }
}

function expectAccepted(style: Style, res: Response, what: string): void {
  const seen = `${what} → ${res.status} ${JSON.stringify(res.body)}`;
  const ok = {
    command: () => res.status === 200 && res.body.status === 'Success',
    commandEvents: () => res.status === 200 && res.body.status === 'Success',
    commandCustomer: () => res.status === 200 && res.body.status === 'Success',
    commandItem: () => res.status === 200 && res.body.results?.[0]?.status === 'Success',
    crmItem: () => res.status === 200 && res.body.data?.processed_customer_events_set?.length === 1,
    crmRequest: () => res.status === 200,
    admin: () => res.status === 200 || res.status === 201,
  }[style]();
  expect({ seen, ok }).toEqual({ seen, ok: true });
}

/** Every numeric input of every endpoint, tried out of range: each is refused at once in the API's own envelope. */
describe('Numeric inputs out of range', () => {
  let ctx: TestContext;
  let apiKey: string;
  let token: string;
  let customer: CreatedCustomer;
  let seq = 0;
  const admin = () => ({ 'X-Api-Key': ctx.adminKey });

  beforeAll(async () => {
    ctx = await createTestApp();
    apiKey = await createClient(ctx);
    token = await crmLogin(ctx, apiKey);
    customer = await createCustomer(ctx, { accessTokens: [{ authenticationCode: 'RANGE-CIM-0001' }] });
    await createEntry(ctx, 'currency', { code: 'EUR' });
    await createEntry(ctx, 'unit', { code: 'ADMIN', name: 'Admin Unit', attributes: { currency: 'EUR' } });
    await createEntry(ctx, 'classification', { code: 'CCC' });
    await createEntry(ctx, 'classification', { code: 'FA', attributes: { eventTypes: ['financial_achievement'] } });
    await createEntry(ctx, 'classification', { code: 'STATEMENT', attributes: { eventTypes: ['financial_statement'] } });
    await createEntry(ctx, 'product', { code: 'P1' });
    await createEntry(ctx, 'kpi', { code: 'KPI' });
    await createEntry(ctx, 'businessUnit', { code: 'SHOP' });
  });
  afterAll(() => ctx.app.close());

  const command = (body: Record<string, unknown>) => sendCommand(ctx, apiKey, body);
  const bulk = (type: string) => (body: Record<string, unknown>) => ctx.http().post(`/crm/customer_events/bulk/${type}/create`).send({ token, ...body });
  const account = () => ({ number: customer.accountNumber });
  const crmItem = (extra: Record<string, unknown>) => ({
    request_unique_identifier: '1', accounts_receivable_identifier: account(), performed_by_unit_identifier: { code: 'ADMIN' },
    performed_on: '2025-06-02T10:00:00', ...extra,
  });
  const product = { product_identifier: { code: 'P1' }, net_amount: 1, vat_amount: 0, total_amount: 1, quantity: 1 };
  const rule = { name: 'Range', active: false, when: {}, award: { type: 'fixed', points: 1 } };

  const endpoints: Endpoint[] = [
    {
      name: 'loadCustomerEventsExt', style: 'commandEvents', send: command,
      body: () => ({ typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent()] }),
      fields: {
        'events.0.operationAmount': [...HUGE, ...OVER_AMOUNT, -1],
        'events.0.operationCurrencyRate': [...HUGE, 0, -1],
        'events.0.merchantId': [...HUGE, -1],
        'events.0.terminalId': [...HUGE, -1],
        'events.0.eventId': [1e20],
      },
    },
    {
      name: 'addCustomerPointMessage', style: 'commandItem', send: command,
      body: () => ({ typeOfCommand: 'addCustomerPointMessage', add: [{ uniqId: `range-${++seq}`, amount: 1, eventId: `pm-${seq}`, eventDate: '2025-06-02T10:00:00Z', operationAmount: 1, message: 'Hi', showCount: 1 }] }),
      fields: {
        'add.0.amount': [...HUGE, ...OVER_POINTS, -1],
        'add.0.operationAmount': [...HUGE, ...OVER_AMOUNT, -1],
        'add.0.showCount': [...HUGE, 0, 1.5],
        'add.0.eventId': [1e20],
      },
    },
    {
      name: 'addBonusExtQuick', style: 'commandItem', send: command,
      body: () => ({ typeOfCommand: 'addBonusExtQuick', add: [{ uniqId: `range-${++seq}`, amount: 1, eventId: `q-${seq}` }] }),
      fields: { 'add.0.amount': [...HUGE, ...OVER_POINTS, '9999999999999999.999', -1], 'add.0.eventId': [1e20] },
    },
    {
      name: 'getBonusOperationExt', style: 'command', send: command,
      body: () => ({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'nobody' }], dateFrom: '2025-06-01T00:00:00Z', dateTill: '2025-06-02T00:00:00Z', limit: 10 }),
      fields: { limit: [...HUGE, 0, 1.5] },
    },
    {
      name: 'getEventOperation', style: 'command', send: command,
      body: () => ({ typeOfCommand: 'getEventOperation', eventIds: ['1'] }),
      fields: { 'eventIds.0': [1e20, 1.5] },
    },
    ...['getBalanceCustomersExt', 'blockCustomers', 'activateCustomers', 'getCustomerLink'].map((typeOfCommand): Endpoint => ({
      name: typeOfCommand, style: 'commandCustomer', send: command,
      body: () => ({ typeOfCommand, customers: [{ uniqId: 'nobody' }] }),
      fields: { 'customers.0.uniqId': [1e20], 'customers.0.phone': [1e20] },
    })),
    {
      name: 'CRM bulk purchases', style: 'crmItem', send: bulk('purchases'),
      body: () => ({ intended_currency_identifier: { code: 'EUR' }, purchase_customer_events_set: [crmItem({ reference_number: `R${++seq}`, products_set: [product, product] })] }),
      fields: Object.fromEntries([
        ...['net_amount', 'vat_amount', 'total_amount', 'quantity'].map((f) => [`purchase_customer_events_set.0.products_set.0.${f}`, [...HUGE, ...OVER_AMOUNT]]),
        // Each total fits DECIMAL(18,4), their sum (the event's amount) does not.
        ['purchase_customer_events_set.0.products_set', [[{ ...product, total_amount: '99999999999999' }, { ...product, total_amount: '99999999999999' }]]],
        ['purchase_customer_events_set.0.udf_float_1', ['1e400', 'abc']],
      ]),
    },
    {
      name: 'CRM bulk financial achievements', style: 'crmItem', send: bulk('financial_achievements'),
      body: () => ({ financial_achievement_customer_events_set: [crmItem({ classification_identifier: { code: 'FA' }, amount: 1 })] }),
      fields: { 'financial_achievement_customer_events_set.0.amount': [...HUGE, ...OVER_AMOUNT, -1] },
    },
    {
      name: 'CRM bulk financial statements', style: 'crmItem', send: bulk('financial_statements'),
      body: () => ({
        financial_achievement_customer_events_set: [crmItem({
          classification_identifier: { code: 'STATEMENT' }, measured_key_performance_indicators_set: [{ key_performance_indicator_identifier: { code: 'KPI' }, value: 1 }],
        })],
      }),
      fields: { 'financial_achievement_customer_events_set.0.measured_key_performance_indicators_set.0.value': [...HUGE, ...OVER_AMOUNT, '-100000000000000'] },
    },
    {
      name: 'CRM single purchase', style: 'crmRequest',
      send: (body) => ctx.http().post('/crm/customer_events/purchases').set('api_key', apiKey).send(body),
      body: () => ({
        cim: 'RANGE-CIM-0001', reference_number: `SP${++seq}`, classification: { code: 'CCC' }, currency_code: 'EUR', performed_on: 1748858400,
        products: [{ product_sku: 'P1', net_amount: 1, tax_amount: 0, total_amount: 1, quantity: 1 }, { product_sku: 'P1', net_amount: 1, tax_amount: 0, total_amount: 1, quantity: 1 }],
        merchant_tap: { code: 'SHOP' },
      }),
      fields: {
        ...Object.fromEntries(['net_amount', 'tax_amount', 'total_amount', 'quantity'].map((f) => [`products.0.${f}`, [...HUGE, ...OVER_AMOUNT]])),
        // Each total fits DECIMAL(18,4), their sum (the event's amount) does not.
        products: [[1, 2].map(() => ({ product_sku: 'P1', net_amount: 1, tax_amount: 0, total_amount: '99999999999999.9999', quantity: 1 }))],
        performed_on: [...HUGE, 1e15, -1],
        spend_request: [{ amount: 1e20 }, { amount: OVER_AMOUNT[0] }, { alternative_amount: 1e20 }, { alternative_amount: OVER_POINTS[1] }],
      },
    },
    {
      name: 'admin adjustment', style: 'admin',
      send: (body) => ctx.http().post(`/admin/accounts/${customer.accountNumber}/adjustments`).set(admin()).send(body),
      body: () => ({ points: '1' }),
      fields: { points: [...HUGE, ...OVER_POINTS, '-10000000000000000'] },
    },
    {
      name: 'admin rules', style: 'admin', send: (body) => ctx.http().post('/admin/rules').set(admin()).send(body),
      body: () => structuredClone(rule),
      fields: {
        priority: [...HUGE, 1.5],
        expiresInDays: [...HUGE, 0],
        'award.points': [...HUGE, ...OVER_POINTS],
        award: [{ type: 'percent', percent: 1e20 }, { type: 'perAmount', points: 1, step: 1e20 }, { type: 'kpiFactor', kpi: 'KPI', factor: 1e20 }],
        when: [{ minAmount: 1e20 }, { maxAmount: OVER_AMOUNT[0] }, { kpis: [{ code: 'KPI', min: 1e20 }] }, { daysOfWeek: [1e20] }],
        limits: [{ maxPointsPerEvent: 1e20 }, { maxPointsPerCustomerPerDay: OVER_POINTS[0] }, { maxPointsPerCustomerPerMonth: 1e20 }, { budget: OVER_POINTS[1] }],
      },
    },
    {
      name: 'admin rules simulate', style: 'admin', send: (body) => ctx.http().post('/admin/rules/simulate').set(admin()).send(body),
      body: () => ({ event: { eventType: 'operation', performedOn: '2025-06-02T10:00:00Z', amount: 1, products: [{ code: 'P1', quantity: 1, totalAmount: 1 }], kpis: [{ code: 'KPI', value: 1 }] }, accountId: '1' }),
      fields: {
        'event.amount': [...HUGE, ...OVER_AMOUNT],
        'event.products.0.quantity': [...HUGE, ...OVER_AMOUNT],
        'event.products.0.totalAmount': [...HUGE, ...OVER_AMOUNT],
        'event.kpis.0.value': [...HUGE, ...OVER_AMOUNT],
        'event.referral': [{ referrerAccountId: 1e20, referredAccountId: '1' }],
        accountId: [1e20, '100000000000000000000000'],
      },
    },
  ];

  for (const endpoint of endpoints) {
    describe(endpoint.name, () => {
      it('accepts the valid request the cases start from', async () => {
        expectAccepted(endpoint.style, await endpoint.send(endpoint.body()), endpoint.name);
      });

      for (const [path, values] of Object.entries(endpoint.fields)) {
        it(`refuses ${path} out of range in its own envelope`, async () => {
          for (const value of values) {
            const res = await endpoint.send(withField(endpoint.body(), path, value));
            expectRefused(endpoint.style, res, `${endpoint.name} ${path}=${JSON.stringify(value)}`);
          }
        });
      }
    });
  }

  it('refuses an adjustment that would take a balance past its maximum, and changes nothing', async () => {
    const full = await createCustomer(ctx, {});
    await adjust(ctx, full.accountNumber, '9999999999999999.00');
    const res = await ctx.http().post(`/admin/accounts/${full.accountNumber}/adjustments`).set(admin()).send({ points: '1.00' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Balance would exceed the maximum of 9999999999999999.99 points' });
    const details = await ctx.http().get(`/admin/accounts/${full.accountNumber}`).set(admin()).expect(200);
    expect(details.body.balance).toBe('9999999999999999.00');
  });

  it('refuses an operation amount whose value at the currency rate exceeds what an amount can hold', async () => {
    const res = await command({ typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ eventId: 'rate-x2', operationAmount: 99999999999999, operationCurrencyRate: 2 })] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{
      eventId: 'rate-x2', typeOfError: 'wrongParam',
      description: 'Invalid operationAmount: operationAmount × operationCurrencyRate must be at most 99999999999999.9999',
    }]);
  });

  describe('a sum past a balance’s maximum in step 2', () => {
    const OVERFLOW = 'Balance would exceed the maximum of 9999999999999999.99 points';
    /** A customer whose balance is 0.99 short of the maximum. */
    const fullCustomer = async () => {
      const uniqId = `full-${++seq}`;
      const guid = randomUUID();
      const created = await ctx.http().post('/admin/customers').set(admin()).send({ uniqId, guid, status: 'active' }).expect(201);
      await adjust(ctx, created.body.accountNumber, '9999999999999999.00');
      return { uniqId, guid, accountNumber: created.body.accountNumber as string };
    };
    const itemsOf = async (commandId: string) => {
      await waitFor(async () => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [commandId]))[0]?.state === 'done', 30000, 'step 2');
      return (await command({ typeOfCommand: 'getEventOperation', commandId }).expect(200)).body.events;
    };

    it('addBonusExtQuick fails only the item that would overflow; the others are processed and the command finishes', async () => {
      const full = await fullCustomer();
      const res = await command({
        typeOfCommand: 'addBonusExtQuick',
        add: [{ uniqId: full.uniqId, amount: 1, eventId: `ovf-q-${seq}` }, { uniqId: `fine-q-${seq}`, amount: '5.5', eventId: `fine-q-${seq}` }],
      }).expect(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['Success', 'Success']);
      const events = await itemsOf(res.body.commandId);
      expect(events.map((e: Record<string, unknown>) => [e.eventId, e.state, e.points, e.error])).toEqual([
        [`ovf-q-${seq}`, 'failed', null, OVERFLOW], [`fine-q-${seq}`, 'processed', '5.50', null],
      ]);
      const balance = await ctx.http().get(`/admin/accounts/${full.accountNumber}`).set(admin()).expect(200);
      expect(balance.body.balance).toBe('9999999999999999.00');
      expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    });

    it('addCustomerPointMessage fails only the item that would overflow; the others are processed and the command finishes', async () => {
      const full = await fullCustomer();
      const eventDate = '2025-06-02T10:00:00Z';
      const res = await command({
        typeOfCommand: 'addCustomerPointMessage',
        add: [
          { uniqId: full.uniqId, amount: 1, eventId: `ovf-m-${seq}`, eventDate, message: 'Not stored' },
          { uniqId: `fine-m-${seq}`, amount: 2, eventId: `fine-m-${seq}`, eventDate },
        ],
      }).expect(200);
      const events = await itemsOf(res.body.commandId);
      expect(events.map((e: Record<string, unknown>) => [e.eventId, e.state, e.error])).toEqual([
        [`ovf-m-${seq}`, 'failed', OVERFLOW], [`fine-m-${seq}`, 'processed', null],
      ]);
      const messages = await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customer_messages WHERE text = 'Not stored'");
      expect(messages).toEqual([{ n: '0' }]);
      expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    });

    it('loadCustomerEventsExt fails only the event whose award would overflow, with the reason', async () => {
      const ruleId = await createRule(ctx, { name: 'Point per operation', when: { eventTypes: ['operation'] }, award: { type: 'fixed', points: 1 } });
      try {
        const full = await fullCustomer();
        const fine = commandEvent({ eventId: `fine-e-${seq}` });
        const res = await command({ typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId: full.guid, eventId: `ovf-e-${seq}` }), fine] }).expect(200);
        const events = await waitForCommand(ctx, apiKey, res.body.commandId);
        expect(events.map((e: Record<string, unknown>) => [e.eventId, e.state, e.error])).toEqual([
          [`ovf-e-${seq}`, 'failed', OVERFLOW], [`fine-e-${seq}`, 'processed', null],
        ]);
        expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
      } finally {
        await ctx.http().delete(`/admin/rules/${ruleId}`).set(admin()).expect(204);
      }
    });
  });
});
