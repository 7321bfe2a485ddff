import { randomUUID } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { createServer } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { createEntry, createCustomer, CreatedCustomer } from './crm-fixtures';
import { runCli } from './support/cli';
import { createRule, purchaseRule } from './support/command-events';
import { ledgerFindings } from './support/ledger-check';
import { createClient, createTestApp, listenOnFreePort, TestContext, waitFor } from './support/test-app';

const CUSTOMERS = Array.from({ length: 50 }, () => randomUUID().toUpperCase());

/** Seven events that step 1 refuses, each for a different reason, by their 1-based line. */
const BAD_LINES: Record<number, (event: Record<string, unknown>) => string> = {
  13: (e) => JSON.stringify({ ...e, customerId: 'not-a-guid' }),
  777: () => '{"eventId": "broken',
  1500: (e) => JSON.stringify({ ...e, eventId: undefined }),
  2222: (e) => JSON.stringify({ ...e, operationAmount: -5 }),
  3001: (e) => JSON.stringify({ ...e, eventDate: 'yesterday' }),
  4000: (e) => JSON.stringify({ ...e, eventType: 'purchase' }),
  4999: (e) => JSON.stringify({ ...e, operationCurrencyRate: 0 }),
};

/** A day's file of loadCustomerEventsExt events, 100.00 each (10 points under the 10% rule). */
function writeEvents(path: string, prefix: string, count: number): void {
  const lines: string[] = [];
  for (let line = 1; line <= count; line++) {
    const event = {
      customerId: CUSTOMERS[line % CUSTOMERS.length], eventId: `${prefix}-${line}`, eventDate: '2025-03-01T12:00:00+03',
      eventType: 'operation', operationType: 'purchase', operationAmount: '100.00', operationCurrencyRate: 1, merchantId: 123456, terminalId: 654321,
    };
    lines.push(BAD_LINES[line] ? BAD_LINES[line](event) : JSON.stringify(event));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const readReport = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('bonus-engine load', () => {
  let ctx: TestContext;
  let url: string;
  let apiKey: string;
  const dir = mkdtempSync(join(tmpdir(), 'bonus-engine-cli-'));

  beforeAll(async () => {
    ctx = await createTestApp();
    url = await listenOnFreePort(ctx);
    apiKey = await createClient(ctx);
    await createRule(ctx, purchaseRule('10'));
  });
  afterAll(() => ctx.app.close());

  /** Per event of the file: how many events the register holds and how many accrual lines they earned. */
  async function ledgerOf(prefix: string) {
    const rows: Array<{ eventId: string; events: string; accruals: string; points: string | null }> = await ctx.dataSource.query(
      `SELECT e.external_key AS eventId, COUNT(DISTINCT e.id) AS events, COUNT(o.id) AS accruals, SUM(o.points) AS points
         FROM customer_events e LEFT JOIN bonus_operations o ON o.event_id = e.id AND o.type = 'accrual'
        WHERE e.external_key LIKE ? GROUP BY e.external_key`,
      [`cmd:${prefix}-%`],
    );
    return rows;
  }

  const loadArgs = (file: string) => ['load', '--url', url, '--api-key', apiKey, '--format', 'ndjson', '--json', '--progress-interval', '1', file];

  it('loads 5,000 events through the Command API, reports the 7 invalid ones by line and exits 1', async () => {
    const file = join(dir, 'day-1.ndjson');
    writeEvents(file, 'd1', 5000);
    const { code, stdout, stderr } = await runCli(loadArgs(file)).result;
    expect({ code, stderr: stderr.includes('Error') ? stderr : '' }).toEqual({ code: 1, stderr: '' });
    expect(JSON.parse(stdout.trim())).toEqual({ sent: 4993, processed: 4993, rejected: 7, failed: 0, points: '49930.00', errorReports: [`${file}.errors.ndjson`] });
    const report = readReport(`${file}.errors.ndjson`);
    expect(report.map((e) => e.line).sort((a, b) => a - b)).toEqual(Object.keys(BAD_LINES).map(Number));
    expect(report.find((e) => e.line === 13)).toMatchObject({ eventId: 'd1-13', stage: 'accept', state: 'rejected', error: 'Invalid customerId: a UUID is expected' });
    expect(report.find((e) => e.line === 777)).toMatchObject({ eventId: null, stage: 'read', state: 'rejected', event: null });
    expect(report.find((e) => e.line === 1500)).toMatchObject({ eventId: null, stage: 'accept', error: 'Required parameter eventId is missing' });
    const ledger = await ledgerOf('d1');
    expect(ledger).toHaveLength(4993);
    expect(ledger.filter((r) => r.events !== '1' || r.accruals !== '1' || r.points !== '10.00')).toEqual([]);
    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    expect(JSON.parse(readFileSync(`${file}.checkpoint.json`, 'utf8'))).toMatchObject({ done: 5000, inFlight: null, finished: true });
  }, 240000);

  it('finishes a load killed after its second command was accepted, with nothing accrued twice or missing', async () => {
    const file = join(dir, 'day-2.ndjson.gz');
    writeEvents(join(dir, 'day-2.ndjson'), 'd2', 5000);
    writeFileSync(file, gzipSync(readFileSync(join(dir, 'day-2.ndjson'))));
    const first = runCli(loadArgs(file));
    await waitFor(async () => {
      try {
        const checkpoint = JSON.parse(readFileSync(`${file}.checkpoint.json`, 'utf8'));
        return checkpoint.done >= 1000 && checkpoint.inFlight?.commandId;
      } catch {
        return false;
      }
    }, 120000, 'the second command to be accepted');
    first.child.kill('SIGKILL');
    expect((await first.result).code).toBeNull();

    const { code, stdout, stderr } = await runCli(loadArgs(file)).result;
    expect(stderr).toContain('Resuming');
    expect(code).toBe(1);
    expect(JSON.parse(stdout.trim())).toMatchObject({ sent: 4993, processed: 4993, rejected: 7, failed: 0, points: '49930.00' });
    expect(readReport(`${file}.errors.ndjson`).map((e) => e.line).sort((a, b) => a - b)).toEqual(Object.keys(BAD_LINES).map(Number));
    const ledger = await ledgerOf('d2');
    expect(ledger).toHaveLength(4993);
    expect(ledger.filter((r) => r.events !== '1' || r.accruals !== '1' || r.points !== '10.00')).toEqual([]);
    const duplicates = await ctx.dataSource.query("SELECT COUNT(*) AS n FROM command_items WHERE item_key LIKE 'd2-%'");
    expect(duplicates).toEqual([{ n: '0' }]);
    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
  }, 240000);

  it('does nothing on a second run of a finished load and prints the same summary', async () => {
    const file = join(dir, 'day-1.ndjson');
    const { code, stdout, stderr } = await runCli(loadArgs(file)).result;
    expect(code).toBe(1);
    expect(stderr).toContain('was loaded before');
    expect(JSON.parse(stdout.trim())).toMatchObject({ sent: 4993, processed: 4993, rejected: 7 });
    expect(await ledgerOf('d1')).toHaveLength(4993);
  }, 60000);

  it('stops with exit code 2 and a clear message when the API key is refused', async () => {
    const file = join(dir, 'refused.ndjson');
    writeEvents(file, 'refused', 3);
    const { code, stderr } = await runCli(['load', '--url', url, '--api-key', 'wrong-key', '--format', 'ndjson', file]).result;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^bonus-engine: The engine refused loadCustomerEventsExt: HTTP 401 unauthorized.*\(check --api-key\)$/m);
  }, 60000);

  it('stops with exit code 2 when the engine cannot be reached', async () => {
    const file = join(dir, 'unreachable.ndjson');
    writeEvents(file, 'unreachable', 3);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const engine = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stderr } = await runCli(['load', '--url', engine, '--api-key', apiKey, '--format', 'ndjson', '--retries', '1', file]).result;
    expect(code).toBe(2);
    expect(stderr).toContain(`bonus-engine: Cannot reach the engine at ${engine} (ECONNREFUSED); gave up after 2 attempts\n`);
  }, 60000);

  describe('through the CRM API', () => {
    let accounts: CreatedCustomer[];

    beforeAll(async () => {
      await createEntry(ctx, 'unit', { code: 'ADMIN', name: 'Admin Unit' });
      await createEntry(ctx, 'product', { code: 'Serendipity' });
      await createRule(ctx, { ...purchaseRule('10'), name: 'CRM purchases', when: { eventTypes: ['purchase'] } });
      accounts = [];
      for (let i = 0; i < 20; i++) accounts.push(await createCustomer(ctx, {}));
    });

    it('loads a 3,000-row CSV through the purchases endpoint with 3 calls in flight', async () => {
      const file = join(dir, 'purchases.csv');
      const header = 'accounts_receivable_identifier.number,performed_by_unit_identifier.code,performed_on,reference_number,' +
        'products_set.0.product_identifier.code,products_set.0.net_amount,products_set.0.vat_amount,products_set.0.total_amount';
      const rows = Array.from({ length: 3000 }, (_, i) => `${accounts[i % accounts.length].accountNumber},ADMIN,2025-03-01T10:00:00,RF${i},Serendipity,40,10,50`);
      writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
      const { code, stdout } = await runCli(['load', '--url', url, '--api-key', apiKey, '--format', 'csv', '--via', 'crm', '--type', 'purchases', '--concurrency', '3', '--json', file]).result;
      expect(code).toBe(0);
      expect(JSON.parse(stdout.trim())).toEqual({ sent: 3000, processed: 3000, rejected: 0, failed: 0, points: null, errorReports: [] });
      const stored = await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customer_events WHERE source = 'crm' AND type = 'purchase'");
      expect(stored).toEqual([{ n: '3000' }]);
      const accountIds = accounts.map((a) => a.accountId);
      await waitFor(async () => {
        const [{ points }] = await ctx.dataSource.query("SELECT SUM(points) AS points FROM bonus_operations WHERE type = 'accrual' AND account_id IN (?)", [accountIds]);
        return points === '15000.00';
      }, 120000, 'the purchases\' points');
      expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    }, 240000);
  });
});
