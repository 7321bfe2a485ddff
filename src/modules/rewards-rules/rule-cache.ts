import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { logRedisErrors } from '../../common/redis/redis-error-log';
import { REDIS } from '../../common/redis/redis.module';
import { AppConfig } from '../../config';
import { sortRules } from './domain/compiled-rule';
import { RuleDefinition } from './domain/rule-definition';
import { parseRule } from './domain/rule-validation';
import { RewardRuleEntity } from './entities/reward-rule.entity';
import { storedRuleInput } from './rule-mapping';

/** Fallback for a lost change message (Redis restart, a change made straight in SQL). */
export const RULE_POLL_INTERVAL_MS = 5000;

interface CachedRules {
  /** Active, not deleted, in evaluation order; frozen so the evaluator may compile it once. */
  active: readonly RuleDefinition[];
  byId: Map<string, RuleDefinition>;
  /** Every rule ever made, deleted ones too: operations keep naming their rule. */
  names: Map<string, string>;
  /** Row count and latest updated_at of what was loaded; the poll reloads when the table's differ. */
  stamp: string;
}

/**
 * The reward rules of every process, in memory. Loaded at start; after a change the changing
 * process reloads before it answers and publishes on a Redis channel so every other process
 * reloads at once; a poll of the table's stamp catches anything the channel missed.
 */
@Injectable()
export class RuleCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RuleCache.name);
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private cached: CachedRules = { active: Object.freeze([]), byId: new Map(), names: new Map(), stamp: '' };
  private subscriber: Redis | null = null;
  private poller: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    @InjectRepository(RewardRuleEntity) private readonly rules: Repository<RewardRuleEntity>,
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.channel = `${config.queuePrefix}:reward-rules:changed`;
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.instanceId) this.refresh().catch((error) => this.logger.error({ err: error }, 'Rule reload failed'));
    });
    logRedisErrors(this.subscriber, this.logger, 'Rule change subscription error');
    await this.subscriber.subscribe(this.channel);
    this.poller = setInterval(() => this.poll(), RULE_POLL_INTERVAL_MS);
    this.poller.unref();
  }

  onModuleDestroy(): void {
    if (this.poller) clearInterval(this.poller);
    this.subscriber?.disconnect();
  }

  get active(): readonly RuleDefinition[] {
    return this.cached.active;
  }

  get byId(): ReadonlyMap<string, RuleDefinition> {
    return this.cached.byId;
  }

  get names(): ReadonlyMap<string, string> {
    return this.cached.names;
  }

  /** Reloads now and tells the other processes to reload; call after a change has been committed. */
  async changed(): Promise<void> {
    await this.refresh();
    await this.redis.publish(this.channel, this.instanceId).catch((error) => this.logger.warn({ err: error }, 'Could not announce a rule change'));
  }

  /** Reloads; calls made while a reload runs share one more reload after it, so none misses a change. */
  refresh(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) {
      this.running = this.load().finally(() => (this.running = null));
      return this.running;
    }
    this.queued = this.running.catch(() => undefined).then(() => {
      this.queued = null;
      return this.refresh();
    });
    return this.queued;
  }

  private async load(): Promise<void> {
    const rows = await this.rules.find();
    const names = new Map<string, string>();
    const valid: RuleDefinition[] = [];
    let latest = 0;
    for (const row of rows) {
      names.set(row.id, row.name);
      latest = Math.max(latest, row.updatedAt.getTime());
      if (row.deletedAt || !row.active) continue;
      const parsed = parseRule(storedRuleInput(row));
      if (parsed.ok) valid.push(Object.freeze({ id: row.id, ...parsed.value }));
      else this.logger.error({ ruleId: row.id, errors: parsed.errors }, 'Stored rule is invalid and is not applied');
    }
    const active = Object.freeze(sortRules(valid));
    this.cached = { active, byId: new Map(active.map((r) => [r.id, r])), names, stamp: stampOf(rows.length, latest) };
  }

  private async poll(): Promise<void> {
    try {
      const [row]: Array<{ count: string | number; latest: Date | null }> = await this.rules.query(
        'SELECT COUNT(*) AS count, MAX(updated_at) AS latest FROM reward_rules',
      );
      if (stampOf(Number(row.count), row.latest?.getTime() ?? 0) !== this.cached.stamp) await this.refresh();
    } catch (error) {
      this.logger.warn({ err: error }, 'Rule change poll failed');
    }
  }
}

function stampOf(count: number, latest: number): string {
  return `${count}@${count ? latest : 0}`;
}
