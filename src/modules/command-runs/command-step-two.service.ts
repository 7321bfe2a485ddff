import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, isDuplicateKeyError } from '../../database/transaction';
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

  async execute(commandId: string): Promise<StepTwoReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.dataSource, (manager) => this.run(manager, commandId));
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= DUPLICATE_ATTEMPTS) throw error;
        this.logger.warn({ commandId, attempt }, 'A concurrent command created the same customer; deciding again');
      }
    }
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

  private async run(manager: EntityManager, commandId: string): Promise<StepTwoReport> {
    const run = await this.runs.lockRun(manager, commandId);
    const step = run ? this.steps[run.type] : undefined;
    if (!run || !step) return { commandId, type: run?.type ?? null, processed: 0, rejected: 0 };
    const pending = await this.runs.pendingItems(manager, commandId);
    const outcomes = pending.length > 0 ? await step(manager, run, pending) : [];
    await this.runs.recordOutcomes(manager, commandId, outcomes);
    await this.runs.finishRun(manager, commandId);
    return {
      commandId, type: run.type,
      processed: outcomes.filter((o) => o.state === 'processed').length,
      rejected: outcomes.filter((o) => o.state === 'rejected').length,
    };
  }
}
