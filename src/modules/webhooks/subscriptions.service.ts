import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEventType } from './domain/event-types';
import { ActiveSubscription } from './domain/fan-out';
import { urlProblem } from './domain/webhook-url';
import { CreatedWebhookDto, CreateWebhookDto, UpdateWebhookDto, WebhookDto } from './dto/webhook.dto';
import { invalidWebhookUrl, subscriptionNotFound } from './webhooks.errors';

/** How long a process keeps the list of active subscriptions: a change reaches every process within this. */
export const SUBSCRIPTIONS_TTL_MS = 1000;

interface SubscriptionRow {
  id: string;
  url: string;
  events: string | WebhookEventType[];
  client_id: string | null;
  active: number;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function toDto(r: SubscriptionRow): WebhookDto {
  return {
    id: String(r.id), url: r.url, events: json<WebhookEventType[]>(r.events), clientId: r.client_id === null ? null : String(r.client_id),
    active: !!r.active, failingSince: r.failing_since, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function checkUrl(url: string): void {
  const problem = urlProblem(url);
  if (problem) throw invalidWebhookUrl(problem);
}

/** Webhook subscriptions (admin API) and the short-lived list of active ones that the outbox fans out to. */
@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);
  private cached: { at: number; list: Promise<ActiveSubscription[]> } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    checkUrl(dto.url);
    const secret = dto.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    const now = new Date();
    const result = await this.dataSource.query(
      'INSERT INTO webhook_subscriptions (url, events, client_id, secret, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [dto.url, JSON.stringify([...new Set(dto.events)]), dto.clientId ?? null, secret, dto.active === false ? 0 : 1, now, now],
    );
    this.changed();
    this.logger.log({ subscriptionId: String(result.insertId), events: dto.events }, 'Webhook subscription created');
    return { ...(await this.get(String(result.insertId))), secret };
  }

  async list(): Promise<WebhookDto[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query('SELECT * FROM webhook_subscriptions ORDER BY id');
    return rows.map(toDto);
  }

  async get(id: string): Promise<WebhookDto> {
    const [row]: SubscriptionRow[] = await this.dataSource.query('SELECT * FROM webhook_subscriptions WHERE id = ?', [id]);
    if (!row) throw subscriptionNotFound(id);
    return toDto(row);
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    await this.get(id);
    if (dto.url !== undefined) checkUrl(dto.url);
    const set: string[] = [];
    const params: unknown[] = [];
    const assign = (column: string, value: unknown) => {
      set.push(`${column} = ?`);
      params.push(value);
    };
    if (dto.url !== undefined) assign('url', dto.url);
    if (dto.events !== undefined) assign('events', JSON.stringify([...new Set(dto.events)]));
    if (dto.clientId !== undefined) assign('client_id', dto.clientId);
    if (dto.secret !== undefined) assign('secret', dto.secret);
    if (dto.active !== undefined) assign('active', dto.active ? 1 : 0);
    if (dto.active) set.push('failing_since = NULL');
    assign('updated_at', new Date());
    await this.dataSource.query(`UPDATE webhook_subscriptions SET ${set.join(', ')} WHERE id = ?`, [...params, id]);
    this.changed();
    return this.get(id);
  }

  /** Removes the subscription and its delivery log; its messages not yet delivered are dropped. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.dataSource.query('DELETE FROM webhook_messages WHERE subscription_id = ?', [id]);
    await this.dataSource.query('DELETE FROM webhook_subscriptions WHERE id = ?', [id]);
    this.changed();
  }

  /**
   * The active subscriptions, read at most once per SUBSCRIPTIONS_TTL_MS per process, through the
   * caller's transaction: a caller holding a pooled connection never waits for a second one (many
   * concurrent transactions would otherwise exhaust the pool waiting on each other).
   */
  active(manager: EntityManager): Promise<ActiveSubscription[]> {
    if (!this.cached || Date.now() - this.cached.at > SUBSCRIPTIONS_TTL_MS) {
      const list = manager
        .query('SELECT id, client_id, events FROM webhook_subscriptions WHERE active = 1')
        .then((rows: SubscriptionRow[]) => rows.map((r) => ({
          id: String(r.id), clientId: r.client_id === null ? null : String(r.client_id), events: json<WebhookEventType[]>(r.events),
        })));
      this.cached = { at: Date.now(), list };
      list.catch(() => (this.cached = null));
    }
    return this.cached.list;
  }

  /** Forgets the cached list (this process); other processes see the change within SUBSCRIPTIONS_TTL_MS. */
  changed(): void {
    this.cached = null;
  }
}
