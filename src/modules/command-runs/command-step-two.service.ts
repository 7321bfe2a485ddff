import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, isDuplicateKeyError, isRetryableLockError } from '../../common/errors';
import { inTransaction } from '../../database/transaction';
import { CommandRunsService } from './command-runs.service';
import { STEP_TWO_HANDLERS, StepTwoHandler } from './step-two-handler';

/** A concurrent command may create the same customer first: the unit of work is read and decided again. */
const DUPLICATE_ATTEMPTS = 5;

const REQUEUE_BATCH = 10000;

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
  private readonly steps: Map<string, StepTwoHandler>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: CommandRunsService,
    @Inject(STEP_TWO_HANDLERS) handlers: StepTwoHandler[],
  ) {
    this.steps = new Map(handlers.map((h) => [h.command, h]));
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
    const ids = await this.runs.unfinished([...this.steps.keys()], REQUEUE_BATCH);
    for (const id of ids) await this.runs.enqueue(id);
    return ids.length;
  }

  /** The pending items of the run, or only the one at `onlyItem`; the run is finished when all were run. */
  private async run(manager: EntityManager, commandId: string, onlyItem: number | null): Promise<StepTwoReport> {
    const run = await this.runs.lockRun(manager, commandId);
    const step = run ? this.steps.get(run.type) : undefined;
    if (!run || !step) return { commandId, type: run?.type ?? null, processed: 0, rejected: 0 };
    const pending = await this.runs.pendingItems(manager, commandId, onlyItem);
    const outcomes = pending.length > 0 ? await step.process(manager, run, pending) : [];
    await this.runs.recordOutcomes(manager, commandId, outcomes);
    if (onlyItem === null) await this.runs.finishRun(manager, commandId);
    return {
      commandId, type: run.type,
      processed: outcomes.filter((o) => o.state === 'processed').length,
      rejected: outcomes.filter((o) => o.state === 'rejected').length,
    };
  }
}
