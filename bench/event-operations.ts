/**
 * Times getEventOperation for 1000 eventIds against the real application on a test database:
 * 700 events of loadCustomerEventsExt (processed, one ledger line each) and 300 addBonusExtQuick
 * items, after `BACKGROUND` other processed events fill the tables. Prints the median of `RUNS` calls.
 *
 *   TEST_DB_NAME=bonus_bench_test TEST_QUEUE_PREFIX=bq_bench npx ts-node -P bench/tsconfig.json bench/event-operations.ts
 */
import { randomUUID } from 'crypto';
import { commandEvent, createRule, purchaseRule, sendCommand } from '../test/support/command-events';
import { createClient, createTestApp, TestContext, waitFor } from '../test/support/test-app';

const RUNS = Number(process.env.RUNS ?? 15);
const BACKGROUND = Number(process.env.BACKGROUND ?? 5000);

async function load(ctx: TestContext, key: string, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1000) {
    const events = Array.from({ length: Math.min(1000, count - i) }, (_, n) => commandEvent({ eventId: `${prefix}-${i + n}` }));
    const res = await sendCommand(ctx, key, { typeOfCommand: 'loadCustomerEventsExt', events });
    if (res.status !== 200) throw new Error(`load failed: ${JSON.stringify(res.body)}`);
    await settled(ctx, res.body.commandId);
    ids.push(...events.map((e) => e.eventId as string));
  }
  return ids;
}

const settled = (ctx: TestContext, commandId: string) =>
  waitFor(async () => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [commandId]))[0]?.state === 'done', 300000, commandId);

async function main(): Promise<void> {
  const ctx = await createTestApp();
  try {
    const key = await createClient(ctx);
    await createRule(ctx, purchaseRule('10'));
    await load(ctx, key, BACKGROUND, `bg-${randomUUID()}`);
    const events = await load(ctx, key, 700, 'ev');
    const add = Array.from({ length: 300 }, (_, n) => ({ amount: 5, uniqId: `quick-${n}`, eventId: `qb-${n}` }));
    const quick = await sendCommand(ctx, key, { typeOfCommand: 'addBonusExtQuick', add });
    await settled(ctx, quick.body.commandId);
    const eventIds = [...events, ...add.map((a) => a.eventId)];

    const timings: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const started = process.hrtime.bigint();
      const res = await sendCommand(ctx, key, { typeOfCommand: 'getEventOperation', eventIds });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200 || res.body.events.length !== 1000) throw new Error(`unexpected answer ${res.status}`);
      if (run >= 2) timings.push(ms); // the first two warm the caches
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    console.log(JSON.stringify({ eventIds: eventIds.length, runs: RUNS, medianMs: +median.toFixed(1), minMs: +timings[0].toFixed(1), maxMs: +timings[timings.length - 1].toFixed(1) }));
  } finally {
    await ctx.app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
