export interface RetryPolicy {
  backoffBaseMs: number;
  backoffMaxMs: number;
  retryWindowMs: number;
}

/**
 * Delay before the next attempt after `attempts` failed ones: exponential from the base, capped,
 * with equal jitter (half fixed, half random) so that many failed deliveries do not retry in step.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: number = Math.random()): number {
  const exponential = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/** After a failure: `dead` once it has failed for the whole window, else the time of the next attempt. */
export function afterFailure(policy: RetryPolicy, failingSince: Date, attempts: number, now: Date): { dead: true } | { dead: false; next: Date } {
  if (now.getTime() - failingSince.getTime() >= policy.retryWindowMs) return { dead: true };
  return { dead: false, next: new Date(now.getTime() + retryDelayMs(policy, attempts)) };
}
