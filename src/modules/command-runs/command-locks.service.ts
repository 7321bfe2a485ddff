import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors';
import { CommandRunsService } from './command-runs.service';

export const PREVIOUS_COMMAND_RUNNING = 'You cannot send a new command until the previous command has been processed';

/**
 * The single in-flight rule: one row per (client, command type) names the command holding the
 * slot. Taking it locks that row (SELECT … FOR UPDATE) inside the caller's transaction, so two
 * concurrent calls — in one process or many — serialise and the second sees the first.
 */
@Injectable()
export class CommandLocksService {
  constructor(private readonly runs: CommandRunsService) {}

  /**
   * Locks the slot and fails with notAllowed while the command holding it is still running, as
   * `isRunning` (e.g. "has pending events") decides: a run whose work is over but which was never
   * marked done (a worker died at the wrong moment) is finished here and frees the slot.
   */
  async takeSlot(
    manager: EntityManager,
    clientId: string,
    type: string,
    isRunning: (manager: EntityManager, commandId: string) => Promise<boolean>,
  ): Promise<void> {
    await manager.query('INSERT IGNORE INTO command_locks (client_id, type, command_id) VALUES (?, ?, NULL)', [clientId, type]);
    const [lock] = await manager.query(
      `SELECT l.command_id AS commandId, r.state AS state
         FROM command_locks l LEFT JOIN command_runs r ON r.id = l.command_id
        WHERE l.client_id = ? AND l.type = ? FOR UPDATE`,
      [clientId, type],
    );
    if (!lock?.commandId || lock.state === 'done') return;
    if (await isRunning(manager, lock.commandId)) throw new AppError(ErrorCode.NotAllowed, PREVIOUS_COMMAND_RUNNING);
    await this.runs.finishRun(manager, lock.commandId);
  }

  /** Hands the slot (still locked by takeSlot in this transaction) to the new command. */
  async assignSlot(manager: EntityManager, clientId: string, type: string, commandId: string): Promise<void> {
    await manager.query('UPDATE command_locks SET command_id = ? WHERE client_id = ? AND type = ?', [commandId, clientId, type]);
  }
}
