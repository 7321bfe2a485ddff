import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { customerStatusChanged, StatusCause, WebhookOutbox } from '../webhooks';

/**
 * customer.status_changed for the customers among `ids` whose status is about to change to `to`
 * (call before the UPDATE, in its transaction: the rows are locked and read as they are).
 */
@Injectable()
export class StatusWebhooks {
  constructor(private readonly outbox: WebhookOutbox) {}

  async changing(manager: EntityManager, ids: string[], to: string, cause: StatusCause, onlyFrom?: string): Promise<void> {
    if (ids.length === 0 || !(await this.outbox.wants(manager, 'customer.status_changed', [null]))) return;
    const rows: Array<{ id: string; guid: string | null; uniq_id: string | null; status: string }> = await manager.query(
      `SELECT id, guid, uniq_id, status FROM customers WHERE id IN (?) AND status <> ?${onlyFrom ? ' AND status = ?' : ''} ORDER BY id FOR UPDATE`,
      onlyFrom ? [ids, to, onlyFrom] : [ids, to],
    );
    await this.outbox.record(manager, rows.map((r) => customerStatusChanged({
      customerId: r.id, customerGuid: r.guid, uniqId: r.uniq_id, from: r.status, to, cause,
    })));
  }
}
