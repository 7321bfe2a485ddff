import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { RepeatableJobProcessor } from '../../../common/queue/repeatable-job';
import { PendingEventsReconciler } from '../processing/pending-events-reconciler.service';

export const RECONCILE_EVERY_MS = 30000;

/** The repeatable reconciler job: requeues events a lost job left pending and finishes commands left running. */
@Processor(QUEUES.maintenance)
export class ReconcileEventsProcessor extends RepeatableJobProcessor {
  private readonly logger = new Logger(ReconcileEventsProcessor.name);

  constructor(
    private readonly reconciler: PendingEventsReconciler,
    @InjectQueue(QUEUES.maintenance) queue: Queue,
  ) {
    super(queue, JOBS.reconcileEvents, RECONCILE_EVERY_MS, 10);
  }

  @Process(JOBS.reconcileEvents)
  async reconcile(): Promise<void> {
    const requeued = await this.reconciler.requeueStale();
    const finished = await this.reconciler.finishIdleRuns();
    if (requeued || finished) this.logger.log({ requeued, finished }, 'Reconciler run');
  }
}
