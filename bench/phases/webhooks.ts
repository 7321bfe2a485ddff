import { createServer } from 'http';
import { AddressInfo } from 'net';
import { EVENT_CHUNK_SIZE } from '../../src/common/queue/queues';
import { BENCH_DB, BenchContext } from '../lib/context';
import { scalar } from '../lib/database';
import { pendingEvents, waitForDrain } from '../lib/drain';
import { sleep } from '../lib/load';
import { StepLoad, watchStep } from '../lib/step-load';
import { loadBacklog } from './processing';

const ALL_TYPES = [
  'command.finished', 'customer_event.processed', 'customer_event.rejected', 'customer_event.failed', 'points.accrued',
  'points.spent', 'points.expiring', 'points.expired', 'customer.status_changed',
];

/** A receiver on a loopback port that answers every delivery 200 at once and counts what it got. */
async function startReceiver(): Promise<{ url: string; posts: () => number; close: () => Promise<void> }> {
  let posts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posts += 1;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    posts: () => posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Events/s of one backlog of `events`, queued at once and drained by the app's workers. */
async function drainOnce(ctx: BenchContext, events: number, label: string, keys: string): Promise<{ rate: number; seconds: number } & StepLoad> {
  const numberBefore = Number(await scalar(ctx.pool, 'SELECT COALESCE(MAX(number), 0) FROM customer_events'));
  await ctx.queues.pause();
  try {
    const ids = await loadBacklog(ctx, events, label, keys);
    await ctx.queues.enqueueChunks(ids, EVENT_CHUNK_SIZE, `bench-${label.replace(/\W+/g, '-')}`);
  } finally {
    await ctx.queues.resume();
  }
  const resumedAt = Date.now();
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? BENCH_DB : undefined);
  const step = ctx.progress.step(`${label}: draining`, events, 'events');
  const deadline = resumedAt + ctx.sizes.drainTimeoutSeconds * 1000;
  for (let pending = await pendingEvents(ctx); pending > 0; pending = await pendingEvents(ctx)) {
    if (Date.now() > deadline) throw new Error(`${label}: ${pending} events still pending after ${ctx.sizes.drainTimeoutSeconds} s`);
    step.update(events - pending);
    await sleep(250);
  }
  const last = Number(await scalar(ctx.pool, 'SELECT UNIX_TIMESTAMP(MAX(processed_at)) FROM customer_events WHERE number > ?', [numberBefore]));
  const seconds = last - resumedAt / 1000;
  const watched = await load();
  const { cpu } = watched;
  step.done(`${Math.round(events / seconds).toLocaleString('en-US')} events/s (CPU: app ${cpu.app} %, MariaDB ${cpu.mariadb} %, idle ${cpu.idle} %; ${watched.db.commits} commits)`);
  return { rate: events / seconds, seconds: Math.round(seconds * 100) / 100, ...watched };
}

/**
 * The cost of webhooks on processing: the same backlog drained with one active subscription to every
 * event type (a local receiver answers 200 at once) and with none. Each drain runs on what the ones
 * before it left, which alone makes a later drain slower, so the drain with the subscription is
 * bracketed by one without before and one after it. Figure: the rate with the subscription ÷ the
 * mean rate of the two without (target ≥ 0.9).
 */
export async function runWebhooks(ctx: BenchContext): Promise<void> {
  const events = ctx.sizes.webhookEvents;
  await waitForDrain(ctx, 'earlier steps');
  const before = await drainOnce(ctx, events, 'webhooks: no subscription', 'webhooks-none');
  const receiver = await startReceiver();
  try {
    const subscription = await ctx.api.createWebhook(receiver.url, ALL_TYPES);
    await sleep(1500); // every process's subscription list is at most a second old
    const messagesBefore = Number(await scalar(ctx.pool, 'SELECT COUNT(*) FROM webhook_messages'));
    const withOne = await drainOnce(ctx, events, 'webhooks: one subscription', 'webhooks-one');
    const step = ctx.progress.step('webhooks: delivering', 1, '');
    const started = Date.now();
    for (;;) {
      const pending = Number(await scalar(ctx.pool, "SELECT COUNT(*) FROM webhook_messages WHERE state = 'pending'"));
      if (pending === 0 || Date.now() - started > ctx.sizes.drainTimeoutSeconds * 1000) break;
      await sleep(250);
    }
    const deliveries = Number(await scalar(ctx.pool, 'SELECT COUNT(*) FROM webhook_messages')) - messagesBefore;
    const [byTypeRows] = await ctx.pool.query(
      'SELECT type, COUNT(*) AS posts, SUM(JSON_LENGTH(data)) AS items FROM webhook_messages GROUP BY type ORDER BY type',
    );
    const byType = Object.fromEntries((byTypeRows as Array<{ type: string; posts: string; items: string }>).map((r) => [r.type, { posts: Number(r.posts), items: Number(r.items) }]));
    const delivered = Number(await scalar(ctx.pool, "SELECT COUNT(*) FROM webhook_messages WHERE state = 'delivered'"));
    step.done(`${deliveries} deliveries, ${delivered} delivered, ${receiver.posts()} POSTs received, ${((Date.now() - started) / 1000).toFixed(1)} s after the drain; ` +
      Object.entries(byType).map(([type, n]) => `${type} ${n.posts} (${n.items} items)`).join(', '));
    await ctx.api.deleteWebhook(subscription);
    await sleep(1500); // every process's subscription list is at most a second old
    const after = await drainOnce(ctx, events, 'webhooks: no subscription again', 'webhooks-none-after');
    const without = (before.rate + after.rate) / 2;
    const ratio = withOne.rate / without;
    ctx.details.webhooks = { events, before, withOne, after, ratio: Math.round(ratio * 1000) / 1000, deliveries, delivered, posts: receiver.posts(), byType };
    ctx.figures.push({
      key: 'webhooks', label: `Processing with one webhook subscription ÷ without (${events.toLocaleString('en-US')} events each)`,
      value: Math.round(ratio * 100) / 100, unit: '×', target: { op: '>=', value: 0.9 },
      note: `without ${Math.round(before.rate)} and ${Math.round(after.rate)}, with ${Math.round(withOne.rate)} events/s`,
    });
  } finally {
    await receiver.close();
  }
}
