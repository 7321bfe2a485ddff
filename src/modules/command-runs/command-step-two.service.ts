import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/errors';
import { inTransaction, isDuplicateKeyError, isRetryableLockError } from '../../database/transaction';
import { CommandRunsService } from './command-runs.service';
import { ItemOutcome, LockedRun, PendingItem } from './command-runs.types';
import { ADD_CUSTOMER_POINT_MESSAGE, PointMessagesService } from './point-messages.service';
import { ADD_BONUS_EXT_QUICK, QuickBonusesService } from './quick-bonuses.service';

/** A concurrent command may create the same customer first: the unit of work is read and decided again. */
const DUPLICATE_ATTEMPTS = 5;

export const STEP_TWO_COMMANDS = [ADD_CUSTOMER_POINT_MESSAGE, ADD_BONUS_EXT_QUICK];

export interface StepTwoReport {
  commandId: string;
  type: string | null;
  processed: number;
  rejected: number;
}

/**
 * Step 2 of the customer commands, in one transaction per run: the run row is locked, so a job
 * delivered twice runs once and then finds every item final; every write is idempotent besides.
 */
@Injectable()
export class CommandStepTwoService {
  private readonly logger = new Logger(CommandStepTwoService.name);
  private readonly steps: Record<string, (manager: EntityManager, run: LockedRun, items: PendingItem[]) => Promise<ItemOutcome[]>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: CommandRunsService,
    pointMessages: PointMessagesService,
    quickBonuses: QuickBonusesService,
  ) {
    this.steps = {
      [ADD_CUSTOMER_POINT_MESSAGE]: (m, r, i) => pointMessages.process(m, r, i),
      [ADD_BONUS_EXT_QUICK]: (m, r, i) => quickBonuses.process(m, r, i),
    };
  }

  /**
   * Runs the command's pending items in one transaction. If that fails for another reason than a
   * lock conflict (which Bull retries), the items are run one by one, like the events of a failed
   * chunk: an item that fails alone is `failed` with its reason, and the run finishes.
   */
  async execute(commandId: string): Promise<StepTwoReport> {
    try {
      return await this.inUnitOfWork(commandId, (manager) => this.run(manager, commandId, null));
    } catch (error) {
      if (isRetryableLockError(error)) throw error;
      this.logger.warn({ commandId, err: error }, 'Command step 2 failed; processing its items one by one');
      return this.runItemByItem(commandId);
    }
  }

  private async inUnitOfWork<T>(commandId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.dataSource, work);
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= DUPLICATE_ATTEMPTS) throw error;
        this.logger.warn({ commandId, attempt }, 'A concurrent command created the same customer; deciding again');
      }
    }
  }

  private async runItemByItem(commandId: string): Promise<StepTwoReport> {
    const pending = await this.runs.pendingItems(this.dataSource.manager, commandId);
    const report: StepTwoReport = { commandId, type: null, processed: 0, rejected: 0 };
    for (const { itemIndex } of pending) {
      try {
        const one = await this.inUnitOfWork(commandId, (manager) => this.run(manager, commandId, itemIndex));
        report.type = one.type;
        report.processed += one.processed;
        report.rejected += one.rejected;
      } catch (error) {
        if (isRetryableLockError(error)) throw error;
        this.logger.error({ commandId, itemIndex, err: error }, 'Command item could not be processed');
        const reason = error instanceof AppError ? error.message : 'Processing failed';
        await this.runs.recordOutcomes(this.dataSource.manager, commandId, [{ itemIndex, state: 'failed', customerId: null, points: null, error: reason }]);
      }
    }
    await this.runs.finishRun(this.dataSource.manager, commandId);
    return report;
  }

  /** Runs of these commands not yet done: after a restart or a lost job they are queued again. */
  async requeueUnfinished(): Promise<number> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      "SELECT id FROM command_runs WHERE type IN (?) AND state <> 'done' ORDER BY created_at LIMIT 10000",
      [STEP_TWO_COMMANDS],
    );
    for (const { id } of rows) await this.runs.enqueue(id);
    return rows.length;
  }

  /** The pending items of the run, or only the one at `onlyItem`; the run is finished when all were run. */
  private async run(manager: EntityManager, commandId: string, onlyItem: number | null): Promise<StepTwoReport> {
    const run = await this.runs.lockRun(manager, commandId);
    const step = run ? this.steps[run.type] : undefined;
    if (!run || !step) return { commandId, type: run?.type ?? null, processed: 0, rejected: 0 };
    const pending = await this.runs.pendingItems(manager, commandId, onlyItem);
    const outcomes = pending.length > 0 ? await step(manager, run, pending) : [];
    await this.runs.recordOutcomes(manager, commandId, outcomes);
    if (onlyItem === null) await this.runs.finishRun(manager, commandId);
    return {
      commandId, type: run.type,
      processed: outcomes.filter((o) => o.state === 'processed').length,
      rejected: outcomes.filter((o) => o.state === 'rejected').length,
    };
  }
}
