import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommandEventIdsService } from '../command-runs';
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
  customerId: string | null;
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
  ) {}

  async byEventIds(clientId: string, eventIds: string[]): Promise<EventOperationView[]> {
    const events: Row[] = await this.dataSource.query(
      `${EVENT_SELECT} WHERE e.client_id = ? AND e.external_key IN (?)`,
      [clientId, eventIds.map((id) => `cmd:${id}`)],
    );
    const items: Row[] = await this.dataSource.query(
      `${ITEM_SELECT} WHERE r.client_id = ? AND i.item_key IN (?) ORDER BY r.created_at, i.item_index`,
      [clientId, eventIds],
    );
    const holders = await this.eventIds.holders(clientId, eventIds);
    const rowsById = new Map<string, Row[]>();
    for (const row of [...events, ...items]) {
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
    const [run] = await this.dataSource.query('SELECT id FROM command_runs WHERE id = ? AND client_id = ?', [commandId, clientId]);
    if (!run) throw unknownCommandId(commandId);
    const events: Row[] = await this.dataSource.query(`${EVENT_SELECT} WHERE e.command_id = ? ORDER BY e.number`, [commandId]);
    const items: Row[] = await this.dataSource.query(`${ITEM_SELECT} WHERE i.command_id = ? ORDER BY i.item_index`, [commandId]);
    return this.withOperations([...events, ...items]);
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
    const operations: Array<{ id: string; accountId: string; type: string; points: string; ruleId: string | null; createdAt: Date }> =
      await this.dataSource.query(
        'SELECT id, account_id AS accountId, type, points, rule_id AS ruleId, created_at AS createdAt FROM bonus_operations WHERE event_id = ? ORDER BY id',
        [id],
      );
    const names = this.rules.ruleNames(operations.map((o) => o.ruleId).filter((v): v is string => v != null).map(String));
    return {
      ...row,
      number: String(row.number),
      clientId: String(row.clientId),
      accountId: row.accountId == null ? null : String(row.accountId),
      attributes: json(row.attributes),
      payload: json(row.payload),
      udf: json(row.udf),
      operations: operations.map((o) => ({
        id: String(o.id), accountId: String(o.accountId), type: o.type, points: o.points,
        ruleId: o.ruleId == null ? null : String(o.ruleId), ruleName: o.ruleId == null ? null : names.get(String(o.ruleId)) ?? null, createdAt: o.createdAt,
      })),
    };
  }

  private async withOperations(rows: Row[]): Promise<EventOperationView[]> {
    const eventRefs = rows.map((r) => r.eventRef).filter((v): v is string => !!v);
    const keys = rows.map((r) => r.operationKey).filter((v): v is string => !!v);
    const operations: Array<{ id: string; eventId: string | null; key: string | null; ruleId: string | null; points: string }> = [];
    if (eventRefs.length) {
      operations.push(...(await this.dataSource.query(
        'SELECT id, event_id AS eventId, idempotency_key AS `key`, rule_id AS ruleId, points FROM bonus_operations WHERE event_id IN (?) ORDER BY id',
        [eventRefs],
      )));
    }
    if (keys.length) {
      operations.push(...(await this.dataSource.query(
        'SELECT id, event_id AS eventId, idempotency_key AS `key`, rule_id AS ruleId, points FROM bonus_operations WHERE idempotency_key IN (?) ORDER BY id',
        [keys],
      )));
    }
    const names = this.rules.ruleNames([...new Set(operations.map((o) => o.ruleId).filter((v): v is string => !!v))].map(String));
    return rows.map((row) => ({
      eventId: row.eventId,
      state: row.state,
      customerId: row.customerId,
      points: row.points,
      operations: operations
        .filter((o) => (row.eventRef && o.eventId === row.eventRef) || (row.operationKey && o.key === row.operationKey))
        .map((o) => ({ operationId: String(o.id), ruleId: o.ruleId == null ? null : String(o.ruleId), ruleName: o.ruleId == null ? null : names.get(String(o.ruleId)) ?? null, points: o.points })),
      error: row.error,
    }));
  }
}

const EVENT_SELECT = `
  SELECT SUBSTRING(e.external_key, 5) AS eventId, e.command_id AS commandId, e.state, COALESCE(c.guid, JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.customerId'))) AS customerId,
         e.points, e.error, e.id AS eventRef, NULL AS operationKey
    FROM customer_events e LEFT JOIN customers c ON c.id = e.customer_id`;

const ITEM_SELECT = `
  SELECT i.item_key AS eventId, i.command_id AS commandId, i.state, c.guid AS customerId, i.points, i.error, NULL AS eventRef,
         IF(i.state = 'processed', CONCAT('cmd:', r.client_id, ':', i.item_key), NULL) AS operationKey
    FROM command_items i JOIN command_runs r ON r.id = i.command_id LEFT JOIN customers c ON c.id = i.customer_id`;
