/** How long to wait before retry number `attempt` (0-based): doubling from `baseMs`, never more than `capMs`. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
