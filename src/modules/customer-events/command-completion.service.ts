import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExclusiveRunsService, UnsettledRuns } from '../command-runs';
import { EventWebhooks } from './event-webhooks.service';

/**
 * When a loadCustomerEventsExt command is settled: none of its events is pending. Its run is
 * marked done in the transaction that makes the last events final, so no crash can leave it running.
 */
@Injectable()
export class CommandCompletionService {
  constructor(
    private readonly runs: ExclusiveRunsService,
    private readonly webhooks: EventWebhooks,
  ) {}

  /** Finishes the runs of these commands that have no pending event left (their command.finished recorded first). */
  finishIfDone(manager: EntityManager, commandIds: string[]): Promise<void> {
    return this.runs.finishSettled(manager, commandIds, this.withPendingEvents, (m, finished) => this.webhooks.commandsFinishing(m, finished));
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
}
