import { randomUUID } from 'crypto';
import { performance } from 'perf_hooks';
import { bulkCounts } from '../lib/api';
import { watchStep } from '../lib/step-load';
import { BENCH_DB, BenchContext } from '../lib/context';
import { waitForDrain } from '../lib/drain';
import { closedLoop, openLoop, sleep } from '../lib/load';
import { rounded, summarize } from '../lib/percentiles';
import { Figure } from '../lib/report';

export const EVENTS_PER_CALL = 1000;
const DISTINCT_BODIES = 8;
const POLL_MS = 250;
/** Seed 000 §2.2: the next command goes 1 s after the previous one is done. */
const PROTOCOL_PAUSE_MS = 1000;
export const INGEST_TARGET = 5000;
/** Paced loadCustomerEventsExt ingest (SPEC §8): each client waits for step 2 of its command. */
export const COMMAND_INGEST_TARGET = 3000;
export const BASELINE_RATIO_TARGET = 0.25;

/** Request bodies built before the clock starts, so the harness spends its time sending. */
function purchaseBodies(ctx: BenchContext, count: number, size: number): string[] {
  let request = 0;
  return Array.from({ length: count }, () => {
    const items = Array.from({ length: size }, () => ctx.generator.crmItem(ctx.generator.purchase(), String(++request)));
    return JSON.stringify({ purchase_customer_events_set: items });
  });
}

function ingestFigure(key: string, label: string, rate: number, baseline: number | null, target = INGEST_TARGET): Figure {
  return {
    key, label, value: Math.round(rate), unit: 'events/s', target: { op: '>=', value: target },
    ratio: { value: baseline ? Math.round((rate / baseline) * 100) / 100 : null, min: BASELINE_RATIO_TARGET },
  };
}

/** Failed calls by HTTP status: a server error under load is a result to report, not a reason to stop. */
export type CallErrors = Record<string, number>;

export function errorNote(errors: CallErrors): string {
  const total = Object.values(errors).reduce((a, b) => a + b, 0);
  return total ? ` — ${total} failed (${Object.entries(errors).map(([status, n]) => `${n}× HTTP ${status}`).join(', ')})` : '';
}

async function bulkCall(ctx: BenchContext, body: string, token: string, errors: CallErrors, startedAt?: number): Promise<{ units: number; ms: number }> {
  const res = await ctx.api.bulkPurchases(token, body, startedAt);
  if (res.status >= 500) {
    errors[res.status] = (errors[res.status] ?? 0) + 1;
    return { units: 0, ms: res.ms };
  }
  const counts = bulkCounts(res);
  if (counts.unprocessed > 0) throw new Error(`bulk call left ${counts.unprocessed} events unprocessed: ${counts.firstError}`);
  return { units: counts.processed, ms: res.ms };
}

/** CRM bulk purchases at saturation: a few callers, each sending its next 1000 events as soon as the last call answers. */
export async function runCrmIngest(ctx: BenchContext, baseline: number | null): Promise<number> {
  const { sizes } = ctx;
  const bodies = purchaseBodies(ctx, DISTINCT_BODIES, EVENTS_PER_CALL);
  let call = 0;
  const errors: CallErrors = {};
  const step = ctx.progress.step(`ingest: CRM bulk, ${sizes.writers} callers`, sizes.ingestSeconds, 's');
  const started = performance.now();
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  const result = await closedLoop(
    sizes.writers, sizes.ingestSeconds * 1000,
    () => bulkCall(ctx, bodies[call++ % bodies.length], ctx.clients.crm.token, errors),
    () => step.update((performance.now() - started) / 1000),
  );
  const rate = result.units / (result.elapsedMs / 1000);
  step.done(`${Math.round(rate).toLocaleString('en-US')} events/s${errorNote(errors)}`);
  const stepLoad = await load();
  const drain = await waitForDrain(ctx, 'the CRM ingest');
  ctx.details.ingestCrm = {
    events: result.units, calls: result.calls, failedCalls: errors, callers: sizes.writers, seconds: Math.round(result.elapsedMs) / 1000,
    callLatencyMs: rounded(summarize(result.latenciesMs)), ...stepLoad, drainAfter: drain,
  };
  ctx.figures.push(ingestFigure('ingestCrm', `Ingest: CRM bulk purchases, ${sizes.writers} callers${errorNote(errors)}`, rate, baseline));
  return rate;
}

/**
 * loadCustomerEventsExt as its protocol allows: one command in flight per client, the next one
 * only after getEventOperation shows none of the previous command's events pending, plus the
 * protocol's 1 s; several clients in parallel since the rule is per client.
 */
