import { performance } from 'perf_hooks';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface ClosedLoopResult {
  /** Units of work done (events), as the task reported them. */
  units: number;
  calls: number;
  elapsedMs: number;
  latenciesMs: number[];
}

/**
 * `workers` callers, each starting its next call when the previous one answers, until the
 * duration has passed; the elapsed time runs to the last answer.
 */
export async function closedLoop(
  workers: number, durationMs: number, task: (worker: number) => Promise<{ units: number; ms: number }>, onUnits?: (units: number) => void,
): Promise<ClosedLoopResult> {
  const started = performance.now();
  const deadline = started + durationMs;
  const latencies: number[] = [];
  let units = 0;
  let calls = 0;
  await Promise.all(Array.from({ length: workers }, async (_, worker) => {
    while (performance.now() < deadline) {
      const result = await task(worker);
      units += result.units;
      calls += 1;
      latencies.push(result.ms);
      onUnits?.(units);
    }
  }));
  return { units, calls, elapsedMs: performance.now() - started, latenciesMs: latencies };
}

export interface OpenLoopResult {
  calls: number;
  /** From each call's scheduled time to its answer. */
  latenciesMs: number[];
  /** How late the harness fired calls (its own lag): should stay near zero. */
  maxDispatchLagMs: number;
  elapsedMs: number;
}

/**
 * Open loop: calls fired on a fixed schedule whatever the answers do, each timed from its
 * scheduled moment, so a slow answer cannot slow the offered load (no coordinated omission).
 */
export async function openLoop(
  intervalMs: number, durationMs: number, task: (index: number, scheduledAt: number) => Promise<number>, onCall?: (done: number) => void,
): Promise<OpenLoopResult> {
  const started = performance.now();
  const count = Math.max(1, Math.floor(durationMs / intervalMs));
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let maxLag = 0;
  for (let i = 0; i < count; i++) {
    const scheduledAt = started + i * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 0) await sleep(wait);
    maxLag = Math.max(maxLag, performance.now() - scheduledAt);
    inFlight.push(task(i, scheduledAt).then((ms) => {
      latencies.push(ms);
      onCall?.(latencies.length);
    }));
  }
  await Promise.all(inFlight);
  return { calls: count, latenciesMs: latencies, maxDispatchLagMs: maxLag, elapsedMs: performance.now() - started };
}
