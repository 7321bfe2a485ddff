import { performance } from 'perf_hooks';
import { watchStep } from '../lib/step-load';
import { BenchContext, RAW_DB } from '../lib/context';
import { dropDatabase, freshMigratedDatabase, openPool } from '../lib/database';
import { EVENT_COLUMNS } from '../lib/event-generator';
import { newEventIds } from '../lib/random';

const ROWS_PER_STATEMENT = 1000;

/**
 * The raw rate: mysql2 multi-row INSERTs (1000 rows a statement, autocommit, as many writers as
 * the ingest has callers) of the very rows the CRM bulk endpoint stores, into a scratch database
 * made by the app's own migrations — on the same server, in the same run.
 */
export async function runBaseline(ctx: BenchContext): Promise<number> {
  const { sizes } = ctx;
  const prepare = ctx.progress.step('baseline: generating rows', sizes.baselineRows, 'rows');
  await freshMigratedDatabase(ctx.config, RAW_DB);
  const statements: unknown[][][] = [];
  for (let start = 0; start < sizes.baselineRows; start += ROWS_PER_STATEMENT) {
    const count = Math.min(ROWS_PER_STATEMENT, sizes.baselineRows - start);
    const ids = newEventIds(count);
    statements.push(ids.map((id, i) => ctx.generator.crmRow(ctx.generator.purchase(), id, ctx.clients.crm.id, String(start + i + 1))));
    prepare.update(start + count);
  }
  prepare.done();

  const raw = openPool(ctx.config, RAW_DB, sizes.writers);
  const step = ctx.progress.step('baseline: raw multi-row INSERT', sizes.baselineRows, 'rows');
  const load = await watchStep(ctx.cpu, ctx.pool, ctx.options.profile ? RAW_DB : undefined);
  try {
    // Connections are opened before the clock starts.
    await Promise.all(Array.from({ length: sizes.writers }, () => raw.query('SELECT 1')));
    let next = 0;
    let written = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: sizes.writers }, async () => {
      while (next < statements.length) {
        const rows = statements[next++];
        await raw.query(`INSERT INTO customer_events (${EVENT_COLUMNS}) VALUES ?`, [rows]);
        written += rows.length;
        step.update(written);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const rate = written / seconds;
    step.done(`${Math.round(rate).toLocaleString('en-US')} rows/s`);
    ctx.details.baseline = { rows: written, writers: sizes.writers, rowsPerStatement: ROWS_PER_STATEMENT, seconds: Math.round(seconds * 100) / 100, ...(await load()) };
    ctx.figures.push({ key: 'baseline', label: `Baseline: raw INSERT, ${sizes.writers} writers`, value: Math.round(rate), unit: 'rows/s' });
    return rate;
  } finally {
    await raw.end();
    await dropDatabase(ctx.config, RAW_DB);
  }
}
