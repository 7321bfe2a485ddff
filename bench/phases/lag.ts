import { bulkCounts } from '../lib/api';
import { watchStep } from '../lib/step-load';
import { BENCH_DB, BenchContext } from '../lib/context';
import { waitForDrain } from '../lib/drain';
import { openLoop } from '../lib/load';
import { CallErrors, errorNote } from './ingest';
import { rounded, summarize } from '../lib/percentiles';

/**
 * Accepted → balance updated, in a steady-rate phase of its own (after the backlog, so the
 * ledger is large but the queue is not): CRM bulk calls on a fixed schedule from a dedicated
 * client, then processed_at − created_at of each of its events. Both stamps are the database's
 * own: created_at when the API inserted the event, processed_at in the transaction that wrote
 * its ledger lines and balance.
 */
export async function runLag(ctx: BenchContext): Promise<void> {
  const { sizes, generator } = ctx;
  await waitForDrain(ctx, 'earlier steps');
  const perCall = sizes.lagEventsPerCall;
  const intervalMs = (perCall / sizes.lagEventsPerSecond) * 1000;
  let request = 0;
  const bodies = Array.from({ length: 16 }, () => JSON.stringify({
    purchase_customer_events_set: Array.from({ length: perCall }, () => generator.crmItem(generator.purchase(), `lag-${++request}`)),
  }));
  const calls = Math.floor((sizes.lagSeconds * 1000) / intervalMs);
  const errors: CallErrors = {};
  const step = ctx.progress.step(`lag: ${sizes.lagEventsPerSecond} events/s steady`, calls, 'calls');
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  const result = await openLoop(intervalMs, sizes.lagSeconds * 1000, async (i, scheduledAt) => {
    const res = await ctx.api.bulkPurchases(ctx.clients.lag.token, bodies[i % bodies.length], scheduledAt);
    if (res.status >= 500) {
      errors[res.status] = (errors[res.status] ?? 0) + 1;
      return res.ms;
    }
    const counts = bulkCounts(res);
    if (counts.unprocessed > 0) throw new Error(`lag call left ${counts.unprocessed} events unprocessed: ${counts.firstError}`);
    return res.ms;
  }, (done) => step.update(done));
  const stepLoad = await load();
  await waitForDrain(ctx, 'the lag run');
  const [rows] = await ctx.pool.query(
    'SELECT TIMESTAMPDIFF(MICROSECOND, created_at, processed_at) / 1000 AS ms FROM customer_events WHERE client_id = ? AND processed_at IS NOT NULL',
    [ctx.clients.lag.id],
  );
  const lag = rounded(summarize((rows as Array<{ ms: string }>).map((r) => Number(r.ms))));
  step.done(`p50 ${lag.p50} ms, p95 ${lag.p95} ms over ${lag.count.toLocaleString('en-US')} events${errorNote(errors)}`);
  ctx.details.lag = {
    eventsPerSecond: sizes.lagEventsPerSecond, eventsPerCall: perCall, calls: result.calls, failedCalls: errors, lagMs: lag,
    callLatencyMs: rounded(summarize(result.latenciesMs)), ...stepLoad,
    method: 'separate steady-rate phase after the backlog drained; processed_at − created_at of the events it sent',
  };
  ctx.figures.push(
    { key: 'lagP50', label: `Lag accepted → balance p50 (${sizes.lagEventsPerSecond} events/s)`, value: lag.p50, unit: 'ms' },
    { key: 'lagP95', label: `Lag accepted → balance p95 (${sizes.lagEventsPerSecond} events/s)`, value: lag.p95, unit: 'ms', target: { op: '<=', value: 1000 } },
  );
}
