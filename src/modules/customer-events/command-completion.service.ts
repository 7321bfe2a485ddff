import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommandRunsService } from '../command-runs';
import { EventWebhooks } from './event-webhooks.service';

/**
 * When a loadCustomerEventsExt command is over: none of its events is pending. Its run is marked
 * done in the transaction that makes the last events final, so no crash can leave it running.
 */
@Injectable()
export class CommandCompletionService {
  constructor(
    private readonly runs: CommandRunsService,
    private readonly webhooks: EventWebhooks,
  ) {}

  async hasPendingEvents(manager: EntityManager, commandId: string): Promise<boolean> {
    return (await this.pendingCommands(manager, [commandId])).size > 0;
  }

  /**
   * Finishes the runs of these commands that have no pending event left. The runs are locked
   * first, so at READ COMMITTED the check sees every transaction that finished events before.
   */
  async finishIfDone(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0) return;
    await this.runs.lockRuns(manager, commandIds);
    const pending = await this.pendingCommands(manager, commandIds);
    const finished = commandIds.filter((id) => !pending.has(id));
    await this.webhooks.commandsFinishing(manager, finished);
    await this.runs.finishRuns(manager, finished);
  }

  private async pendingCommands(manager: EntityManager, commandIds: string[]): Promise<Set<string>> {
    const rows: Array<{ commandId: string }> = await manager.query(
      "SELECT DISTINCT command_id AS commandId FROM customer_events WHERE command_id IN (?) AND state = 'pending'",
      [commandIds],
    );
    return new Set(rows.map((r) => r.commandId));
  }
}
