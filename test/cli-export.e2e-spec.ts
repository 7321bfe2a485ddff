import { randomUUID } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from './support/cli';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { createClient, createTestApp, listenOnFreePort, TestContext } from './support/test-app';

describe('bonus-engine export', () => {
  let ctx: TestContext;
  let url: string;
  let apiKey: string;
  const dir = mkdtempSync(join(tmpdir(), 'bonus-engine-export-'));
  const customers = Array.from({ length: 20 }, () => randomUUID());
  const exported = customers.slice(0, 15);
  let expected: string[];

  beforeAll(async () => {
    ctx = await createTestApp();
    url = await listenOnFreePort(ctx);
    apiKey = await createClient(ctx);
    await createRule(ctx, purchaseRule('10'));
    for (let command = 0; command < 3; command++) {
      const events = Array.from({ length: 1000 }, (_, i) => commandEvent({ customerId: customers[i % customers.length] }));
      const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200);
      await waitForCommand(ctx, apiKey, res.body.commandId, 60000);
    }
    // Spread the ledger over 43 days around the exported 40, with lines on both sides of the 31-day split.
    await ctx.dataSource.query("UPDATE bonus_operations SET created_at = DATE_ADD('2025-02-28 12:00:00.000', INTERVAL (id MOD 43) DAY)");
    await ctx.dataSource.query("UPDATE bonus_operations SET created_at = '2025-03-31 23:59:59.999' WHERE id MOD 97 = 0");
    await ctx.dataSource.query("UPDATE bonus_operations SET created_at = '2025-04-01 00:00:00.000' WHERE id MOD 89 = 0");
    await ctx.dataSource.query("UPDATE bonus_operations SET created_at = '2025-03-01 00:00:00.000' WHERE id MOD 83 = 0");
    await ctx.dataSource.query("UPDATE bonus_operations SET created_at = '2025-04-10 00:00:00.000' WHERE id MOD 79 = 0");
    const rows: Array<{ id: string }> = await ctx.dataSource.query(
      `SELECT o.id FROM bonus_operations o JOIN bonus_accounts a ON a.id = o.account_id JOIN customers c ON c.id = a.customer_id
        WHERE c.guid IN (?) AND o.created_at BETWEEN '2025-03-01 00:00:00.000' AND '2025-04-09 23:59:59.999' ORDER BY o.id`,
      [exported],
    );
    expected = rows.map((r) => String(r.id));
    writeFileSync(join(dir, 'customers.txt'), `${[...exported.map((g) => g.toUpperCase()), randomUUID()].join('\n')}\n`);
  }, 240000);
  afterAll(() => ctx.app.close());

  const exportArgs = (format: string, output: string) => [
    'export', '--url', url, '--api-key', apiKey, '--from', '2025-03-01', '--to', '2025-04-09', '--customers', join(dir, 'customers.txt'), '--format', format, '--output', output,
  ];

  it('writes every operation of the customers in a 40-day range exactly once as NDJSON', async () => {
    expect(expected.length).toBeGreaterThan(2000);
    const output = join(dir, 'operations.ndjson');
    const { code, stderr } = await runCli(exportArgs('ndjson', output)).result;
    expect(code).toBe(0);
    expect(stderr).toContain(`${expected.length} operations exported`);
    const operations = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const ids = operations.map((o) => o.operationId);
    expect(ids.length).toBe(new Set(ids).size);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(expected);
    expect(operations[0]).toEqual({
      operationId: expect.any(String), login: null, guid: expect.any(String), operationType: 'accrual', points: '10.00',
      eventId: expect.any(String), ruleId: expect.any(String), createdAt: expect.any(String), expiresAt: expect.any(String),
    });
  }, 120000);

  it('writes the same operations as CSV with a header', async () => {
    const output = join(dir, 'operations.csv');
    const { code } = await runCli(exportArgs('csv', output)).result;
    expect(code).toBe(0);
    const [header, ...lines] = readFileSync(output, 'utf8').trim().split('\n');
    expect(header).toBe('operationId,login,guid,operationType,points,eventId,ruleId,createdAt,expiresAt');
    expect(lines.map((l) => l.split(',')[0]).sort((a, b) => Number(a) - Number(b))).toEqual(expected);
  }, 120000);
});
