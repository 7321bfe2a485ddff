/**
 * An integrator's first programme, written against types generated from the live document:
 *   npx openapi-typescript http://localhost:3000/docs-json -o examples/generated/bonus-engine-api.d.ts
 * Run: BASE_URL=http://localhost:3000 ADMIN_API_KEY=… npx ts-node examples/integrator-flow.ts
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/bonus-engine-api';

type Schemas = components['schemas'];

export interface FlowResult {
  balance: string | null;
  failure: Schemas['CommandApiError'];
}

function isBalanceAnswer(answer: object): answer is Schemas['CustomerBalanceAnswer'] {
  return 'customers' in answer && Array.isArray(answer.customers) && answer.customers.every((c: object) => 'balance' in c);
}

function fail(what: string, error: unknown): never {
  throw new Error(`${what} failed: ${JSON.stringify(error)}`);
}

export async function runIntegratorFlow(baseUrl: string, adminKey: string, run = `${Date.now()}`): Promise<FlowResult> {
  const admin = createClient<paths>({ baseUrl, headers: { 'X-Api-Key': adminKey } });

  // 1. An integrator client; its apiKey is shown only in this answer.
  const created = await admin.POST('/admin/clients', { body: { name: `Shop ${run}`, role: 'integrator', scopes: ['command:*', 'crm:*'] } });
  if (!created.data) fail('POST /admin/clients', created.error);
  const apiKey: string = created.data.apiKey;

  // 2. A unit with its currency, a customer with an account number, a 10 % rule.
  const unitCode = `SHOP-${run}`;
  const unit = await admin.POST('/admin/directories/{kind}', {
    params: { path: { kind: 'unit' } },
    body: { code: unitCode, name: `Shop unit ${run}`, attributes: { currency: 'EUR' } },
  });
  if (!unit.response.ok) fail('POST /admin/directories/unit', unit.error);
  const product = await admin.POST('/admin/directories/{kind}', { params: { path: { kind: 'product' } }, body: { code: `COFFEE-${run}` } });
  if (!product.response.ok) fail('POST /admin/directories/product', product.error);
  const accountNumber = `ACR${run.slice(-10).padStart(10, '0')}`;
  const guid = '7d1a3c5e-0b2f-4e6a-9c8d-1f2e3a4b5c6d';
  const customer = await admin.POST('/admin/customers', { body: { uniqId: `U${run}`, guid, accountNumber, status: 'active' } });
  if (!customer.data) fail('POST /admin/customers', customer.error);
  const rule = await admin.POST('/admin/rules', {
    body: { name: `10 % back ${run}`, active: true, priority: 0, exclusive: false, when: {}, award: { type: 'percent', percent: '10', rounding: 'none', target: 'referred' } },
  });
  if (!rule.response.ok) fail('POST /admin/rules', rule.error);

  // 3. The CRM API: a token, then a bulk purchase of 100.
  const crm = createClient<paths>({ baseUrl });
  const login = await crm.POST('/crm/login', { body: { api_key: apiKey } });
  if (!login.data) fail('POST /crm/login', login.error);
  const token: string = login.data.data.token;
  const bulk = await crm.POST('/crm/customer_events/bulk/purchases/create', {
    body: {
      token,
      purchase_customer_events_set: [{
        request_unique_identifier: '1', accounts_receivable_identifier: { number: accountNumber },
        performed_by_unit_identifier: { code: unitCode }, performed_on: '2025-03-01T12:00:00', reference_number: `R-${run}`,
        products_set: [{ product_identifier: { code: `COFFEE-${run}` }, net_amount: '80', vat_amount: '20', total_amount: '100.00' }],
      }],
    },
  });
  if (!bulk.data) fail('bulk purchases', bulk.error);
  if (bulk.data.data.unprocessed_customer_events_set.length > 0) fail('bulk purchases', bulk.data.data.unprocessed_customer_events_set);

  // 4. The Command API: load an event, then poll its outcome until step 2 has run.
  const api = createClient<paths>({ baseUrl, headers: { 'X-Api-Key': apiKey } });
  const loaded = await api.POST('/api/commands', {
    body: {
      typeOfCommand: 'loadCustomerEventsExt',
      events: [{
        customerId: guid, eventId: `E-${run}`, eventDate: '2025-03-01T12:00:00+03:00', eventType: 'operation', operationType: 'purchase',
        operationAmount: 50, operationCurrencyRate: 1, merchantId: 1, terminalId: 1,
      }],
    },
  });
  if (!loaded.data) fail('loadCustomerEventsExt', loaded.error);
  if (!('commandId' in loaded.data) || !('errors' in loaded.data)) fail('loadCustomerEventsExt', loaded.data);
  const commandId: string = loaded.data.commandId;
  for (let attempt = 0; ; attempt++) {
    const polled = await api.POST('/api/commands', { body: { typeOfCommand: 'getEventOperation', commandId } });
    if (!polled.data) fail('getEventOperation', polled.error);
    const answer = polled.data;
    if ('events' in answer && answer.events.every((e) => e.state !== 'pending')) break;
    if (attempt > 100) fail('getEventOperation', 'the command did not finish');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // 5. The balance.
  const balances = await api.POST('/api/commands', { body: { typeOfCommand: 'getBalanceCustomersExt', customers: [{ customerId: guid }] } });
  if (!balances.data || !isBalanceAnswer(balances.data)) fail('getBalanceCustomersExt', balances.error ?? balances.data);
  const [entry] = balances.data.customers;

  // 6. A failing call, and its typed error.
  const failed = await api.POST('/api/commands', { body: { typeOfCommand: 'getBalanceCustomersExt', customers: [] } });
  if (!failed.error) fail('an empty customers list', 'it succeeded');
  return { balance: entry.balance, failure: failed.error };
}

if (require.main === module) {
  runIntegratorFlow(process.env.BASE_URL ?? 'http://localhost:3000', process.env.ADMIN_API_KEY ?? '')
    .then(({ balance, failure }) => console.log(`balance ${balance}; failure ${failure.error.typeOfError}: ${failure.error.description}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
