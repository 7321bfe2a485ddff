import { randomUUID } from 'crypto';
import { BENCH_DB, BenchContext } from '../lib/context';
import { waitForDrain } from '../lib/drain';
import { sleep } from '../lib/load';
import { rounded, summarize } from '../lib/percentiles';
import { watchStep } from '../lib/step-load';
import { EVENTS_PER_CALL } from './ingest';

const POLL_MS = 20;
export const STEP_TWO_P50_TARGET_MS = 1000;
export const STEP_TWO_P95_TARGET_MS = 2000;

/**
 * One loadCustomerEventsExt command at a time on an otherwise quiet app: from the moment its run
 * is stored (step 1) to the moment its run is marked done (step 2, in the transaction of its last
 * events), both read from the run's own timestamps.
 */
export async function runCommandStepTwo(ctx: BenchContext): Promise<void> {
  const { sizes } = ctx;
  await waitForDrain(ctx, 'earlier steps');
  const client = ctx.clients.commands[0];
  const step = ctx.progress.step('commands: one 1000-event command at a time, accept → step 2 done', sizes.stepTwoCommands, 'commands');
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  const durations: number[] = [];
  for (let i = 0; i < sizes.stepTwoCommands; i++) {
    const items = Array.from({ length: EVENTS_PER_CALL }, () => ctx.generator.commandItem(ctx.generator.operation(`s2-${i}-${randomUUID()}`)));
    const answer = await ctx.api.commandOk(client.apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: items });
    const commandId = answer.commandId as string;
    const deadline = Date.now() + sizes.drainTimeoutSeconds * 1000;
    for (;;) {
      const [rows] = await ctx.pool.query(
        "SELECT TIMESTAMPDIFF(MICROSECOND, created_at, finished_at) / 1000 AS ms FROM command_runs WHERE id = ? AND state = 'done'", [commandId],
      );
      const [done] = rows as Array<{ ms: string }>;
      if (done) {
        durations.push(Number(done.ms));
        break;
      }
      if (Date.now() > deadline) throw new Error(`command ${commandId} not done after ${sizes.drainTimeoutSeconds} s`);
      await sleep(POLL_MS);
    }
    step.update(i + 1);
  }
  const latency = rounded(summarize(durations));
  step.done(`p50 ${latency.p50} ms, p95 ${latency.p95} ms`);
  ctx.details.commandStepTwo = { commands: durations.length, eventsPerCommand: EVENTS_PER_CALL, stepTwoMs: latency, ...(await load()) };
  const label = (p: string) => `loadCustomerEventsExt: one ${EVENTS_PER_CALL}-event command, accept → step 2 done, ${p}`;
  ctx.figures.push(
    { key: 'stepTwoP50', label: label('p50'), value: latency.p50, unit: 'ms', target: { op: '<=', value: STEP_TWO_P50_TARGET_MS } },
    { key: 'stepTwoP95', label: label('p95'), value: latency.p95, unit: 'ms', target: { op: '<=', value: STEP_TWO_P95_TARGET_MS } },
  );
}
