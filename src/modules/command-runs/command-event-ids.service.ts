import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One eventId namespace per client across the Command API (loadCustomerEventsExt,
 * addCustomerPointMessage, addBonusExtQuick): the first command to take an eventId keeps it, and
 * every later use, through whichever command, is a duplicate.
 */
@Injectable()
export class CommandEventIdsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the eventIds for the command in the caller's transaction and returns those the command
   * holds. A concurrent command taking the same eventId waits here until the first one commits.
   */
  async take(manager: EntityManager, clientId: string, commandId: string, eventIds: string[]): Promise<Set<string>> {
    // Sorted, so concurrent commands take their common eventIds in the same order.
    const wanted = [...new Set(eventIds)].sort();
    if (wanted.length === 0) return new Set();
    await manager.query(
      'INSERT INTO command_event_ids (client_id, event_id, command_id) VALUES ? ON DUPLICATE KEY UPDATE command_id = command_id',
      [wanted.map((eventId) => [clientId, eventId, commandId])],
    );
    const held: Array<{ eventId: string }> = await manager.query(
      'SELECT event_id AS eventId FROM command_event_ids WHERE client_id = ? AND command_id = ? AND event_id IN (?)',
      [clientId, commandId, wanted],
    );
    return new Set(held.map((r) => r.eventId));
  }

  /** eventId → the command that holds it. */
  async holders(clientId: string, eventIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows: Array<{ eventId: string; commandId: string }> = await manager.query(
      'SELECT event_id AS eventId, command_id AS commandId FROM command_event_ids WHERE client_id = ? AND event_id IN (?)',
      [clientId, [...new Set(eventIds)]],
    );
    return new Map(rows.map((r) => [r.eventId, r.commandId]));
  }

  /** The eventIds another command of the client already used. */
  async usedElsewhere(manager: EntityManager, clientId: string, commandId: string, eventIds: string[]): Promise<Set<string>> {
    const holders = await this.holders(clientId, eventIds, manager);
    return new Set([...holders].filter(([, holder]) => holder !== commandId).map(([eventId]) => eventId));
  }
}
