/**
 * Times getEventOperation for 1000 eventIds against the real application on a test database:
 * 700 events of loadCustomerEventsExt (processed, one ledger line each) and 300 addBonusExtQuick
 * items, after `BACKGROUND` other processed events fill the tables. Prints the median of `RUNS` calls.
 *
 *   TEST_DB_NAME=bonus_bench_test TEST_QUEUE_PREFIX=bq_bench npx ts-node -P bench/tsconfig.json bench/event-operations.ts
 *
 * To compare with another build, serve it on the same database (`ROLE=api PORT=… DB_NAME=bonus_bench_test
 * QUEUE_PREFIX=bq_bench ADMIN_API_KEY=test-admin-key npm start` in its checkout) and give its URL as
 * OTHER_URL: the calls then alternate between the two, so both see the same load, and both medians print
 * (THIS_URL likewise serves this build from its own process, for a like-for-like comparison).
 */
import { randomUUID } from 'crypto';
import request from 'supertest';
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

    const targets = [{ name: 'this', http: () => (process.env.THIS_URL ? request(process.env.THIS_URL) : ctx.http()) }];
    if (process.env.OTHER_URL) targets.push({ name: 'other', http: () => request(process.env.OTHER_URL!) });
    const timings = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const answers = new Map<string, string>();
    for (let run = 0; run < RUNS + 2; run++) {
      for (const target of run % 2 ? [...targets].reverse() : targets) {
        const started = process.hrtime.bigint();
        const res = await target.http().post('/api/commands').set('X-Api-Key', key).send({ typeOfCommand: 'getEventOperation', eventIds });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (res.status !== 200 || res.body.events.length !== 1000) throw new Error(`unexpected answer ${res.status} from ${target.name}`);
        if (run >= 2) timings.get(target.name)!.push(ms); // the first two warm the caches
        answers.set(target.name, JSON.stringify(res.body));
      }
    }
    for (const [name, list] of timings) {
      list.sort((a, b) => a - b);
      const ms = (v: number) => +v.toFixed(1);
      console.log(JSON.stringify({ build: name, sameAnswerAsThis: answers.get(name) === answers.get('this'), eventIds: eventIds.length, runs: RUNS, medianMs: ms(list[Math.floor(list.length / 2)]), minMs: ms(list[0]), maxMs: ms(list[list.length - 1]) }));
    }
  } finally {
    await ctx.app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
