import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

describe('Customer commands: addBonusExtQuick, getBalanceCustomersExt, getBonusOperationExt, block/activate, getCustomerLink', () => {
  let ctx: TestContext;
  let key: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    key = await createClient(ctx);
  });
  afterAll(() => ctx.app.close());

  const command = (body: Record<string, unknown>) => ctx.http().post('/api/commands').set('X-Api-Key', key).send(body);
  const admin = (body: Record<string, unknown>) => ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send(body).expect(201);
  const done = (commandId: string) =>
    waitFor(async () => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [commandId]))[0]?.state === 'done', 20000, 'step 2');
  const quick = async (add: unknown[]) => {
    const res = await command({ typeOfCommand: 'addBonusExtQuick', add }).expect(200);
    await done(res.body.commandId);
    return res.body;
  };
  const window = () => ({ dateFrom: new Date(Date.now() - 3_600_000).toISOString(), dateTill: new Date(Date.now() + 60_000).toISOString() });

  it('documents every customer command in /docs with an example, addCustomerPointMessage with the seed example', async () => {
    const docs = await ctx.http().get('/docs-json').expect(200);
    const content = docs.body.paths['/api/commands'].post;
    const requests = content.requestBody.content['application/json'].examples;
    const responses = content.responses['200'].content['application/json'].examples;
    for (const name of ['addCustomerPointMessage', 'addBonusExtQuick', 'getBalanceCustomersExt', 'getBonusOperationExt', 'blockCustomers', 'activateCustomers', 'getCustomerLink']) {
      expect(requests[name].value.typeOfCommand).toBe(name);
      expect(responses[name]).toBeDefined();
    }
    expect(requests.addCustomerPointMessage.value.add[0].uniqId).toBe('12345678');
    expect(responses.addCustomerPointMessage.value.results).toEqual([
      { login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', status: 'Success', error: null },
    ]);
    for (const path of ['/admin/customers', '/admin/customers/{id}', '/admin/accounts/{number}', '/admin/accounts/{number}/adjustments', '/api/bonus-window/{token}', '/bonus/{token}']) {
      expect(docs.body.paths[path]).toBeDefined();
    }
  });

  describe('addBonusExtQuick', () => {
    it('accrues to existing customers by any identifier and creates missing ones as active', async () => {
      const existing = await admin({ uniqId: 'q-existing', guid: 'e1000000-0000-4000-8000-000000000001', phone: '79170000001', email: 'q@example.com' });
      const body = await quick([
        { amount: 10, uniqId: 'q-existing', eventId: 'q1' },
        { amount: '2.50', guid: 'E1000000-0000-4000-8000-000000000001', eventId: 'q2', comment: 'Birthday' },
        { amount: 1, phone: '+79170000001', eventId: 'q3' },
        { amount: 1, email: 'q@example.com', eventId: 'q4', eventDate: '2025-03-01T10:00:00+03' },
        { amount: 7, phone: '+79170000002', eventId: 'q5' },
      ]);
      expect(body.results).toEqual([
        { login: 'q-existing', guid: 'e1000000-0000-4000-8000-000000000001', status: 'Success', error: null },
        { login: 'q-existing', guid: 'e1000000-0000-4000-8000-000000000001', status: 'Success', error: null },
        { login: 'q-existing', guid: 'e1000000-0000-4000-8000-000000000001', status: 'Success', error: null },
        { login: 'q-existing', guid: 'e1000000-0000-4000-8000-000000000001', status: 'Success', error: null },
        { login: null, guid: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'Success', error: null },
      ]);
      expect(body.commandId).toMatch(/^[0-9a-f-]{36}$/);
      const account = await ctx.http().get(`/admin/customers/${existing.body.id}`).set('X-Api-Key', ctx.adminKey).expect(200);
      expect(account.body).toMatchObject({ balance: '14.50', status: 'active' });
      const [created] = await ctx.dataSource.query(
        'SELECT c.guid, c.status, c.phone, a.balance FROM customers c JOIN bonus_accounts a ON a.customer_id = c.id WHERE c.phone = ?', ['79170000002'],
      );
      expect(created).toEqual({ guid: body.results[4].guid, status: 'active', phone: '79170000002', balance: '7.00' });
      const [comment] = await ctx.dataSource.query("SELECT comment FROM bonus_operations WHERE external_event_id = 'q2'");
      expect(comment).toEqual({ comment: 'Birthday' });
    });

    it('activates a new customer by its accrual and refuses a blocked one', async () => {
      await admin({ uniqId: 'q-new' });
      await admin({ uniqId: 'q-blocked', status: 'blocked' });
      const body = await quick([{ amount: 3, uniqId: 'q-new', eventId: 'q10' }, { amount: 3, uniqId: 'q-blocked', eventId: 'q11' }]);
      const rows = await ctx.dataSource.query(
        "SELECT c.uniq_id, c.status, a.balance FROM customers c JOIN bonus_accounts a ON a.customer_id = c.id WHERE c.uniq_id IN ('q-new', 'q-blocked') ORDER BY c.uniq_id",
      );
      expect(rows).toEqual([{ uniq_id: 'q-blocked', status: 'blocked', balance: '0.00' }, { uniq_id: 'q-new', status: 'active', balance: '3.00' }]);
      expect(await ctx.dataSource.query('SELECT item_key, state, error FROM command_items WHERE command_id = ? ORDER BY item_index', [body.commandId])).toEqual([
        { item_key: 'q10', state: 'processed', error: null }, { item_key: 'q11', state: 'rejected', error: 'Customer is blocked' },
      ]);
    });

    it('fails bad items alone', async () => {
      const body = await quick([{ amount: 0, uniqId: 'q-bad', eventId: 'q20' }, { amount: 1, uniqId: 'q-bad', phone: '+79170000003', eventId: 'q21' }, { amount: 1, uniqId: 'q-ok', eventId: 'q22' }]);
      expect(body.results).toEqual([
        { login: 'q-bad', guid: null, status: 'Failure', error: { typeOfError: 'wrongParam', description: 'Invalid amount: a positive number with at most 2 decimals is expected' } },
        { login: 'q-bad', guid: null, status: 'Failure', error: { typeOfError: 'wrongParam', description: 'A customer reference must name exactly one of uniqId, guid, customerId, phone, email' } },
        { login: 'q-ok', guid: expect.any(String), status: 'Success', error: null },
      ]);
      expect(await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customers WHERE uniq_id IN ('q-bad', 'q-ok')")).toEqual([{ n: '1' }]);
    });
  });

  describe('getBalanceCustomersExt', () => {
    it('answers each customer with status, balance and account number, and an item error for unknown ones', async () => {
      const c = await admin({ uniqId: 'bal-1', guid: 'e2000000-0000-4000-8000-000000000001', email: 'bal@example.com', accountNumber: 'ACR0000000901' });
      await ctx.http().post('/admin/accounts/ACR0000000901/adjustments').set('X-Api-Key', ctx.adminKey).send({ points: '12.34' }).expect(201);
      await admin({ uniqId: 'bal-2', email: 'twin@example.com' });
      await admin({ uniqId: 'bal-3', email: 'twin@example.com' });
      const res = await command({
        typeOfCommand: 'getBalanceCustomersExt',
        customers: [{ uniqId: 'bal-1' }, { customerId: c.body.guid.toUpperCase() }, { email: 'bal@example.com' }, { uniqId: 'nobody' }, { email: 'twin@example.com' }, { phone: '12' }],
      });
      expect(res.status).toBe(200);
      const found = { login: 'bal-1', guid: 'e2000000-0000-4000-8000-000000000001', status: 'new', balance: '12.34', accountNumber: 'ACR0000000901', error: null };
      expect(res.body).toEqual({
        customers: [
          found, found, found,
          { login: 'nobody', guid: null, status: null, balance: null, accountNumber: null, error: { typeOfError: 'wrongParam', description: 'Customer not found' } },
          { login: null, guid: null, status: null, balance: null, accountNumber: null, error: { typeOfError: 'wrongParam', description: 'Email belongs to more than one customer' } },
          { login: null, guid: null, status: null, balance: null, accountNumber: null, error: { typeOfError: 'wrongParam', description: 'Invalid phone' } },
        ],
        status: 'Success',
        error: null,
      });
    });

    it('takes at most 100 customers', async () => {
      const res = await command({ typeOfCommand: 'getBalanceCustomersExt', customers: Array.from({ length: 101 }, (_, i) => ({ uniqId: `u${i}` })) });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'customers must contain at most 100 items' } });
    });
  });

  describe('getBonusOperationExt', () => {
    it('pages through the operations with a cursor, oldest first, filtered by type', async () => {
      await admin({ uniqId: 'ops-1', accountNumber: 'ACR0000000902' });
      for (const points of ['1', '2', '3', '4', '-5']) {
        await ctx.http().post('/admin/accounts/ACR0000000902/adjustments').set('X-Api-Key', ctx.adminKey).send({ points }).expect(201);
      }
      await quick([{ amount: 6, uniqId: 'ops-1', eventId: 'ops-e' }]);
      const seen: string[][] = [];
      let cursor: string | null = null;
      do {
        const res = await command({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'ops-1' }], ...window(), limit: 2, cursor });
        expect(res.status).toBe(200);
        seen.push(res.body.operations.map((o: { operationType: string; points: string }) => `${o.operationType} ${o.points}`));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([['adjustment 1.00', 'adjustment 2.00'], ['adjustment 3.00', 'adjustment 4.00'], ['adjustment -5.00', 'accrual 6.00']]);
      const accruals = await command({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'ops-1' }], ...window(), operationType: 'accrual' });
      expect(accruals.body.operations).toEqual([{
        operationId: expect.any(String), login: 'ops-1', guid: null, operationType: 'accrual', points: '6.00', eventId: 'ops-e', ruleId: null,
        createdAt: expect.any(String), expiresAt: null,
      }]);
      const empty = await command({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'ops-1' }], dateFrom: '2020-01-01', dateTill: '2020-01-31' });
      expect(empty.body).toEqual({ operations: [], nextCursor: null, status: 'Success', error: null });
    });

    it('pages past no operation whose transaction commits after later ones were already paged', async () => {
      const lateA = (await admin({ uniqId: 'late-a', accountNumber: 'ACR0000000911' })).body;
      await admin({ uniqId: 'late-b', accountNumber: 'ACR0000000912' });
      const adjustB = (points: string) =>
        ctx.http().post('/admin/accounts/ACR0000000912/adjustments').set('X-Api-Key', ctx.adminKey).send({ points }).expect(201);
      const page = async (cursor: string | null) => {
        const res = await command({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'late-a' }, { uniqId: 'late-b' }], ...window(), limit: 2, cursor });
        expect(res.status).toBe(200);
        return res.body as { operations: Array<{ points: string }>; nextCursor: string | null };
      };
      await adjustB('1');

      // An accrual to late-a (its account locked first, as every ledger write does) takes its operation id,
      // and commits only after two later adjustments of late-b have committed.
      const late = ctx.dataSource.createQueryRunner();
      await late.startTransaction('READ COMMITTED');
      try {
        const ledger = ctx.app.get(BonusAccountsService);
        await ledger.lockAccounts(late.manager, [lateA.accountId]);
        await ledger.applyBatch(late.manager, [{
          accountId: lateA.accountId, type: 'accrual', points: '2.00', eventId: null, ruleId: null, idempotencyKey: 'late-commit', expiresAt: null,
        }]);
        await adjustB('3');
        await adjustB('4');
        let answered = false;
        const firstPage = page(null).finally(() => { answered = true; });
        const waitingOnAccounts = async () => Number((await ctx.dataSource.query(
          `SELECT COUNT(*) AS n FROM information_schema.processlist
            WHERE db = DATABASE() AND id <> CONNECTION_ID() AND command = 'Query' AND info LIKE '%FROM bonus_accounts%' AND time >= 1`,
        ))[0].n) > 0;
        await waitFor(async () => answered || waitingOnAccounts(), 20000, 'the first page');
        await late.commitTransaction();

        const seen: string[] = [];
        for (let body = await firstPage; ; body = await page(body.nextCursor)) {
          seen.push(...body.operations.map((o) => o.points));
          if (!body.nextCursor) break;
        }
        expect(seen).toEqual(['1.00', '2.00', '3.00', '4.00']);
      } finally {
        if (late.isTransactionActive) await late.rollbackTransaction();
        await late.release();
      }
    });

    it.each([
      [{ dateFrom: '2025-01-01', dateTill: '2025-02-02' }, 'The period from dateFrom to dateTill must not exceed 31 days'],
      [{ dateFrom: '2025-01-10', dateTill: '2025-01-01' }, 'dateTill must not be before dateFrom'],
      [{ dateTill: '2025-01-01' }, 'Required parameter dateFrom is missing'],
      [{ dateFrom: 'soon', dateTill: '2025-01-01' }, 'Invalid dateFrom: an ISO 8601 date or date-time is expected'],
      [{ dateFrom: '2025-01-01', dateTill: '2025-01-02', operationType: 'gift' }, 'Invalid operationType: one of accrual, spend, expiry, reversal, adjustment is expected'],
      [{ dateFrom: '2025-01-01', dateTill: '2025-01-02', cursor: 'bogus!' }, 'Invalid cursor'],
      [{ dateFrom: '2025-01-01', dateTill: '2025-01-02', limit: 0 }, 'Invalid limit: an integer from 1 to 1000 is expected'],
    ])('refuses %p with wrongParam', async (fields, description) => {
      const res = await command({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'ops-1' }], ...fields });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongParam', description } });
    });

    it('refuses a malformed customer reference and more than 1000 customers', async () => {
      const bad = await command({ typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'a' }, { email: 'x' }], ...window() });
      expect(bad.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongParam', description: 'customers[1]: Invalid email' } });
      const many = await command({ typeOfCommand: 'getBonusOperationExt', customers: Array.from({ length: 1001 }, (_, i) => ({ uniqId: `${i}` })), ...window() });
      expect(many.body.error.typeOfError).toBe('wrongFormat');
    });
  });

  describe('blockCustomers and activateCustomers', () => {
    it('blocks and activates customers, answering each one', async () => {
      await admin({ uniqId: 'st-1', guid: 'e3000000-0000-4000-8000-000000000001' });
      const blocked = await command({ typeOfCommand: 'blockCustomers', customers: [{ uniqId: 'st-1' }, { uniqId: 'st-missing' }] }).expect(200);
      expect(blocked.body).toEqual({
        customers: [
          { login: 'st-1', guid: 'e3000000-0000-4000-8000-000000000001', status: 'blocked', error: null },
          { login: 'st-missing', guid: null, status: null, error: { typeOfError: 'wrongParam', description: 'Customer not found' } },
        ],
        status: 'Success', error: null,
      });
      const active = await command({ typeOfCommand: 'activateCustomers', customers: [{ guid: 'e3000000-0000-4000-8000-000000000001' }] }).expect(200);
      expect(active.body.customers).toEqual([{ login: 'st-1', guid: 'e3000000-0000-4000-8000-000000000001', status: 'active', error: null }]);
      expect(await ctx.dataSource.query("SELECT status FROM customers WHERE uniq_id = 'st-1'")).toEqual([{ status: 'active' }]);
    });

    it('activateCustomers turns a new customer active', async () => {
      await admin({ uniqId: 'st-new' });
      await command({ typeOfCommand: 'activateCustomers', customers: [{ uniqId: 'st-new' }] }).expect(200);
      expect(await ctx.dataSource.query("SELECT status FROM customers WHERE uniq_id = 'st-new'")).toEqual([{ status: 'active' }]);
    });
  });

  describe('getCustomerLink', () => {
    it("returns each customer's bonus-window link", async () => {
      const c = await admin({ uniqId: 'link-1' });
      const res = await command({ typeOfCommand: 'getCustomerLink', customers: [{ uniqId: 'link-1' }, { phone: '+79990000000' }] }).expect(200);
      expect(res.body).toEqual({
        customers: [
          { login: 'link-1', guid: null, link: c.body.link, error: null },
          { login: null, guid: null, link: null, error: { typeOfError: 'wrongParam', description: 'Customer not found' } },
        ],
        status: 'Success', error: null,
      });
      expect(c.body.link).toMatch(/^\/bonus\/[0-9a-f]{32}$/);
    });
  });
});
