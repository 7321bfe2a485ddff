import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { previousCommandRunning } from './command-runs.errors';
import { CommandRunsService } from './command-runs.service';

/**
 * Of the runs asked about, those whose work is not over yet (e.g. "has pending events"): the
 * command that owns the work answers it, in the caller's transaction.
 */
export type UnsettledRuns = (manager: EntityManager, commandIds: string[]) => Promise<Set<string>>;

/** What the command records as its runs finish (e.g. its command.finished messages), in the caller's transaction. */
export type FinishingRuns = (manager: EntityManager, commandIds: string[]) => Promise<void>;

const nothingToRecord: FinishingRuns = async () => undefined;

export interface ExclusiveRun {
  clientId: string;
  type: string;
  /** Items of the command in all (most are kept by the command's own module). */
  itemCount: number;
}

/**
 * The run lifecycle of the commands under the single in-flight rule: a client runs one command of
 * a type at a time. One row per (client, command type) names the run holding the slot; opening a
 * run locks that row (SELECT … FOR UPDATE) in the caller's transaction, so two concurrent calls —
 * in one process or many — serialise and the second sees the first.
 */
@Injectable()
export class ExclusiveRunsService {
  constructor(private readonly runs: CommandRunsService) {}

  /**
   * Opens a run that holds the slot and returns its commandId. Fails with notAllowed while the run
   * holding the slot is unsettled; a run whose work is over but which was never marked done (a
   * worker died between the last work's commit and the run's finish) is finished here, `finishing`
   * first, and frees the slot.
   */
  async open(
    manager: EntityManager, run: ExclusiveRun, unsettled: UnsettledRuns, finishing: FinishingRuns = nothingToRecord,
  ): Promise<string> {
    await manager.query('INSERT IGNORE INTO command_locks (client_id, type, command_id) VALUES (?, ?, NULL)', [run.clientId, run.type]);
    const [lock] = await manager.query(
      `SELECT l.command_id AS commandId, r.state AS state
         FROM command_locks l LEFT JOIN command_runs r ON r.id = l.command_id
        WHERE l.client_id = ? AND l.type = ? FOR UPDATE`,
      [run.clientId, run.type],
    );
    if (lock?.commandId && lock.state !== 'done') {
      if ((await unsettled(manager, [lock.commandId])).size > 0) throw previousCommandRunning();
      await finishing(manager, [lock.commandId]);
      await this.runs.finishRun(manager, lock.commandId);
    }
    const commandId = await this.runs.createRun(manager, { clientId: run.clientId, type: run.type, items: [], itemCount: run.itemCount });
    await manager.query('UPDATE command_locks SET command_id = ? WHERE client_id = ? AND type = ?', [commandId, run.clientId, run.type]);
    return commandId;
  }

  /**
   * Marks done the runs among `commandIds` that are settled. The runs are locked first (id order):
   * of two transactions finishing one run, the second waits here and then, at READ COMMITTED,
   * `unsettled` sees the first's commit. `finishing` runs for the settled ones just before.
   * `skipLocked`: runs another transaction holds are not waited for but returned, for the caller to
   * try again after that transaction's commit.
   */
  async finishSettled(
    manager: EntityManager, commandIds: string[], unsettled: UnsettledRuns, finishing: FinishingRuns = nothingToRecord, skipLocked = false,
  ): Promise<string[]> {
    if (commandIds.length === 0) return [];
    const locked = await this.runs.lockRuns(manager, commandIds, skipLocked);
    const open = await unsettled(manager, locked);
    const settled = locked.filter((id) => !open.has(id));
    await finishing(manager, settled);
    await this.runs.finishRuns(manager, settled);
    return commandIds.filter((id) => !locked.includes(id));
  }
}
