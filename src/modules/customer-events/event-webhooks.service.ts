import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BonusAccountsService, LedgerLine } from '../bonus-accounts';
import { CommandRunsService } from '../command-runs';
import { CustomersService } from '../customers';
import {
  commandFinished, customerEventFinished, OperationFacts, PayloadResolvers, pointsAccrued, sumPoints, WebhookMessage, WebhookOutbox,
} from '../webhooks';
import { EventOutcome } from './processing/event-outcome';
import { PendingEvent } from './processing/pending-event';

interface EventRow {
  id: string;
  client_id: string;
  command_id: string | null;
  customer_id: string | null;
  account_id: string | null;
  state: string;
  points: string | null;
  error: string | null;
  payload: unknown;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const operation = (o: LedgerLine): OperationFacts => ({ operationId: o.id, ruleId: o.ruleId, points: o.points });

/** Ledger lines grouped by their event, in ledger order. */
function byEvent(lines: LedgerLine[]): Map<string, LedgerLine[]> {
  const groups = new Map<string, LedgerLine[]>();
  for (const line of lines) {
    const group = groups.get(String(line.eventId));
    if (group) group.push(line);
    else groups.set(String(line.eventId), [line]);
  }
  return groups;
}

/** The client's own id of an event: its eventId (Command API) or request_unique_identifier (CRM API). */
function externalId(payload: Record<string, unknown> | null): string | null {
  const id = payload?.eventId ?? payload?.request_unique_identifier;
  return id === undefined || id === null ? null : String(id);
}

/** The event's customer's GUID, or for a command event whose customer is not stored, the GUID it named. */
function guidOf(guids: Map<string, string>, customerId: string | null, payload: Record<string, unknown> | null): string | null {
  return (customerId === null ? undefined : guids.get(customerId)) ?? (payload?.customerId as string | undefined) ?? null;
}

/**
 * The webhook messages of the event register, written in the transaction that makes events final:
 * customer_event.processed / .rejected / .failed, points.accrued and command.finished.
 * Nothing is written when no active subscription receives them. Customers' GUIDs, ledger lines
 * and runs come from their modules, one set-based call each.
 */
@Injectable()
export class EventWebhooks implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
    private readonly resolvers: PayloadResolvers,
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
    private readonly runs: CommandRunsService,
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
    const [rows, lines]: [EventRow[], LedgerLine[]] = await Promise.all([
      this.dataSource.query('SELECT id, client_id, command_id, customer_id, account_id, state, points, error, payload FROM customer_events WHERE id IN (?)', [ids]),
      this.accounts.operationsFor({ eventIds: ids }),
    ]);
    const guids = await this.customers.guidsOf(rows.flatMap((r) => (r.customer_id === null ? [] : [r.customer_id])));
    const operations = byEvent(lines);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const payload = json<Record<string, unknown> | null>(row.payload);
      return [customerEventFinished({
        id, eventId: externalId(payload), commandId: row.command_id, clientId: String(row.client_id),
        customerGuid: guidOf(guids, row.customer_id, payload), state: row.state as 'processed', points: row.points ?? '0.00', error: row.error,
        operations: (operations.get(id) ?? []).filter((o) => o.accountId === String(row.account_id)).map(operation),
      }).data];
    });
  }

  /** The data of deferred points.accrued messages: per event, one item per account that earned points. */
  private async accrualItems(references: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
    const ids = references.map((r) => String(r.id));
    const [rows, lines]: [Array<{ id: string; payload: unknown }>, LedgerLine[]] = await Promise.all([
      this.dataSource.query('SELECT id, payload FROM customer_events WHERE id IN (?)', [ids]),
      this.accounts.operationsFor({ eventIds: ids }),
    ]);
    const payloads = new Map(rows.map((r) => [r.id, json<Record<string, unknown> | null>(r.payload)]));
    const accruals = lines.filter((o) => o.type === 'accrual');
    const lots = byEvent(accruals);
    const holders = await this.accounts.holdersOf(accruals.map((o) => o.accountId));
    const guids = await this.customers.guidsOf(holders.values());
    return ids.flatMap((id) => [...new Set((lots.get(id) ?? []).map((o) => o.accountId))].map((accountId) => {
      const own = (lots.get(id) ?? []).filter((o) => o.accountId === accountId);
      return pointsAccrued({
        customerGuid: guids.get(holders.get(accountId) ?? '') ?? null, eventId: id, externalEventId: externalId(payloads.get(id) ?? null),
        points: sumPoints(own.map((l) => l.points)), operations: own.map((l) => ({ ...operation(l), expiresAt: l.expiresAt })),
      }).data;
    }));
  }

  async eventFailed(manager: EntityManager, eventId: string, error: string): Promise<void> {
    const [row]: Array<{ client_id: string; command_id: string | null; customer_id: string | null; payload: unknown }> = await manager.query(
      'SELECT client_id, command_id, customer_id, payload FROM customer_events WHERE id = ?',
      [eventId],
    );
    if (!row || !(await this.outbox.wants(manager, 'customer_event.failed', [String(row.client_id)]))) return;
    const payload = json<Record<string, unknown> | null>(row.payload);
    const guids = await this.customers.guidsOf(row.customer_id === null ? [] : [row.customer_id], manager);
    await this.outbox.record(manager, [customerEventFinished({
      id: eventId, eventId: externalId(payload), commandId: row.command_id, clientId: String(row.client_id),
      customerGuid: guidOf(guids, row.customer_id, payload), state: 'failed', points: '0.00', error, operations: [],
    })]);
  }

  /** command.finished for the runs among `commandIds` that are not done yet (call before marking them done; the runs are locked). */
  async commandsFinishing(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0 || !(await this.outbox.wants(manager, 'command.finished'))) return;
    const runs = await this.runs.openRuns(manager, commandIds);
    if (runs.length === 0) return;
    const counts: Array<{ command_id: string; state: string; n: string }> = await manager.query(
      'SELECT command_id, state, COUNT(*) AS n FROM customer_events WHERE command_id IN (?) GROUP BY command_id, state',
      [runs.map((r) => r.id)],
    );
    const now = new Date();
    await this.outbox.record(manager, runs.map((run) => commandFinished({
      commandId: run.id, typeOfCommand: run.type, clientId: run.clientId, finishedAt: now,
      counts: Object.fromEntries(counts.filter((c) => c.command_id === run.id).map((c) => [c.state, Number(c.n)])),
    })));
  }
}
