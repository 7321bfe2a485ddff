import { BULK_EXAMPLES } from '../src/apis/crm-api/crm-examples';
import { TestContext } from './support/test-app';

/** Fixtures of the CRM API suites, all made through the admin API. */
export interface CustomerFixture {
  accountNumber?: string;
  participantNumber?: string;
  accountName?: string;
  status?: 'new' | 'active' | 'blocked';
  accessTokens?: Array<{ authenticationCode: string; identifier?: string; passCode?: string }>;
}

export interface CreatedCustomer {
  id: string;
  accountId: string;
  accountNumber: string;
  participantNumber: string;
}

export async function createCustomer(ctx: TestContext, fixture: CustomerFixture): Promise<CreatedCustomer> {
  const res = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send(fixture);
  if (res.status !== 201) throw new Error(`POST /admin/customers ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createEntry(ctx: TestContext, kind: string, entry: Record<string, unknown>): Promise<{ id: string; code: string }> {
  const res = await ctx.http().post(`/admin/directories/${kind}`).set('X-Api-Key', ctx.adminKey).send(entry);
  if (res.status !== 201) throw new Error(`POST /admin/directories/${kind} ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function adjust(ctx: TestContext, accountNumber: string, points: string): Promise<void> {
  await ctx.http().post(`/admin/accounts/${accountNumber}/adjustments`).set('X-Api-Key', ctx.adminKey).send({ points, comment: 'fixture' }).expect(201);
}

export async function balanceOf(ctx: TestContext, accountNumber: string): Promise<string> {
  const res = await ctx.http().get(`/admin/accounts/${accountNumber}`).set('X-Api-Key', ctx.adminKey).expect(200);
  return res.body.balance;
}

export async function crmLogin(ctx: TestContext, apiKey: string): Promise<string> {
  const res = await ctx.http().post('/crm/login').send({ api_key: apiKey }).expect(200);
  return res.body.data.token;
}

/** The unit, classifications and products the seeds' examples name. "Admin Unit" keeps its money in EUR. */
export async function seedDirectories(ctx: TestContext): Promise<void> {
  await createEntry(ctx, 'currency', { code: 'EUR', name: 'Euro' });
  await createEntry(ctx, 'currency', { code: 'USD', name: 'US Dollar' });
  await createEntry(ctx, 'unit', { code: 'ADMIN', name: 'Admin Unit', attributes: { currency: 'EUR' } });
  await createEntry(ctx, 'classification', { code: 'CF3', name: 'Customer Feedback 3' });
  for (const n of [1, 2, 3]) {
    await createEntry(ctx, 'classification', { code: `FA${n}`, name: `Financial Achievement ${n}`, attributes: { eventTypes: ['financial_achievement'] } });
  }
  await createEntry(ctx, 'classification', { code: 'STATEMENT', name: 'Monthly Statement', attributes: { eventTypes: ['financial_statement'] } });
  await createEntry(ctx, 'product', { code: 'Serendipity' });
  await createEntry(ctx, 'product', { code: 'Bronze' });
  await createEntry(ctx, 'kpi', { code: 'AVG_BALANCE', name: 'Average Balance' });
  await createEntry(ctx, 'kpi', { code: 'CARD_SPEND', name: 'Card Spend' });
}

/** Every account number and participant number the examples use for a customer that exists. */
export const SEED_ACCOUNTS = [
  'ACR0000000077', 'ACR0000000228', 'ACR0000000164', 'ACR0000000050', 'ACR0000000020', 'ACR0000000218', 'ACR0000000226',
];
export const SEED_PARTICIPANTS = ['RP0000000017', 'RP0000000010', 'RP0000000014', 'RP0000000012', 'RP0000000004'];

export async function seedCustomers(ctx: TestContext): Promise<Map<string, CreatedCustomer>> {
  const created = new Map<string, CreatedCustomer>();
  for (const accountNumber of SEED_ACCOUNTS) created.set(accountNumber, await createCustomer(ctx, { accountNumber, accountName: `Account ${accountNumber}` }));
  for (const participantNumber of SEED_PARTICIPANTS) created.set(participantNumber, await createCustomer(ctx, { participantNumber }));
  return created;
}

/** A seed request with the real token in place of `{{token}}`. */
export function seedRequest(path: keyof typeof BULK_EXAMPLES, token: string): Record<string, unknown> {
  return { ...structuredClone(BULK_EXAMPLES[path].request), token };
}

export const EVENT_ID = /^[0-9A-F]{32}$/;
export const EVENT_NUMBER = /^\d+$/;
