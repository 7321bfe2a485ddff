import { performance } from 'perf_hooks';
import { BenchContext } from './context';
import { scalar } from './database';
import { sleep } from './load';

export const pendingEvents = (ctx: BenchContext) => scalar<string>(ctx.pool, "SELECT COUNT(*) FROM customer_events WHERE state = 'pending'").then(Number);

/** Waits until no event is pending, so the next step starts on a quiet app. */
export async function waitForDrain(ctx: BenchContext, label: string): Promise<{ seconds: number; events: number }> {
  const started = performance.now();
  const initial = await pendingEvents(ctx);
  if (initial === 0) return { seconds: 0, events: 0 };
  const step = ctx.progress.step(`draining ${label}`, initial, 'events');
  const deadline = started + ctx.sizes.drainTimeoutSeconds * 1000;
  for (;;) {
    const pending = await pendingEvents(ctx);
    step.update(initial - pending);
    if (pending === 0) break;
    if (performance.now() > deadline) throw new Error(`${pending} events still pending after ${ctx.sizes.drainTimeoutSeconds} s (${label})`);
    if (!ctx.app.running) throw new Error(`the app exited while draining ${label}:\n${ctx.app.logTail()}`);
    await sleep(500);
  }
  const seconds = (performance.now() - started) / 1000;
  step.done(`${initial.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s`);
  return { seconds: Math.round(seconds * 10) / 10, events: initial };
}
