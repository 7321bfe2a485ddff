import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { LockedAccount, LedgerEntryResult } from '../bonus-accounts';
import { commandFinished, pointsAccrued, WebhookOutbox } from '../webhooks';

/** The webhook messages of asynchronous item commands (addCustomerPointMessage, addBonusExtQuick), in their transactions. */
@Injectable()
export class RunWebhooks {
  constructor(private readonly outbox: WebhookOutbox) {}

  /** command.finished for the item runs among `commandIds` not done yet, with their items counted by state (call before marking them done). */
  async finishing(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0 || !(await this.outbox.wants(manager, 'command.finished'))) return;
    const rows: Array<{ id: string; client_id: string; type: string; state: string; n: string }> = await manager.query(
      `SELECT r.id, r.client_id, r.type, i.state, COUNT(*) AS n FROM command_runs r JOIN command_items i ON i.command_id = r.id
        WHERE r.id IN (?) AND r.state <> 'done' GROUP BY r.id, r.client_id, r.type, i.state`,
      [commandIds],
    );
    const finishedAt = new Date();
    const runs = [...new Set(rows.map((r) => r.id))].map((id) => rows.filter((r) => r.id === id));
    await this.outbox.record(manager, runs.map((states) => commandFinished({
      commandId: states[0].id, typeOfCommand: states[0].type, clientId: String(states[0].client_id), finishedAt,
      counts: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
    })));
  }

  /** points.accrued for the accruals of command items that wrote points. */
  async accrued(manager: EntityManager, results: LedgerEntryResult[], accounts: Map<string, LockedAccount>): Promise<void> {
    await this.outbox.record(manager, results.filter((r) => !r.duplicate && r.operationId && new Decimal(r.applied).gt(0)).map((r) => pointsAccrued({
      customerGuid: accounts.get(r.request.accountId)?.customerGuid ?? null, eventId: null, externalEventId: r.request.externalEventId ?? null,
      points: r.applied, operations: [{ operationId: r.operationId!, ruleId: null, points: r.applied, expiresAt: r.request.expiresAt }],
    })));
  }
}
