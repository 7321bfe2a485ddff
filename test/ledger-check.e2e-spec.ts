import { runCheckLedger } from './support/ledger-check';
import { createTestApp, TestContext } from './support/test-app';

describe('npm run check:ledger', () => {
  let ctx: TestContext;
  let accountId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const accountNumber = 'ACR0000000901';
    await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: 'ledger-check-1', accountNumber }).expect(201);
    await ctx.http().post(`/admin/accounts/${accountNumber}/adjustments`).set('X-Api-Key', ctx.adminKey).send({ points: '25.50' }).expect(201);
    [{ id: accountId }] = await ctx.dataSource.query('SELECT id FROM bonus_accounts WHERE number = ?', [accountNumber]);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('reports a sound ledger and exits 0', () => {
    const result = runCheckLedger(ctx.config.db.name);
    expect(result.stdout).toContain(`Ledger of ${ctx.config.db.name}: no findings`);
    expect(result.status).toBe(0);
  });

  it('names an account whose balance differs from its ledger lines and live lots, and exits 1', async () => {
    await ctx.dataSource.query('UPDATE bonus_accounts SET balance = balance + 0.01 WHERE id = ?', [accountId]);
    try {
      const result = runCheckLedger(ctx.config.db.name);
      expect(result.stdout).toContain(`balance-differs-from-ledger: account ${accountId}: balance 25.51, sum of ledger lines 25.50`);
      expect(result.stdout).toContain(`balance-differs-from-lots: account ${accountId}: balance 25.51, sum of live lots 25.50`);
      expect(result.status).toBe(1);
    } finally {
      await ctx.dataSource.query('UPDATE bonus_accounts SET balance = balance - 0.01 WHERE id = ?', [accountId]);
    }
  });

  it('finds an operation whose event is missing and a run left unfinished with nothing pending, as JSON', async () => {
    await ctx.dataSource.query(
      "INSERT INTO bonus_operations (account_id, type, points, remaining, event_id) VALUES (?, 'accrual', 0, 0, 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')",
      [accountId],
    );
    await ctx.dataSource.query("INSERT INTO command_runs (id, client_id, type, state) VALUES ('00000000-0000-4000-8000-000000000001', 1, 'loadCustomerEventsExt', 'accepted')");
    const result = runCheckLedger(ctx.config.db.name, ['--json']);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([
      expect.objectContaining({ check: 'operation-without-event', detail: 'event FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF does not exist' }),
      {
        check: 'run-unfinished-with-nothing-pending',
        subject: 'command 00000000-0000-4000-8000-000000000001',
        detail: 'loadCustomerEventsExt is accepted but none of its events or items is pending',
      },
    ]);
    expect(result.status).toBe(1);
  });

  it('exits 2 with one line when the database cannot be reached', () => {
    const result = runCheckLedger(ctx.config.db.name, [], { DB_PORT: '1' });
    expect(result.stderr.trim()).toBe('Cannot reach MariaDB/MySQL at 127.0.0.1:1 (ECONNREFUSED)');
    expect(result.status).toBe(2);
  });
});
