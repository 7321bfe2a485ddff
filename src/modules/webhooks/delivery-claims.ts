import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config';
import { inTransaction } from '../../database/transaction';
import { BatchKind } from './domain/batch-kinds';
import { BATCHED_TYPES } from './domain/event-types';
import { json, MessageRow } from './message-row';

/**
 * A claimed delivery is left alone by other workers this long past the request timeout (a crashed
 * worker's claim lapses). A batch still waiting to be filled is due within WEBHOOK_BATCH_LINGER_MS
 * (at most 5 s), so a due time this far ahead marks a claimed row.
 */
const CLAIM_MARGIN_MS = 10000;

/** A claimed delivery with its subscription (null columns: the subscription is gone). */
export type ClaimedRow = MessageRow & { url: string | null; secret: string | null; active: number | null; subscription_failing: number | null };

const SUBSCRIPTION_OF = 'SELECT url, secret, active, failing_since IS NOT NULL AS subscription_failing FROM webhook_subscriptions WHERE id = ?';

/**
 * Claims due deliveries for one attempt each: other workers leave a claimed row alone until the
 * claim lapses. The first attempt of a batch takes in, with its claim, the batches of its kind still
 * waiting for theirs (up to WEBHOOK_BATCH_SIZE items), so a busy engine sends fewer, fuller POSTs.
 * A batch claim locks rows by primary key or through the batch index and skips rows other claims
 * hold, so it never waits on another; any other attempt is claimed by a conditional update by key.
 */
@Injectable()
export class DeliveryClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The delivery, when it is due and no other worker holds it. */
  async byId(deliveryId: string): Promise<ClaimedRow | null> {
    const [row]: MessageRow[] = await this.dataSource.query('SELECT * FROM webhook_messages WHERE delivery_id = ?', [deliveryId]);
    const now = new Date();
    if (!row || row.state !== 'pending' || row.next_attempt_at > now) return null;
    if (!this.fillable(row)) {
      // By primary key, whatever the statistics say: a range over the due index would lock every due row.
      const claimed = await this.dataSource.query(
        "UPDATE webhook_messages FORCE INDEX (PRIMARY) SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?",
        [this.claimedUntil(now), row.id, now],
      );
      return claimed.affectedRows > 0 ? this.withSubscription(this.dataSource.manager, row) : null;
    }
    return inTransaction(this.dataSource, async (manager) => {
      const [held] = await manager.query(
        "SELECT id FROM webhook_messages WHERE id = ? AND state = 'pending' AND attempts = 0 AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED",
        [row.id, now],
      );
      return held ? this.fill(manager, row, now) : null;
    }, 'READ COMMITTED');
  }

  /** The oldest due batch of a kind that has never been attempted and that no other worker holds. */
  nextOfKind(kind: BatchKind): Promise<ClaimedRow | null> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = new Date();
      const [row]: MessageRow[] = await manager.query(
        `SELECT * FROM webhook_messages FORCE INDEX (ix_webhook_messages_batches)
          WHERE subscription_id = ? AND type = ? AND state = 'pending' AND attempts = 0 AND client_id <=> ? AND next_attempt_at <= ?
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [kind.subscriptionId, kind.type, kind.clientId, now],
      );
      return row ? this.fill(manager, row, now) : null;
    }, 'READ COMMITTED'); // no gap locks: the outbox inserts of processing never wait on a claim
  }

  private fillable(row: MessageRow): boolean {
    return row.attempts === 0 && BATCHED_TYPES.has(row.type);
  }

  private claimedUntil(now: Date): Date {
    return new Date(now.getTime() + this.config.webhooks.timeoutMs + CLAIM_MARGIN_MS);
  }

  /** Claims the locked row and takes in the waiting batches of its kind (alike only: resolved with resolved). */
  private async fill(manager: EntityManager, row: MessageRow, now: Date): Promise<ClaimedRow> {
    await manager.query('UPDATE webhook_messages SET next_attempt_at = ? WHERE id = ?', [this.claimedUntil(now), row.id]);
    const claimed = await this.withSubscription(manager, row);
    if (claimed.url === null) return claimed;
    const items = json<Array<Record<string, unknown>>>(row.data);
    const waiting: Array<{ id: string; data: string | unknown[] }> = await manager.query(
      `SELECT id, data FROM webhook_messages FORCE INDEX (ix_webhook_messages_batches)
        WHERE subscription_id = ? AND type = ? AND state = 'pending' AND attempts = 0 AND id <> ? AND client_id <=> ?
          AND resolved = ? AND next_attempt_at < ?
        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [row.subscription_id, row.type, row.id, row.client_id, row.resolved, new Date(now.getTime() + CLAIM_MARGIN_MS), Math.max(0, this.config.webhooks.batchSize - items.length)],
    );
    const taken: string[] = [];
    for (const other of waiting) {
      const more = json<Array<Record<string, unknown>>>(other.data);
      if (items.length + more.length > this.config.webhooks.batchSize) break;
      items.push(...more);
      taken.push(other.id);
    }
    if (taken.length === 0) return claimed;
    // A batch taken in had never been sent: no receiver has seen its delivery id, and its row goes.
    await manager.query('DELETE FROM webhook_messages WHERE id IN (?)', [taken]);
    await manager.query('UPDATE webhook_messages SET data = ? WHERE id = ?', [JSON.stringify(items), row.id]);
    return { ...claimed, data: items };
  }

  private async withSubscription(manager: EntityManager, row: MessageRow): Promise<ClaimedRow> {
    const [subscription] = await manager.query(SUBSCRIPTION_OF, [row.subscription_id]);
    return { ...row, url: null, secret: null, active: null, subscription_failing: null, ...subscription };
  }
}
