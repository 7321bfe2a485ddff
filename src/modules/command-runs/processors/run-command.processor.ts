import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { RepeatableJobProcessor } from '../../../common/queue/repeatable-job';
import { CommandStepTwoService } from '../command-step-two.service';

export const RECONCILE_COMMANDS_EVERY_MS = 60000;

export interface RunCommandJob {
  commandId: string;
}

/** Step 2 of addCustomerPointMessage and addBonusExtQuick. The job carries the commandId only. */
@Processor(QUEUES.commands)
export class RunCommandProcessor extends RepeatableJobProcessor {
  private readonly logger = new Logger(RunCommandProcessor.name);

  constructor(
    private readonly stepTwo: CommandStepTwoService,
    @InjectQueue(QUEUES.commands) queue: Queue,
  ) {
    super(queue, JOBS.reconcileCommands, RECONCILE_COMMANDS_EVERY_MS, 10);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.requeueUnfinished();
    await super.onApplicationBootstrap();
  }

  /** A run whose job was lost (Redis restart) is queued again; a job still held by Bull is not duplicated (same job id). */
  @Process(JOBS.reconcileCommands)
  async requeueUnfinished(): Promise<void> {
    const requeued = await this.stepTwo.requeueUnfinished();
    if (requeued > 0) this.logger.log({ requeued }, 'Unfinished commands queued again');
  }

  @Process(JOBS.runCommand)
  async run(job: Job<RunCommandJob>): Promise<void> {
    const { commandId } = job.data;
    this.logger.log({ commandId, attempt: job.attemptsMade + 1 }, 'Command step 2 started');
    const report = await this.stepTwo.execute(commandId);
    if (report.type === null) this.logger.warn({ commandId }, 'Command step 2 found no such command; job discarded');
    else this.logger.log(report, 'Command step 2 finished');
  }
}
