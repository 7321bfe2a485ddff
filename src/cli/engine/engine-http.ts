import { CliError } from '../cli-error';
import { backoffDelay, sleep } from './backoff';

export interface EngineAnswer {
  status: number;
  body: any;
}

export interface RetryPolicy {
  /** Retries of one call after a 429/502/503/504 answer or a network error. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 8, baseDelayMs: 500, maxDelayMs: 30000 };
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const REQUEST_TIMEOUT_MS = 120000;

/** The engine could not be reached (refused, reset, timed out): the call may or may not have been handled. */
export class NetworkError extends Error {}

export interface PostOptions {
  headers?: Record<string, string>;
  /** Resend after a network error; false for calls that must not be repeated blindly. */
  retryNetworkErrors?: boolean;
}

/** JSON over HTTP to one engine, with retries and backoff for answers that say "try again". */
export class EngineHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async post(path: string, body: unknown, options: PostOptions = {}): Promise<EngineAnswer> {
    const retryNetwork = options.retryNetworkErrors ?? true;
    for (let attempt = 0; ; attempt++) {
      let answer: EngineAnswer | null = null;
      let failure: string;
      try {
        answer = await this.once(path, body, options.headers ?? {});
        if (!RETRIED_STATUSES.has(answer.status)) return answer;
        failure = `The engine at ${this.baseUrl} answered ${path} with HTTP ${answer.status}${errorText(answer.body)}`;
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        if (!retryNetwork) throw error;
        failure = error.message;
      }
      if (attempt >= this.retry.retries) {
        throw new CliError(`${failure}; gave up after ${attempt + 1} attempts`);
      }
      await sleep(backoffDelay(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs));
    }
  }

  private async once(path: string, body: unknown, headers: Record<string, string>): Promise<EngineAnswer> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new NetworkError(`Cannot reach the engine at ${this.baseUrl} (${networkCause(error)})`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new NetworkError(`The engine at ${this.baseUrl} closed the connection (${networkCause(error)})`);
    }
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { text: text.slice(0, 200) };
    }
    return { status: response.status, body: parsed };
  }
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

/** The error text of a Command API, CRM or admin error body, for messages. */
export function errorText(body: any): string {
  const text = body?.error?.description ?? body?.status?.description ?? body?.message ?? body?.text;
  return typeof text === 'string' && text ? `: ${text}` : '';
}
