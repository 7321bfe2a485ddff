import { watchStep } from '../lib/step-load';
import { BENCH_DB, BenchContext } from '../lib/context';
import { scalar } from '../lib/database';
import { HttpResult } from '../lib/http-client';
import { rounded, summarize } from '../lib/percentiles';

const WARM_UP = 20;

async function measure(ctx: BenchContext, label: string, count: number, call: () => Promise<HttpResult>) {
  const step = ctx.progress.step(label, count, 'requests');
  for (let i = 0; i < WARM_UP; i++) await call();
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const res = await call();
    latencies.push(res.ms);
    bytes += res.body.length;
    step.update(i + 1);
  }
  const summary = rounded(summarize(latencies));
  step.done(`p50 ${summary.p50} ms, p95 ${summary.p95} ms`);
  return { latencyMs: summary, meanResponseBytes: Math.round(bytes / count) };
}

/**
 * Balance reads one request at a time, for customers drawn with the same skew as the events (hot
 * customers are read most), with the whole ledger of the run in place.
 */
export async function runReads(ctx: BenchContext): Promise<void> {
  const { sizes, population, random } = ctx;
  const ledgerRows = Number(await scalar(ctx.pool, 'SELECT COUNT(*) FROM bonus_operations'));
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  const apiKey = ctx.clients.commands[0].apiKey;
  const balances = await measure(ctx, 'reads: getBalanceCustomersExt', sizes.reads, async () => {
    const res = await ctx.api.command(apiKey, { typeOfCommand: 'getBalanceCustomersExt', customers: [{ guid: population.pick(random).guid }] });
    const answer = JSON.parse(res.body) as { status: string; customers?: Array<{ error: unknown }> };
    if (res.status !== 200 || answer.status !== 'Success' || answer.customers?.[0]?.error) throw new Error(`getBalanceCustomersExt: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    return res;
  });
  const accounts = await measure(ctx, 'reads: GET /admin/accounts/{number}', sizes.reads, async () => {
    const res = await ctx.api.account(population.pick(random).accountNumber);
    if (res.status !== 200) throw new Error(`GET /admin/accounts: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    return res;
  });
  const hottest = await ctx.api.account(population.hottest().accountNumber);
  const hottestLots = (JSON.parse(hottest.body) as { lots: unknown[] }).lots.length;
  ctx.details.reads = {
    ledgerRows, requestsEach: sizes.reads, concurrency: 1, getBalanceCustomersExt: balances, adminAccount: accounts,
    hottestAccount: { ms: Math.round(hottest.ms * 10) / 10, bytes: hottest.body.length, lots: hottestLots }, ...(await load()),
  };
  const withLedger = `${(ledgerRows / 1e6).toFixed(2)}M ledger rows`;
  ctx.figures.push(
    { key: 'balanceP95', label: `getBalanceCustomersExt p95 (${withLedger})`, value: balances.latencyMs.p95, unit: 'ms', target: { op: '<=', value: 10 } },
    { key: 'accountP95', label: `GET /admin/accounts/{number} p95 (${withLedger})`, value: accounts.latencyMs.p95, unit: 'ms', target: { op: '<=', value: 10 } },
  );
}
