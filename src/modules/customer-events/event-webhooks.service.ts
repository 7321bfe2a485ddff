import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { commandFinished, customerEventFinished, OperationFacts, pointsAccrued, sumPoints, WebhookMessage, WebhookOutbox } from '../webhooks';
import { EventOutcome } from './processing/event-outcome';
import { PendingEvent } from './processing/pending-event';

interface OperationRow {
  id: string;
  event_id: string;
  account_id: string;
  type: string;
  rule_id: string | null;
  points: string;
  expires_at: Date | null;
  guid: string | null;
}

const operation = (o: OperationRow): OperationFacts => ({ operationId: String(o.id), ruleId: o.rule_id === null ? null : String(o.rule_id), points: o.points });

/** The client's own id of an event: its eventId (Command API) or request_unique_identifier (CRM API). */
function externalId(payload: Record<string, unknown> | null): string | null {
  const id = payload?.eventId ?? payload?.request_unique_identifier;
  return id === undefined || id === null ? null : String(id);
}

/**
 * The webhook messages of the event register, written in the transaction that makes events final:
 * customer_event.processed / .rejected / .failed, points.accrued and command.finished.
 * Nothing is read or built when no active subscription receives them.
 */
@Injectable()
export class EventWebhooks {
  constructor(private readonly outbox: WebhookOutbox) {}

  async chunkFinished(manager: EntityManager, events: PendingEvent[], outcomes: EventOutcome[]): Promise<void> {
    const clientIds = [...new Set(events.map((e) => e.clientId))];
    const [processed, rejected, accrued] = await Promise.all([
      this.outbox.wants('customer_event.processed', clientIds),
      this.outbox.wants('customer_event.rejected', clientIds),
      this.outbox.wants('points.accrued', [null]),
    ]);
    if (!processed && !rejected && !accrued) return;
    const ids = outcomes.filter((o) => o.state === 'processed').map((o) => o.id);
    const operations: OperationRow[] = ids.length === 0 ? [] : await manager.query(
      `SELECT o.id, o.event_id, o.account_id, o.type, o.rule_id, o.points, o.expires_at, c.guid
         FROM bonus_operations o JOIN bonus_accounts a ON a.id = o.account_id JOIN customers c ON c.id = a.customer_id
        WHERE o.event_id IN (?) ORDER BY o.id`,
      [ids],
    );
    const guids = await this.guidsOf(manager, outcomes.map((o) => o.customerId));
    const messages: WebhookMessage[] = [];
    outcomes.forEach((outcome, i) => {
      const event = events[i];
      const own = operations.filter((o) => o.event_id === outcome.id);
      messages.push(customerEventFinished({
        id: outcome.id, eventId: externalId(event.payload), commandId: event.commandId, clientId: event.clientId,
        customerGuid: (outcome.customerId && guids.get(outcome.customerId)) ?? (event.payload?.customerId as string | undefined) ?? null,
        state: outcome.state as 'processed' | 'rejected', points: outcome.points, error: outcome.error,
        operations: own.filter((o) => o.account_id === outcome.accountId).map(operation),
      }));
      for (const accountId of new Set(own.filter((o) => o.type === 'accrual').map((o) => o.account_id))) {
        const lots = own.filter((o) => o.type === 'accrual' && o.account_id === accountId);
        messages.push(pointsAccrued({
          customerGuid: lots[0].guid, eventId: outcome.id, externalEventId: externalId(event.payload),
          points: sumPoints(lots.map((l) => l.points)), operations: lots.map((l) => ({ ...operation(l), expiresAt: l.expires_at })),
        }));
      }
    });
    await this.outbox.record(manager, messages);
  }

  async eventFailed(manager: EntityManager, eventId: string, error: string): Promise<void> {
    const [row]: Array<{ client_id: string; command_id: string | null; payload: unknown; guid: string | null }> = await manager.query(
      'SELECT e.client_id, e.command_id, e.payload, c.guid FROM customer_events e LEFT JOIN customers c ON c.id = e.customer_id WHERE e.id = ?',
      [eventId],
    );
    if (!row || !(await this.outbox.wants('customer_event.failed', [String(row.client_id)]))) return;
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown> | null;
    await this.outbox.record(manager, [customerEventFinished({
      id: eventId, eventId: externalId(payload), commandId: row.command_id, clientId: String(row.client_id),
      customerGuid: row.guid ?? (payload?.customerId as string | undefined) ?? null, state: 'failed', points: '0.00', error, operations: [],
    })]);
  }

  /** command.finished for the runs among `commandIds` that are not done yet (call before marking them done; the runs are locked). */
  async commandsFinishing(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0 || !(await this.outbox.wants('command.finished'))) return;
    const runs: Array<{ id: string; client_id: string; type: string }> = await manager.query(
      "SELECT id, client_id, type FROM command_runs WHERE id IN (?) AND state <> 'done'",
      [commandIds],
    );
    if (runs.length === 0) return;
    const counts: Array<{ command_id: string; state: string; n: string }> = await manager.query(
      'SELECT command_id, state, COUNT(*) AS n FROM customer_events WHERE command_id IN (?) GROUP BY command_id, state',
      [runs.map((r) => r.id)],
    );
    const now = new Date();
    await this.outbox.record(manager, runs.map((run) => commandFinished({
      commandId: run.id, typeOfCommand: run.type, clientId: String(run.client_id), finishedAt: now,
      counts: Object.fromEntries(counts.filter((c) => c.command_id === run.id).map((c) => [c.state, Number(c.n)])),
    })));
  }

  private async guidsOf(manager: EntityManager, customerIds: Array<string | null>): Promise<Map<string, string | null>> {
    const ids = [...new Set(customerIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; guid: string | null }> = await manager.query('SELECT id, guid FROM customers WHERE id IN (?)', [ids]);
    return new Map(rows.map((r) => [r.id, r.guid]));
  }
}
