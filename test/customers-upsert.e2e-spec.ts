import { inTransaction } from '../src/database/transaction';
import { CustomersService } from '../src/modules/customers/customers.service';
import { createTestApp, TestContext } from './support/test-app';

const guid = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('CustomersService.upsertByGuid and activateNew', () => {
  let ctx: TestContext;
  let customers: CustomersService;

  beforeAll(async () => {
    ctx = await createTestApp();
    customers = ctx.app.get(CustomersService);
  });
  afterAll(() => ctx.app.close());

  it('creates 1000 new customers with accounts in a few statements, keyed by the GUID as given', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ guid: guid(i).toUpperCase(), customerType1: i % 2 ? 'odd' : null }));
    const started = Date.now();
    const result = await inTransaction(ctx.dataSource, (m) => customers.upsertByGuid(m, items));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.size).toBe(1000);
    const first = result.get(guid(0).toUpperCase())!;
    expect(first).toEqual({ customerId: expect.stringMatching(/^[0-9a-f-]{36}$/), accountId: expect.stringMatching(/^\d+$/), status: 'new' });
    const [row] = await ctx.dataSource.query('SELECT guid, status, customer_type1, link_token FROM customers WHERE id = ?', [first.customerId]);
    expect(row).toEqual({ guid: guid(0), status: 'new', customer_type1: null, link_token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_accounts')).toEqual([{ n: '1000' }]);
    const [odd] = await ctx.dataSource.query('SELECT customer_type1 FROM customers WHERE guid = ?', [guid(1)]);
    expect(odd.customer_type1).toBe('odd');
  });

  it('matches GUIDs case-insensitively and updates only the customer types given', async () => {
    const created = await inTransaction(ctx.dataSource, (m) => customers.upsertByGuid(m, [{ guid: guid(5000), customerType1: 'a', customerType2: 'b' }]));
    const again = await inTransaction(ctx.dataSource, (m) => customers.upsertByGuid(m, [{ guid: guid(5000).toUpperCase(), customerType2: 'c', customerType3: null }]));
    expect(again.get(guid(5000).toUpperCase())).toEqual(created.get(guid(5000)));
    const [row] = await ctx.dataSource.query('SELECT customer_type1, customer_type2, customer_type3 FROM customers WHERE guid = ?', [guid(5000)]);
    expect(row).toEqual({ customer_type1: 'a', customer_type2: 'c', customer_type3: null });
  });

  it('gives concurrent callers the same customers without duplicates', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ guid: guid(6000 + i) }));
    const results = await Promise.all([1, 2, 3, 4].map(() => inTransaction(ctx.dataSource, (m) => customers.upsertByGuid(m, items))));
    for (const r of results) expect([...r.entries()]).toEqual([...results[0].entries()]);
    expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM customers WHERE guid IN (?)', [items.map((i) => i.guid)])).toEqual([{ n: '50' }]);
    expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.guid IN (?)', [items.map((i) => i.guid)]))
      .toEqual([{ n: '50' }]);
  });

  it('activateNew turns new customers active and leaves blocked ones blocked', async () => {
    const r = await inTransaction(ctx.dataSource, (m) => customers.upsertByGuid(m, [{ guid: guid(7001) }, { guid: guid(7002) }]));
    const blocked = r.get(guid(7002))!.customerId;
    await ctx.dataSource.query("UPDATE customers SET status = 'blocked' WHERE id = ?", [blocked]);
    await inTransaction(ctx.dataSource, (m) => customers.activateNew(m, [r.get(guid(7001))!.customerId, blocked]));
    const rows = await ctx.dataSource.query('SELECT guid, status FROM customers WHERE guid IN (?) ORDER BY guid', [[guid(7001), guid(7002)]]);
    expect(rows).toEqual([{ guid: guid(7001), status: 'active' }, { guid: guid(7002), status: 'blocked' }]);
    const after = await inTransaction(ctx.dataSource, (m) => customers.upsertByGuid(m, [{ guid: guid(7001) }]));
    expect(after.get(guid(7001))!.status).toBe('active');
  });
});
