import { randomUUID } from 'crypto';
import Redis from 'ioredis';
import { AppProcess, startAppProcess } from './support/app-process';
import { budgetUsedOf } from './support/budget-use';
import { commandEvent, createRule, purchaseRule, sendCommand } from './support/command-events';
import { ledgerFindings } from './support/ledger-check';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

const CUSTOMERS = Array.from({ length: 5 }, () => randomUUID().toUpperCase());
const DAYS = ['2025-03-01', '2025-03-02', '2025-03-03'];
const COMMANDS = 4;
const EVENTS_PER_COMMAND = 1000;
const DAILY_LIMIT = 40;
const BUDGET = '1001.00';

/**
 * Two worker processes drain one backlog of a few hot customers while the API process accepts it;
 * one worker is killed mid-way. Partitions keep each customer's events to one job at a time, and
 * the killed worker's partition is taken over once its lease and job lock lapse.
 */
describe('Partitioned processing with two workers, one killed', () => {
  let ctx: TestContext;
  let redis: Redis;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    ctx = await createTestApp({ ROLE: 'api' });
    redis = new Redis({ host: ctx.config.redis.host, port: ctx.config.redis.port, db: ctx.config.redis.db });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    redis.disconnect();
    await ctx.app.close();
  });

  it('processes every event once, and the limits, the budget and every balance hold exactly', async () => {
    const base = await createRule(ctx, purchaseRule('10'));
    const limited = await createRule(ctx, {
      ...purchaseRule('10'), name: 'Daily limited', award: { type: 'fixed', points: 1 }, limits: { maxPointsPerCustomerPerDay: DAILY_LIMIT },
    });
    const budgeted = await createRule(ctx, { ...purchaseRule('10'), name: 'Budgeted', award: { type: 'fixed', points: 2 }, limits: { budget: BUDGET } });
    const processed = async () => Number((await ctx.dataSource.query("SELECT COUNT(*) AS n FROM customer_events WHERE state <> 'pending'"))[0].n);
    const leaseHolders = async () => {
      const keys = await redis.keys(`${ctx.config.queuePrefix}:lease:*`);
      return keys.length ? ((await redis.mget(...keys)).filter((v) => v) as string[]) : [];
    };
    const chunksApplied = (worker: AppProcess) => worker.logLines().filter((line) => line.msg === 'Events processed').length;
    for (let w = 0; w < 2; w++) workers.push(await startAppProcess({ ROLE: 'worker', WORKER_PORT: '0', LOG_LEVEL: 'debug' }));

    // Commands arrive while both workers drain; one worker is killed after the first two, the rest arrive after.
    const sent: Array<Record<string, unknown>> = [];
    const commandIds: string[] = [];
    for (let c = 0; c < COMMANDS; c++) {
      const key = await createClient(ctx, 'integrator', `Bank ${c}`);
      const events = Array.from({ length: EVENTS_PER_COMMAND }, (_, i) => commandEvent({
        customerId: CUSTOMERS[i % CUSTOMERS.length], eventDate: `${DAYS[(i + c) % DAYS.length]}T12:00:00+03`, operationAmount: 50 + (i % 13),
      }));
      const res = await sendCommand(ctx, key, { typeOfCommand: 'loadCustomerEventsExt', events }).expect(200);
      commandIds.push(res.body.commandId);
      sent.push(...events);
      if (c === 1) {
        // Killed while it holds a partition's lease: in the middle of applying a chunk.
        await waitFor(async () => chunksApplied(workers[0]) > 0 && (await leaseHolders()).some((holder) => holder.includes(`:${workers[0].pid}:`)), 60000, 'the first worker to hold a lease');
        await workers[0].kill();
      }
    }
    const total = sent.length;
    expect(await processed()).toBeLessThan(total);

    await waitFor(async () => (await processed()) === total, 120000, 'every event to be processed by the remaining worker');
    const [{ states }] = await ctx.dataSource.query('SELECT GROUP_CONCAT(DISTINCT state) AS states FROM customer_events');
    expect(states).toBe('processed');

    // Once: one base-rule accrual per event, worth what the rule gives that event alone.
    const [once] = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS events, SUM(points) AS total FROM bonus_operations WHERE type = 'accrual' AND rule_id = ?", [base],
    );
    expect([Number(once.n), Number(once.events)]).toEqual([total, total]);
    expect(Number(once.total)).toBe(sent.reduce((sum, e) => sum + Math.floor(Number(e.operationAmount) * 0.1), 0));

    // The daily limit: exactly DAILY_LIMIT points per customer and day, whichever job applied them.
    const perDay: Array<{ n: string; points: string }> = await ctx.dataSource.query(
      `SELECT COUNT(*) AS n, SUM(o.points) AS points FROM bonus_operations o JOIN customer_events e ON e.id = o.event_id
        WHERE o.rule_id = ? GROUP BY o.account_id, DATE(e.performed_on)`, [limited],
    );
    expect(perDay).toHaveLength(CUSTOMERS.length * DAYS.length);
    for (const row of perDay) expect(row.points).toBe(`${DAILY_LIMIT}.00`);

    const [budget] = await ctx.dataSource.query("SELECT SUM(points) AS total FROM bonus_operations WHERE rule_id = ? AND type = 'accrual'", [budgeted]);
    expect(budget.total).toBe(BUDGET);
    expect(await budgetUsedOf(ctx.dataSource, budgeted)).toBe(BUDGET);

    expect(await ledgerFindings(ctx.dataSource)).toEqual([]);
    const runs: Array<{ state: string }> = await ctx.dataSource.query('SELECT state FROM command_runs WHERE id IN (?)', [commandIds]);
    expect(runs.map((r) => r.state)).toEqual(commandIds.map(() => 'done'));
  }, 240000);
});
