import { EntityManager, EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Work = () => void;
interface RunnerData {
  afterCommit?: Work[];
}

/**
 * Runs `work` once the manager's transaction has committed (at once outside a transaction).
 * A unit of work retried after a deadlock runs its callbacks only for the attempt that committed,
 * so counts taken this way (metrics) match what the database holds.
 */
export function afterCommit(manager: EntityManager, work: Work): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return work();
  const data = runner.data as RunnerData;
  (data.afterCommit ??= []).push(work);
}

/** Fires the callbacks of afterCommit when the outermost transaction commits, drops them on rollback. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    for (const work of takeCallbacks(event.queryRunner.data as RunnerData)) work();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takeCallbacks(event.queryRunner.data as RunnerData);
  }
}

function takeCallbacks(data: RunnerData): Work[] {
  const callbacks = data.afterCommit ?? [];
  data.afterCommit = [];
  return callbacks;
}
