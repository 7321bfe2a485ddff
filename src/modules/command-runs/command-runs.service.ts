import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { randomUUID } from 'crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../../common/queue/queues';
import { ENQUEUE_TIMEOUT_MS, withinTime } from '../../common/queue/within-time';
import { ItemOutcome, ItemRecord, LockedRun, NewCommandItem, NewCommandRun, PendingItem } from './command-runs.types';
import { RunWebhooks } from './run-webhooks';

const CHUNK = 1000;

const ITEM_SELECT = `SELECT i.command_id AS commandId, r.client_id AS clientId, i.item_index AS itemIndex, i.item_key AS itemKey,
  i.state, i.customer_id AS customerId, i.points, i.error`;

/** Bookkeeping of asynchronous Command API calls: the run, its items and their outcomes. */
@Injectable()
export class CommandRunsService {
  private readonly logger = new Logger(CommandRunsService.name);

  constructor(
    @InjectQueue(QUEUES.commands) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: RunWebhooks,
  ) {}

  /**
   * Step 1's bookkeeping of a customer command: the run and its items stored in one transaction,
   * then step 2 queued — or the run finished at once when every item was already refused.
   */
  async startRun(clientId: string, type: string, items: NewCommandItem[]): Promise<string> {
    const pending = items.some((i) => !i.state);
    const commandId = await inTransaction(this.dataSource, async (manager) => {
      const id = await this.createRun(manager, { clientId, type, items });
      if (!pending) await this.finishRun(manager, id);
      return id;
    });
    if (pending) await this.enqueue(commandId);
    return commandId;
  }

