import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  commandFinished, customerEventFinished, OperationFacts, PayloadResolvers, pointsAccrued, sumPoints, WebhookMessage, WebhookOutbox,
} from '../webhooks';
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

interface EventRow {
  id: string;
  client_id: string;
  command_id: string | null;
  account_id: string | null;
  state: string;
  points: string | null;
  error: string | null;
  payload: unknown;
  guid: string | null;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const operation = (o: OperationRow): OperationFacts => ({ operationId: String(o.id), ruleId: o.rule_id === null ? null : String(o.rule_id), points: o.points });

/** Operations grouped by their event, in id order. */
function byEvent(operations: OperationRow[]): Map<string, OperationRow[]> {
  const groups = new Map<string, OperationRow[]>();
  for (const o of operations) {
    const group = groups.get(String(o.event_id));
    if (group) group.push(o);
    else groups.set(String(o.event_id), [o]);
  }
  return groups;
}

/** The client's own id of an event: its eventId (Command API) or request_unique_identifier (CRM API). */
function externalId(payload: Record<string, unknown> | null): string | null {
  const id = payload?.eventId ?? payload?.request_unique_identifier;
  return id === undefined || id === null ? null : String(id);
}

/**
 * The webhook messages of the event register, written in the transaction that makes events final:
 * customer_event.processed / .rejected / .failed, points.accrued and command.finished.
 * Nothing is written when no active subscription receives them.
 */
@Injectable()
export class EventWebhooks implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
    private readonly resolvers: PayloadResolvers,
  ) {}

  onModuleInit(): void {
    const events = (references: Array<Record<string, unknown>>) => this.eventItems(references);
    this.resolvers.register('customer_event.processed', events);
    this.resolvers.register('customer_event.rejected', events);
    this.resolvers.register('points.accrued', (references) => this.accrualItems(references));
  }

  /**
   * customer_event.processed / .rejected and points.accrued of a chunk: recorded as references only
   * (no reads inside the chunk's transaction); their data are built at the first delivery.
   */
  async chunkFinished(manager: EntityManager, events: PendingEvent[], outcomes: EventOutcome[]): Promise<void> {
    const clientIds = [...new Set(events.map((e) => e.clientId))];
    const [processed, rejected, accrued] = await Promise.all([
      this.outbox.wants(manager, 'customer_event.processed', clientIds),
      this.outbox.wants(manager, 'customer_event.rejected', clientIds),
      this.outbox.wants(manager, 'points.accrued', [null]),
    ]);
    if (!processed && !rejected && !accrued) return;
    const messages: WebhookMessage[] = outcomes.map((o, i) => ({ type: `customer_event.${o.state as 'processed' | 'rejected'}`, clientId: events[i].clientId, data: { id: o.id }, deferred: true }));
    if (accrued) {
      for (const o of outcomes) if (o.state === 'processed') messages.push({ type: 'points.accrued', clientId: null, data: { id: o.id }, deferred: true });
    }
    await this.outbox.record(manager, messages);
  }

  /** The data of deferred customer_event.* messages: each event as it was made final, with its operations. */
  private async eventItems(references: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
    const ids = references.map((r) => String(r.id));
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.id, e.client_id, e.command_id, e.account_id, e.state, e.points, e.error, e.payload, c.guid
         FROM customer_events e LEFT JOIN customers c ON c.id = e.customer_id WHERE e.id IN (?)`,
      [ids],
    );
    const operations = byEvent(await this.operationsOf(ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const payload = json<Record<string, unknown> | null>(row.payload);
      return [customerEventFinished({
        id, eventId: externalId(payload), commandId: row.command_id, clientId: String(row.client_id),
        customerGuid: row.guid ?? (payload?.customerId as string | undefined) ?? null, state: row.state as 'processed', points: row.points ?? '0.00', error: row.error,
        operations: (operations.get(id) ?? []).filter((o) => String(o.account_id) === String(row.account_id)).map(operation),
      }).data];
    });
  }

  /** The data of deferred points.accrued messages: per event, one item per account that earned points. */
  private async accrualItems(references: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
    const ids = references.map((r) => String(r.id));
    const rows: Array<{ id: string; payload: unknown }> = await this.dataSource.query('SELECT id, payload FROM customer_events WHERE id IN (?)', [ids]);
    const payloads = new Map(rows.map((r) => [r.id, json<Record<string, unknown> | null>(r.payload)]));
    const lots = byEvent((await this.operationsOf(ids)).filter((o) => o.type === 'accrual'));
    return ids.flatMap((id) => [...new Set((lots.get(id) ?? []).map((o) => String(o.account_id)))].map((accountId) => {
      const own = (lots.get(id) ?? []).filter((o) => String(o.account_id) === accountId);
      return pointsAccrued({
        customerGuid: own[0].guid, eventId: id, externalEventId: externalId(payloads.get(id) ?? null),
        points: sumPoints(own.map((l) => l.points)), operations: own.map((l) => ({ ...operation(l), expiresAt: l.expires_at })),
      }).data;
    }));
  }

  private operationsOf(eventIds: string[]): Promise<OperationRow[]> {
    return this.dataSource.query(
      `SELECT o.id, o.event_id, o.account_id, o.type, o.rule_id, o.points, o.expires_at, c.guid
         FROM bonus_operations o JOIN bonus_accounts a ON a.id = o.account_id JOIN customers c ON c.id = a.customer_id
        WHERE o.event_id IN (?) ORDER BY o.id`,
      [eventIds],
    );
  }

  async eventFailed(manager: EntityManager, eventId: string, error: string): Promise<void> {
    const [row]: Array<{ client_id: string; command_id: string | null; payload: unknown; guid: string | null }> = await manager.query(
      'SELECT e.client_id, e.command_id, e.payload, c.guid FROM customer_events e LEFT JOIN customers c ON c.id = e.customer_id WHERE e.id = ?',
      [eventId],
    );
    if (!row || !(await this.outbox.wants(manager, 'customer_event.failed', [String(row.client_id)]))) return;
    const payload = json<Record<string, unknown> | null>(row.payload);
    await this.outbox.record(manager, [customerEventFinished({
      id: eventId, eventId: externalId(payload), commandId: row.command_id, clientId: String(row.client_id),
      customerGuid: row.guid ?? (payload?.customerId as string | undefined) ?? null, state: 'failed', points: '0.00', error, operations: [],
    })]);
  }

  /** command.finished for the runs among `commandIds` that are not done yet (call before marking them done; the runs are locked). */
  async commandsFinishing(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0 || !(await this.outbox.wants(manager, 'command.finished'))) return;
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
}
