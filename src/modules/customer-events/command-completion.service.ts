import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { ExclusiveRunsService, FinishingRuns, UnsettledRuns } from '../command-runs';
import { EventWebhooks } from './event-webhooks.service';

/** How often a chunk looks for a run another chunk holds before it waits for its lock, and the pause between. */
const RUN_LOCK_ATTEMPTS = 3;
const RUN_LOCK_PAUSE_MS = 20;

/**
 * When a loadCustomerEventsExt command is settled: none of its events is pending. A processing
 * chunk checks that after its commit and only then locks the run, in a short transaction of its
 * own, so the chunks of one command never wait on each other's run lock. The chunk that commits
 * last sees every other chunk's commit, so some chunk always finishes the run; a worker that dies
 * between its commit and that check leaves the run to the reconciler, or to the client's next
 * command, which both finish it the same way.
 */
@Injectable()
export class CommandCompletionService {
  private readonly logger = new Logger(CommandCompletionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ExclusiveRunsService,
    private readonly webhooks: EventWebhooks,
  ) {}

  /**
   * Finishes the runs of these commands that have no pending event left (their command.finished
   * recorded first). `skipLocked`: runs another transaction holds are returned instead of waited for.
   */
  finishIfDone(manager: EntityManager, commandIds: string[], skipLocked = false): Promise<string[]> {
    return this.runs.finishSettled(manager, commandIds, this.withPendingEvents, this.recordFinished, skipLocked);
  }

  /**
   * After a chunk's commit: finishes the runs of its commands that a plain read finds settled. When
   * the chunk of another partition holds a run (both settled the command's last events at once),
   * it does not wait for that row lock but looks again once that short transaction is over, and
   * waits only the last time. A failure here is logged, not thrown: the chunk is final, and the
   * reconciler finishes the run.
   */
  async finishAfterCommit(commandIds: string[]): Promise<void> {
    if (commandIds.length === 0) return;
    try {
      const open = await this.withPendingEvents(this.dataSource.manager, commandIds);
      let settled = commandIds.filter((id) => !open.has(id));
      for (let attempt = 1; settled.length > 0; attempt++) {
        const skipLocked = attempt < RUN_LOCK_ATTEMPTS;
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, RUN_LOCK_PAUSE_MS));
        settled = await inTransaction(this.dataSource, (manager) => this.finishIfDone(manager, settled, skipLocked), 'READ COMMITTED');
        if (!skipLocked) break;
      }
    } catch (error) {
      this.logger.warn({ err: error, commandIds }, 'Commands not finished after their last chunk; the reconciler will finish them');
    }
  }

  /** The commands among `commandIds` that still have pending events. */
  readonly withPendingEvents: UnsettledRuns = async (manager, commandIds) => {
    if (commandIds.length === 0) return new Set();
    const rows: Array<{ commandId: string }> = await manager.query(
      "SELECT DISTINCT command_id AS commandId FROM customer_events WHERE command_id IN (?) AND state = 'pending'",
      [commandIds],
    );
    return new Set(rows.map((r) => r.commandId));
  };

  /** Records command.finished for the runs about to be marked done. */
  readonly recordFinished: FinishingRuns = (manager, commandIds) => this.webhooks.commandsFinishing(manager, commandIds);
}