  /** Inserts the run and its items (multi-row); returns the commandId. */
  async createRun(manager: EntityManager, input: NewCommandRun): Promise<string> {
    const commandId = input.id ?? randomUUID();
    await manager.query('INSERT INTO command_runs (id, client_id, type, state, item_count, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      commandId, input.clientId, input.type, 'accepted', input.itemCount ?? input.items.length, new Date(),
    ]);
    await this.addItems(manager, commandId, input.items);
    return commandId;
  }

  /** Stores items of a run (multi-row), numbered from 0 in the order given. */
  async addItems(manager: EntityManager, commandId: string, items: NewCommandItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += CHUNK) {
      const rows = items.slice(i, i + CHUNK).map((item, n) => [
        commandId, i + n, item.itemKey, item.payload === null ? null : JSON.stringify(item.payload), item.state ?? 'pending', item.error ?? null,
      ]);
      await manager.query('INSERT INTO command_items (command_id, item_index, item_key, payload, state, error) VALUES ?', [rows]);
    }
  }

  /** Whether the client has a run with this commandId. */
  async exists(clientId: string, commandId: string): Promise<boolean> {
    const [run] = await this.dataSource.query('SELECT id FROM command_runs WHERE id = ? AND client_id = ?', [commandId, clientId]);
    return !!run;
  }

  /** Runs of these types not yet done, oldest first. */
  async unfinished(types: string[], limit: number): Promise<string[]> {
    if (types.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      "SELECT id FROM command_runs WHERE type IN (?) AND state <> 'done' ORDER BY created_at LIMIT ?",
      [types, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The recorded items, in one query: the client's items with these keys (runs in the order they
   * were accepted), or every item of one run.
   */
  async itemOutcomes(query: { clientId: string; itemKeys: string[] } | { commandId: string }): Promise<ItemRecord[]> {
    if ('itemKeys' in query && query.itemKeys.length === 0) return [];
    const rows: Array<Omit<ItemRecord, 'itemIndex'> & { itemIndex: number | string }> = 'itemKeys' in query
      ? await this.dataSource.query(
        `${ITEM_SELECT} FROM command_items i JOIN command_runs r ON r.id = i.command_id
          WHERE r.client_id = ? AND i.item_key IN (?) ORDER BY r.created_at, i.item_index`,
        [query.clientId, query.itemKeys],
      )
      : await this.dataSource.query(
        `${ITEM_SELECT} FROM command_items i JOIN command_runs r ON r.id = i.command_id WHERE i.command_id = ? ORDER BY i.item_index`,
        [query.commandId],
      );
    return rows.map((r) => ({ ...r, clientId: String(r.clientId), itemIndex: Number(r.itemIndex) }));
  }

  /** Records the final state of items in one UPDATE. */
  async recordOutcomes(manager: EntityManager, commandId: string, outcomes: ItemOutcome[]): Promise<void> {
    for (let i = 0; i < outcomes.length; i += CHUNK) {
      const chunk = outcomes.slice(i, i + CHUNK);
      const cases = (column: string, value: (o: ItemOutcome) => unknown) => ({
        sql: `${column} = CASE item_index ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END`,
        params: chunk.flatMap((o) => [o.itemIndex, value(o)]),
      });
      const sets = [
        cases('state', (o) => o.state), cases('customer_id', (o) => o.customerId ?? null),
        cases('points', (o) => o.points ?? null), cases('error', (o) => o.error ?? null),
      ];
      await manager.query(
        `UPDATE command_items SET ${sets.map((s) => s.sql).join(', ')} WHERE command_id = ? AND item_index IN (?)`,
        [...sets.flatMap((s) => s.params), commandId, chunk.map((o) => o.itemIndex)],
      );
    }
  }

  async finishRun(manager: EntityManager, commandId: string): Promise<void> {
    await this.webhooks.finishing(manager, [commandId]);
    await this.finishRuns(manager, [commandId]);
  }

  async finishRuns(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0) return;
    await manager.query("UPDATE command_runs SET state = 'done', finished_at = ? WHERE id IN (?) AND state <> 'done'", [new Date(), commandIds]);
  }

  /** The runs among these that are not done yet. */
  async openRuns(manager: EntityManager, commandIds: string[]): Promise<Array<Pick<LockedRun, 'id' | 'clientId' | 'type'>>> {
    if (commandIds.length === 0) return [];
    const runs: Array<{ id: string; client_id: string; type: string }> = await manager.query(
      "SELECT id, client_id, type FROM command_runs WHERE id IN (?) AND state <> 'done'",
      [commandIds],
    );
    return runs.map((r) => ({ id: r.id, clientId: String(r.client_id), type: r.type }));
  }

  /** Runs whose events were sent back to processing count as running again. */
  async reopenRuns(manager: EntityManager, commandIds: string[]): Promise<void> {
    if (commandIds.length === 0) return;
    await manager.query("UPDATE command_runs SET state = 'accepted', finished_at = NULL WHERE id IN (?)", [commandIds]);
  }

  /**
   * Locks the runs (id order) until the caller's transaction ends: of two transactions finishing
   * the last events of one command, the second waits here and then sees the first's commit. With
   * `skipLocked` it does not wait but leaves out the runs another transaction holds. Returns the
   * ids of the runs it locked.
   */
  async lockRuns(manager: EntityManager, commandIds: string[], skipLocked = false): Promise<string[]> {
    if (commandIds.length === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM command_runs WHERE id IN (?) ORDER BY id FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [commandIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Locks the run row for step 2: two deliveries of the same job serialise here and the second
   * finds the items already final.
   */
  async lockRun(manager: EntityManager, commandId: string): Promise<LockedRun | null> {
    const [run]: Array<{ id: string; client_id: string; type: string; state: string }> = await manager.query(
      'SELECT id, client_id, type, state FROM command_runs WHERE id = ? FOR UPDATE',
      [commandId],
    );
    if (!run) return null;
    if (run.state === 'accepted') await manager.query("UPDATE command_runs SET state = 'processing' WHERE id = ?", [commandId]);
    return { id: run.id, clientId: String(run.client_id), type: run.type, state: run.state };
  }

  /** The run's pending items, or only the one at `itemIndex`. */
  async pendingItems(manager: EntityManager, commandId: string, itemIndex: number | null = null): Promise<PendingItem[]> {
    const rows: Array<{ item_index: number; item_key: string | null; payload: unknown }> = await manager.query(
      `SELECT item_index, item_key, payload FROM command_items WHERE command_id = ? AND state = 'pending'${itemIndex === null ? '' : ' AND item_index = ?'}
        ORDER BY item_index`,
      itemIndex === null ? [commandId] : [commandId, itemIndex],
    );
    return rows.map((r) => ({
      itemIndex: Number(r.item_index), itemKey: r.item_key,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    }));
  }

  /**
   * Queues step 2 once the step-1 transaction has committed; the job id is the commandId, so a
   * repeat is a no-op. The run is already stored: if Redis refuses the job or does not take it within
   * ENQUEUE_TIMEOUT_MS, the answer still stands and the commands reconciler queues the run again.
   */
  async enqueue(commandId: string): Promise<void> {
    try {
      await withinTime(this.queue.add(JOBS.runCommand, { commandId }, { ...DEFAULT_JOB_OPTIONS, jobId: commandId }), ENQUEUE_TIMEOUT_MS, 'Queueing command step 2');
    } catch (error) {
      this.logger.error({ commandId, err: error }, 'Command step 2 could not be queued now; the commands reconciler will queue it');
    }
  }
}
