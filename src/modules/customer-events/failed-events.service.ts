import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors';
import { inTransaction } from '../../database/transaction';
import { CommandRunsService } from '../command-runs/command-runs.service';
import { parseRequeueSelection, RequeueSelection } from './domain/requeue-selection';
import { EventRegisterService } from './event-register.service';

const REQUEUE_BATCH = 1000;

export const invalidRequeue = (errors: string[]) => new AppError(ErrorCode.WrongParam, errors.join('; '));

/**
 * Failed events sent back to processing by an admin (after the cause is fixed): each is pending
 * again and queued, and its command counts as running until it is final again.
 */
@Injectable()
export class FailedEventsService {
  private readonly logger = new Logger(FailedEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: EventRegisterService,
    private readonly runs: CommandRunsService,
  ) {}

  async requeue(body: Record<string, unknown>): Promise<{ requeued: number }> {
    const parsed = parseRequeueSelection(body);
    if (!parsed.ok) throw invalidRequeue(parsed.errors);
    let requeued = 0;
    for (;;) {
      const ids = await this.reopenBatch(parsed.value);
      // A round of its own: Bull keeps finished jobs, and would ignore the first round's job id.
      await this.register.enqueue(ids, `admin-requeue-${Date.now()}`);
      requeued += ids.length;
      if (ids.length < REQUEUE_BATCH) break;
    }
    this.logger.log({ requeued }, 'Failed events requeued');
    return { requeued };
  }

  private reopenBatch(selection: RequeueSelection): Promise<string[]> {
    const [filter, params] = 'ids' in selection
      ? ['id IN (?)', [selection.ids]]
      : ['processed_at BETWEEN ? AND ?', [selection.from, selection.to]];
    return inTransaction(this.dataSource, async (manager) => {
      const rows: Array<{ id: string; commandId: string | null }> = await manager.query(
        `SELECT id, command_id AS commandId FROM customer_events WHERE state = 'failed' AND ${filter} ORDER BY number LIMIT ? FOR UPDATE`,
        [...params, REQUEUE_BATCH],
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await manager.query("UPDATE customer_events SET state = 'pending', error = NULL, processed_at = NULL WHERE id IN (?)", [ids]);
      await this.runs.reopenRuns(manager, [...new Set(rows.map((r) => r.commandId).filter((c): c is string => !!c))]);
      return ids;
    }, 'READ COMMITTED');
  }
}
