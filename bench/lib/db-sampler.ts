import { Pool } from 'mysql2/promise';

export interface StatementShare {
  statement: string;
  state: string;
  /** Percent of samples in which a connection was in this statement and state (can add up to over 100 with concurrency). */
  percentOfSamples: number;
}

/** Collapses a statement to its shape: literals out, whitespace squeezed, the head kept. */
export function statementShape(sql: string): string {
  return sql
    .replace(/'[^']*('|$)/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 72);
}

/**
 * A statistical profile of the database side (with --profile): every few milliseconds, which
 * statements of the bench database are running and in what state — time spent waiting for row
 * locks shows up here, not in the app's CPU profile.
 */
export class DbSampler {
  private readonly counts = new Map<string, { statement: string; state: string; n: number }>();
  private samples = 0;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly pool: Pool, private readonly database: string, private readonly intervalMs = 25) {}

  start(): this {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const [rows] = await this.pool.query(
          `SELECT STATE AS state, LEFT(INFO, 160) AS info FROM information_schema.PROCESSLIST
            WHERE DB = ? AND COMMAND = 'Query' AND ID <> CONNECTION_ID()`,
          [this.database],
        );
        this.samples += 1;
        for (const row of rows as Array<{ state: string; info: string | null }>) {
          if (!row.info) continue;
          const statement = statementShape(row.info);
          const key = `${row.state}\u0000${statement}`;
          const entry = this.counts.get(key) ?? { statement, state: row.state, n: 0 };
          entry.n += 1;
          this.counts.set(key, entry);
        }
        await new Promise((r) => setTimeout(r, this.intervalMs));
      }
    })();
    return this;
  }

  async stop(top = 12): Promise<{ samples: number; statements: StatementShare[] }> {
    this.running = false;
    await this.loop;
    const statements = [...this.counts.values()].sort((a, b) => b.n - a.n).slice(0, top)
      .map((e) => ({ statement: e.statement, state: e.state, percentOfSamples: Math.round((e.n / Math.max(1, this.samples)) * 1000) / 10 }));
    return { samples: this.samples, statements };
  }
}
