import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BonusAccountsService, LedgerLine } from '../bonus-accounts';
import { CommandEventIdsService, CommandRunsService, ItemRecord } from '../command-runs';
import { commandAccrualKey, CustomersService } from '../customers';
import { RewardsRulesService } from '../rewards-rules';
import { eventNotFound, unknownCommandId } from './customer-events.errors';
import { EventDetailDto } from './dto/event-detail.dto';

export interface EventOperationView {
  eventId: string;
  state: string;
  customerId: string | null;
  points: string | null;
  operations: Array<{ operationId: string; ruleId: string | null; ruleName: string | null; points: string }>;
  error: string | null;
}

interface Row {
  eventId: string;
  state: string;
  /** customers.id, shown as the customer's GUID; `guid` is the one the event named, when it has no customer yet. */
  customer: string | null;
  guid: string | null;
  points: string | null;
  error: string | null;
  commandId: string;
  /** How its ledger lines are found: by event id (register) or by idempotency key (processed command items). */
  eventRef: string | null;
  operationKey: string | null;
}

/**
 * getEventOperation: the outcome of events sent through the Command API, whether they went to the
 * event register (loadCustomerEventsExt) or were items of addCustomerPointMessage / addBonusExtQuick.
 */
@Injectable()
export class EventOperationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RewardsRulesService,
    private readonly eventIds: CommandEventIdsService,
    private readonly runs: CommandRunsService,
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
  ) {}

  async byEventIds(clientId: string, eventIds: string[]): Promise<EventOperationView[]> {
    // Independent reads, side by side: the register's events, the command items and the eventIds' holders.
    const [events, items, holders] = await Promise.all([
      this.dataSource.query(`${EVENT_SELECT} WHERE client_id = ? AND external_key IN (?)`, [clientId, eventIds.map((id) => `cmd:${id}`)]),
      this.runs.itemOutcomes({ clientId, itemKeys: eventIds }),
      this.eventIds.holders(clientId, eventIds),
    ]);
    const rowsById = new Map<string, Row[]>();
    for (const row of [...events.map(eventRow), ...items.map(itemRow)]) {
      const rows = rowsById.get(row.eventId);
      if (rows) rows.push(row);
      else rowsById.set(row.eventId, [row]);
    }
    // The row that took effect: the one of the command holding the eventId; without a holder, the
    // register event, or else the latest item.
    const shown = (rows: Row[], holder: string | undefined) =>
      rows.find((r) => r.commandId === holder) ?? rows.find((r) => r.eventRef) ?? rows[rows.length - 1];
    return this.withOperations(eventIds.flatMap((id) => {
      const rows = rowsById.get(id);
      return rows ? [shown(rows, holders.get(id))] : [];
    }));
  }

  async byCommand(clientId: string, commandId: string): Promise<EventOperationView[]> {
    if (!(await this.runs.exists(clientId, commandId))) throw unknownCommandId(commandId);
    const [events, items] = await Promise.all([
      this.dataSource.query(`${EVENT_SELECT} WHERE command_id = ? ORDER BY number`, [commandId]),
      this.runs.itemOutcomes({ commandId }),
    ]);
    return this.withOperations([...events.map(eventRow), ...items.map(itemRow)]);
  }

  /** event id → the eventId its loadCustomerEventsExt command gave it, for those among `ids` that came that way (one query). */
  async commandEventIds(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; key: string }> = await this.dataSource.query(
      "SELECT id, external_key AS `key` FROM customer_events WHERE id IN (?) AND external_key LIKE 'cmd:%'",
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.key.slice(4)]));
  }

  /** The admin view of one event. */
  async detail(id: string): Promise<EventDetailDto> {
    const [row] = await this.dataSource.query(
      `SELECT id, number, type, source, client_id AS clientId, external_key AS externalKey, command_id AS commandId,
              customer_id AS customerId, account_id AS accountId, performed_on AS performedOn, amount, attributes, payload, udf,
              state, points, error, created_at AS createdAt, processed_at AS processedAt
         FROM customer_events WHERE id = ?`,
      [id],
    );
    if (!row) throw eventNotFound(id);
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    const operations = await this.accounts.operationsFor({ eventIds: [id] });
    const names = this.rules.ruleNames(operations.map((o) => o.ruleId).filter((v): v is string => v != null));
    return {
      ...row,
      number: String(row.number),
      clientId: String(row.clientId),
      accountId: row.accountId == null ? null : String(row.accountId),
      attributes: json(row.attributes),
      payload: json(row.payload),
      udf: json(row.udf),
      operations: operations.map((o) => ({
        id: o.id, accountId: o.accountId, type: o.type, points: o.points,
        ruleId: o.ruleId, ruleName: o.ruleId == null ? null : names.get(o.ruleId) ?? null, createdAt: o.createdAt,
      })),
    };
  }

  /** The rows with their customers' GUIDs and ledger lines: one query for the customers, one per kind of ledger reference. */
  private async withOperations(rows: Row[]): Promise<EventOperationView[]> {
    const [guids, operations] = await Promise.all([
      this.customers.guidsOf(rows.flatMap((r) => (r.customer ? [r.customer] : []))),
      this.accounts.operationsFor({
        eventIds: rows.flatMap((r) => (r.eventRef ? [r.eventRef] : [])),
        keys: rows.flatMap((r) => (r.operationKey ? [r.operationKey] : [])),
      }),
    ]);
    const byRef = new Map<string, LedgerLine[]>();
    for (const o of operations) {
      for (const ref of [o.eventId && `e:${o.eventId}`, `k:${o.key}`]) {
        if (!ref) continue;
        const lines = byRef.get(ref);
        if (lines) lines.push(o);
        else byRef.set(ref, [o]);
      }
    }
    const names = this.rules.ruleNames([...new Set(operations.map((o) => o.ruleId).filter((v): v is string => !!v))]);
    const linesOf = (row: Row) => (row.eventRef ? byRef.get(`e:${row.eventRef}`) : row.operationKey ? byRef.get(`k:${row.operationKey}`) : undefined) ?? [];
    return rows.map((row) => ({
      eventId: row.eventId,
      state: row.state,
      customerId: (row.customer ? guids.get(row.customer) : undefined) ?? row.guid,
      points: row.points,
      operations: linesOf(row).map((o) => ({ operationId: o.id, ruleId: o.ruleId, ruleName: o.ruleId == null ? null : names.get(o.ruleId) ?? null, points: o.points })),
      error: row.error,
    }));
  }
}

const EVENT_SELECT = `
  SELECT SUBSTRING(external_key, 5) AS eventId, command_id AS commandId, state, customer_id AS customer,
         JSON_UNQUOTE(JSON_EXTRACT(payload, '$.customerId')) AS guid, points, error, id AS eventRef
    FROM customer_events`;

const eventRow = (r: Omit<Row, 'operationKey'>): Row => ({ ...r, operationKey: null });

/** A processed item's accrual is found by its ledger key. */
const itemRow = (i: ItemRecord): Row => ({
  eventId: i.itemKey!, state: i.state, customer: i.customerId, guid: null, points: i.points, error: i.error, commandId: i.commandId, eventRef: null,
  operationKey: i.state === 'processed' ? commandAccrualKey(i.clientId, i.itemKey!) : null,
});
