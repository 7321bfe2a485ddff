/** How long a request waits for Redis to take the job of work it has already stored. */
export const ENQUEUE_TIMEOUT_MS = 1000;

/** The promise's outcome, or a rejection once `ms` have passed (the promise itself runs on). */
export function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