export async function runCommandIngest(ctx: BenchContext, baseline: number | null): Promise<number> {
  const { sizes } = ctx;
  const clients = ctx.clients.commands;
  const step = ctx.progress.step(`ingest: loadCustomerEventsExt, ${clients.length} clients`, sizes.commandSeconds, 's');
  const started = performance.now();
  const deadline = started + sizes.commandSeconds * 1000;
  const accepted: number[] = [];
  const processing: number[] = [];
  let events = 0;
  let lastDone = started;
  let refused = 0;
  const errors: CallErrors = {};
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  await Promise.all(clients.map(async (client, c) => {
    let sequence = 0;
    while (performance.now() < deadline) {
      const items = Array.from({ length: EVENTS_PER_CALL }, () => ctx.generator.commandItem(ctx.generator.operation(`c${c}-${++sequence}-${randomUUID()}`)));
      const body = JSON.stringify({ typeOfCommand: 'loadCustomerEventsExt', events: items });
      let res = await ctx.api.command(client.apiKey, body);
      // A server error stores nothing: the same command goes again after the protocol's pause.
      while (res.status >= 500 && performance.now() < deadline) {
        errors[res.status] = (errors[res.status] ?? 0) + 1;
        await sleep(PROTOCOL_PAUSE_MS);
        res = await ctx.api.command(client.apiKey, body);
      }
      if (res.status >= 500) {
        errors[res.status] = (errors[res.status] ?? 0) + 1;
        break;
      }
      const answer = JSON.parse(res.body) as { status: string; error: { typeOfError: string } | null; commandId?: string };
      if (answer.error?.typeOfError === 'notAllowed') {
        refused += 1;
        await sleep(PROTOCOL_PAUSE_MS);
        continue;
      }
      if (res.status !== 200 || answer.status !== 'Success' || !answer.commandId) throw new Error(`loadCustomerEventsExt failed: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      accepted.push(res.ms);
      const answeredAt = performance.now();
      for (;;) {
        await sleep(POLL_MS);
        const poll = await ctx.api.commandOk(client.apiKey, { typeOfCommand: 'getEventOperation', commandId: answer.commandId });
        const states = (poll.events as Array<{ state: string }>) ?? [];
        if (states.length === EVENTS_PER_CALL && states.every((e) => e.state !== 'pending')) break;
      }
      const doneAt = performance.now();
      processing.push(doneAt - answeredAt);
      events += EVENTS_PER_CALL;
      lastDone = Math.max(lastDone, doneAt);
      step.update(Math.min(sizes.commandSeconds, (doneAt - started) / 1000));
      if (performance.now() < deadline) await sleep(PROTOCOL_PAUSE_MS);
    }
  }));
  const seconds = (lastDone - started) / 1000;
  const rate = events / seconds;
  step.done(`${Math.round(rate).toLocaleString('en-US')} events/s${errorNote(errors)}`);
  ctx.details.ingestCommands = {
    events, clients: clients.length, commands: accepted.length, seconds: Math.round(seconds * 100) / 100, refusedNotAllowed: refused, failedCalls: errors,
    acceptLatencyMs: rounded(summarize(accepted)), answerToProcessedMs: rounded(summarize(processing)), ...(await load()),
    pacing: `next command after getEventOperation shows none pending (polled every ${POLL_MS} ms) + ${PROTOCOL_PAUSE_MS} ms`,
  };
  ctx.figures.push(ingestFigure('ingestCommands', `Ingest: loadCustomerEventsExt, ${clients.length} clients paced${errorNote(errors)}`, rate, baseline, COMMAND_INGEST_TARGET));
  return rate;
}

/** 1000-event bulk calls fired on a fixed schedule at half the saturating rate (or --latency-rate); latency from each scheduled moment. */
export async function runCallLatency(ctx: BenchContext, saturatingRate: number): Promise<void> {
  const { sizes } = ctx;
  const offered = ctx.options.latencyRate ?? saturatingRate / 2;
  const intervalMs = (EVENTS_PER_CALL / offered) * 1000;
  const bodies = purchaseBodies(ctx, DISTINCT_BODIES, EVENTS_PER_CALL);
  const calls = Math.floor((sizes.latencySeconds * 1000) / intervalMs);
  const errors: CallErrors = {};
  const step = ctx.progress.step(`latency: 1000-event calls, open loop`, calls, 'calls');
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  const result = await openLoop(
    intervalMs, sizes.latencySeconds * 1000,
    async (i, scheduledAt) => (await bulkCall(ctx, bodies[i % bodies.length], ctx.clients.crm.token, errors, scheduledAt)).ms,
    (done) => step.update(done),
  );
  const latency = rounded(summarize(result.latenciesMs));
  step.done(`p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms at ${Math.round(offered).toLocaleString('en-US')} events/s${errorNote(errors)}`);
  const stepLoad = await load();
  const drain = await waitForDrain(ctx, 'the latency run');
  ctx.details.callLatency = {
    offeredEventsPerSecond: Math.round(offered), intervalMs: Math.round(intervalMs * 10) / 10, calls: result.calls, failedCalls: errors,
    latencyMs: latency, maxDispatchLagMs: Math.round(result.maxDispatchLagMs * 10) / 10, ...stepLoad, drainAfter: drain,
  };
  const at = `${Math.round(offered).toLocaleString('en-US')} events/s${errorNote(errors)}`;
  ctx.figures.push(
    { key: 'callP50', label: `1000-event call p50 (open loop, ${at})`, value: latency.p50, unit: 'ms' },
    { key: 'callP95', label: `1000-event call p95 (open loop, ${at})`, value: latency.p95, unit: 'ms', target: { op: '<=', value: 150 } },
    { key: 'callP99', label: `1000-event call p99 (open loop, ${at})`, value: latency.p99, unit: 'ms', target: { op: '<=', value: 300 } },
  );
}
