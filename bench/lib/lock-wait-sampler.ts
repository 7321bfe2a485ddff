import { Pool } from 'mysql2/promise';

export interface LockWaitsSeen {
  /** Distinct row-lock waits seen in the bench database (a wait shorter than the interval can be missed). */
  waits: number;
  /** The same waits by the table whose lock was waited for. */
  byTable: Record<string, number>;
  intervalMs: number;
}

/**
 * Row-lock waits of the bench database's own transactions, sampled from InnoDB's lock-wait
 * tables, by the table waited on. A partial view: MariaDB lists a transaction waiting for a row
 * that another one inserted and has not committed yet as running, with no lock request, so such
 * waits are counted only by Innodb_row_lock_waits.
 */
export class LockWaitSampler {
  private readonly seen = new Map<string, string>();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly pool: Pool, private readonly database: string, private readonly intervalMs = 50) {}

  start(): this {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const [rows] = await this.pool.query(
          `SELECT w.requesting_trx_id AS trx, w.requested_lock_id AS lockId, l.lock_table AS tbl
             FROM information_schema.INNODB_LOCK_WAITS w
             JOIN information_schema.INNODB_LOCKS l ON l.lock_id = w.requested_lock_id
             JOIN information_schema.INNODB_TRX t ON t.trx_id = w.requesting_trx_id
             JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
            WHERE p.DB = ?`,
          [this.database],
        ).catch(() => [[]]);
        for (const row of rows as Array<{ trx: string; lockId: string; tbl: string }>) this.seen.set(`${row.trx}/${row.lockId}`, row.tbl);
        await new Promise((r) => setTimeout(r, this.intervalMs));
      }
    })();
    return this;
  }

  async stop(): Promise<LockWaitsSeen> {
    this.running = false;
    await this.loop;
    const byTable: Record<string, number> = {};
    for (const table of this.seen.values()) byTable[table] = (byTable[table] ?? 0) + 1;
    return { waits: this.seen.size, byTable, intervalMs: this.intervalMs };
  }
}
