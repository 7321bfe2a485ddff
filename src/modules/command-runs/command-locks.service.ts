import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { previousCommandRunning } from './command-runs.errors';

/**
 * The single in-flight rule: one row per (client, command type) names the command holding the
 * slot. Taking it locks that row (SELECT … FOR UPDATE) inside the caller's transaction, so two
 * concurrent calls — in one process or many — serialise and the second sees the first.
 */
@Injectable()
export class CommandLocksService {
  /** Locks the slot and fails with notAllowed while the command holding it is not done. */
  async takeSlot(manager: EntityManager, clientId: string, type: string): Promise<void> {
    await manager.query('INSERT IGNORE INTO command_locks (client_id, type, command_id) VALUES (?, ?, NULL)', [clientId, type]);
    const [lock] = await manager.query(
      `SELECT l.command_id AS commandId, r.state AS state
         FROM command_locks l LEFT JOIN command_runs r ON r.id = l.command_id
        WHERE l.client_id = ? AND l.type = ? FOR UPDATE`,
      [clientId, type],
    );
    if (lock?.commandId && lock.state !== 'done') throw previousCommandRunning();
  }

  /** Hands the slot (still locked by takeSlot in this transaction) to the new command. */
  async assignSlot(manager: EntityManager, clientId: string, type: string, commandId: string): Promise<void> {
    await manager.query('UPDATE command_locks SET command_id = ? WHERE client_id = ? AND type = ?', [commandId, clientId, type]);
  }
}
