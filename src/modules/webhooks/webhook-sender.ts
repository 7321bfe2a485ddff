import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config';
import { signature } from './domain/signature';

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface OutgoingDelivery {
  deliveryId: string;
  type: string;
  url: string;
  secret: string;
  body: string;
}

/** One POST of a delivery: signed, within WEBHOOK_TIMEOUT_MS, redirects not followed; any 2xx is success. */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: AppConfig) {}

  async send(d: OutgoingDelivery): Promise<SendOutcome> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'bonus-engine-webhooks',
          'X-Webhook-Id': d.deliveryId,
          'X-Webhook-Event': d.type,
          'X-Webhook-Timestamp': timestamp,
          'X-Webhook-Signature': signature(d.secret, timestamp, d.body),
        },
        body: d.body,
      });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, statusCode: null, error: describe(error) };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'Timed out';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return text.slice(0, 500);
}
