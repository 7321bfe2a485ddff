import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'crypto';
import Redis from 'ioredis';
import { logRedisErrors } from '../../common/redis/redis-error-log';
import { REDIS } from '../../common/redis/redis.module';
import { AppConfig } from '../../config';
import { AuthenticatedClient } from './authenticated-client';

/** How long a process trusts what it read, should a change message be lost (Redis restart). */
const KEY_CACHE_MS = 5000;
const MAX_ENTRIES = 10000;

/**
 * Key hash → client, so hot endpoints do not read api_clients on every call. A change (a client
 * deactivated, its scopes changed, the admin key replaced) clears it here and, through a Redis
 * channel, in every other process at once, as the rule cache does.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyCache.name);
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private readonly entries = new Map<string, { client: AuthenticatedClient | null; until: number }>();
  private subscriber: Redis | null = null;
  /** Counts clears, so a read that began before a change cannot store what it read (see `set`). */
  private generation = 0;

  constructor(@Inject(REDIS) private readonly redis: Redis, config: AppConfig) {
    this.channel = `${config.queuePrefix}:api-clients:changed`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.instanceId) this.clear();
    });
    logRedisErrors(this.subscriber, this.logger, 'API client change subscription error');
    await this.subscriber.subscribe(this.channel);
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  /** The cached answer for a key hash: a client, `null` for a known bad key, `undefined` when not cached. */
  get(keyHash: string): AuthenticatedClient | null | undefined {
    const entry = this.entries.get(keyHash);
    return entry && entry.until > Date.now() ? entry.client : undefined;
  }

  /** The generation to pass to `set` for a read that starts now. */
  get current(): number {
    return this.generation;
  }

  /** Stores what a read found, unless a change arrived since it began (`readAt`). */
  set(keyHash: string, client: AuthenticatedClient | null, readAt: number): void {
    if (readAt !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(keyHash, { client, until: Date.now() + KEY_CACHE_MS });
  }

  /** Forgets every key here and in every other process; call after a change has been committed. */
  async changed(): Promise<void> {
    this.clear();
    await this.redis.publish(this.channel, this.instanceId).catch((error) => this.logger.warn({ err: error }, 'Could not announce an API client change'));
  }
}
