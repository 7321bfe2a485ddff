import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config';
import { inTransaction } from '../../database/transaction';
import { pointsExpiring, WebhookMessage, WebhookOutbox } from '../webhooks';
import { noticeThreshold } from './domain/notice-threshold';

const LOTS_PER_BATCH = 2000;

interface LotRow {
  id: string;
  remaining: string;
  expires_at: Date;
  guid: string | null;
  customer_id: string;
}

/**
 * points.expiring: each live lot that comes within a threshold of WEBHOOK_EXPIRY_NOTICE_DAYS is
 * announced once for it (expiry_notices remembers which), one message per customer and threshold.
 * Runs after the expiry job; does nothing while no subscription receives points.expiring.
 */
@Injectable()
export class ExpiryNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
    private readonly config: AppConfig,
  ) {}

  async announce(now: Date = new Date()): Promise<{ lots: number; messages: number }> {
    const days = this.config.webhooks.expiryNoticeDays;
    if (days.length === 0 || !(await this.outbox.wants(this.dataSource.manager, 'points.expiring', [null]))) return { lots: 0, messages: 0 };
    const horizon = new Date(now.getTime() + Math.max(...days) * 24 * 60 * 60 * 1000);
    const report = { lots: 0, messages: 0 };
    let after = '0';
    for (;;) {
      const lots: LotRow[] = await this.dataSource.query(
        `SELECT o.id, o.remaining, o.expires_at, c.guid, c.id AS customer_id
           FROM bonus_operations o JOIN bonus_accounts a ON a.id = o.account_id JOIN customers c ON c.id = a.customer_id
          WHERE o.expires_at > ? AND o.expires_at <= ? AND o.remaining > 0 AND o.id > ? ORDER BY o.id LIMIT ?`,
        [now, horizon, after, LOTS_PER_BATCH],
      );
      if (lots.length === 0) return report;
      after = String(lots[lots.length - 1].id);
      const batch = await inTransaction(this.dataSource, (manager) => this.noticeBatch(manager, lots, days, now));
      report.lots += batch.lots;
      report.messages += batch.messages;
    }
  }

  private async noticeBatch(manager: EntityManager, lots: LotRow[], days: number[], now: Date) {
    const due = lots.map((lot) => ({ lot, days: noticeThreshold(days, lot.expires_at, now) })).filter((d): d is { lot: LotRow; days: number } => d.days !== null);
    if (due.length === 0) return { lots: 0, messages: 0 };
    const sent: Array<{ operation_id: string; days: number }> = await manager.query(
      'SELECT operation_id, days FROM expiry_notices WHERE operation_id IN (?) FOR UPDATE',
      [due.map((d) => d.lot.id)],
    );
    const done = new Set(sent.map((s) => `${s.operation_id}:${s.days}`));
    const fresh = due.filter((d) => !done.has(`${d.lot.id}:${d.days}`));
    if (fresh.length === 0) return { lots: 0, messages: 0 };
    await manager.query('INSERT INTO expiry_notices (operation_id, days, created_at) VALUES ?', [fresh.map((d) => [d.lot.id, d.days, now])]);
    const groups = new Map<string, Array<{ lot: LotRow; days: number }>>();
    for (const d of fresh) {
      const key = `${d.lot.customer_id}:${d.days}`;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    const messages: WebhookMessage[] = [...groups.values()].map((group) => pointsExpiring({
      customerGuid: group[0].lot.guid, days: group[0].days,
      lots: group.map(({ lot }) => ({ operationId: String(lot.id), points: lot.remaining, expiresAt: lot.expires_at })),
    }));
    await this.outbox.record(manager, messages);
    return { lots: fresh.length, messages: messages.length };
  }
}
