import { Pool } from 'mysql2/promise';
import { EventFacts } from '../../src/modules/rewards-rules/domain/event-facts';
import { RuleDefinition } from '../../src/modules/rewards-rules/domain/rule-definition';
import { parseRule } from '../../src/modules/rewards-rules/domain/rule-validation';
import { AwardComparison, BookedLine, compareAwards, LimitedAccrual, SampledEvent, UsageRow } from './award-comparison';
import { BENCH_RULES } from './fixtures';
import { seededRandom } from './random';

/** Fixed, so a failing sample is the same events when the run is repeated on the same data set. */
const SAMPLE_SEED = 0x5eed;
const IDS_PER_QUERY = 1000;

type Row = Record<string, unknown>;

export interface AwardSample extends AwardComparison {
  /** Sample size asked for; `events` is less only when fewer backlog events were processed. */
  wanted: number;
}

/**
 * Checks the awards of a random sample of the processed backlog events against the bench's rules
 * evaluated one event at a time (see compareAwards). The rules are the fixtures as the bench
 * defined them, not as the app stored them, so a rule the app stored or loaded wrongly shows too.
 */
export async function checkAwardSample(pool: Pool, backlogIds: readonly string[], size: number): Promise<AwardSample> {
  const { rules, budgetUsed } = await benchRules(pool);
  const sample = await sampleProcessed(pool, backlogIds, size);
  const eventIds = sample.map((e) => e.id);
  const accountIds = [...new Set(sample.map((e) => e.accountId))];
  const limitedRules = rules
    .filter((r) => r.limits?.maxPointsPerCustomerPerDay !== undefined || r.limits?.maxPointsPerCustomerPerMonth !== undefined)
    .map((r) => r.id);

  const booked = (await inChunks(pool, eventIds, 'SELECT event_id, account_id, rule_id, type, points FROM bonus_operations WHERE event_id IN (?)'))
    .map((r): BookedLine => ({ eventId: String(r.event_id), accountId: String(r.account_id), ruleId: r.rule_id == null ? null : String(r.rule_id), type: String(r.type), points: String(r.points) }));
  const accruals = limitedRules.length === 0 ? [] : (await inChunks(pool, accountIds,
    `SELECT o.account_id, o.rule_id, o.points, e.number, CAST(e.processed_at AS CHAR) AS processed_at,
            JSON_UNQUOTE(JSON_EXTRACT(e.attributes, '$.performedOn')) AS performed_on
       FROM bonus_operations o JOIN customer_events e ON e.id = o.event_id
      WHERE o.account_id IN (?) AND o.type = 'accrual' AND o.rule_id IN (?)`, [limitedRules]))
    .map((r): LimitedAccrual => ({
      ruleId: String(r.rule_id), accountId: String(r.account_id), points: String(r.points),
      performedOn: String(r.performed_on), number: String(r.number), processedAt: String(r.processed_at),
    }));
  const usage = limitedRules.length === 0 ? [] : (await inChunks(pool, accountIds,
    'SELECT rule_id, account_id, period, points FROM rule_usage WHERE account_id IN (?) AND rule_id IN (?)', [limitedRules]))
    .map((r): UsageRow => ({ ruleId: String(r.rule_id), accountId: String(r.account_id), period: String(r.period), points: String(r.points) }));

  return { wanted: size, ...compareAwards({ rules, budgetUsed, sample, booked, accruals, usage }) };
}

/** The bench's fixture rules, validated as the app validates them, with the ids and budget use the app has for them. */
async function benchRules(pool: Pool): Promise<{ rules: RuleDefinition[]; budgetUsed: Map<string, string> }> {
  const [rows] = (await pool.query(
    `SELECT r.id, r.name, (SELECT CAST(COALESCE(SUM(s.used), 0) AS DECIMAL(18,2)) FROM rule_budget_shares s WHERE s.rule_id = r.id) AS budget_used
       FROM reward_rules r WHERE r.deleted_at IS NULL AND r.active = 1`,
  )) as unknown as [Row[]];
  const stored = new Map(rows.map((r) => [String(r.name), r]));
  const names = BENCH_RULES.map((r) => r.name);
  if (rows.length !== BENCH_RULES.length || names.some((name) => !stored.has(name))) {
    throw new Error(`award sample: the active rules are not the bench's (${rows.map((r) => r.name).join(', ')})`);
  }
  const rules: RuleDefinition[] = [];
  const budgetUsed = new Map<string, string>();
  for (const fixture of BENCH_RULES) {
    const parsed = parseRule(fixture);
    if (!parsed.ok) throw new Error(`award sample: bench rule ${fixture.name} is invalid: ${parsed.errors.join('; ')}`);
    const row = stored.get(fixture.name)!;
    rules.push({ id: String(row.id), ...parsed.value });
    budgetUsed.set(String(row.id), String(row.budget_used));
  }
  return { rules, budgetUsed };
}

/** Up to `size` processed events drawn uniformly from the backlog (a partial shuffle of its ids). */
async function sampleProcessed(pool: Pool, ids: readonly string[], size: number): Promise<SampledEvent[]> {
  const random = seededRandom(SAMPLE_SEED);
  const order = Uint32Array.from({ length: ids.length }, (_, i) => i);
  const sample: SampledEvent[] = [];
  let drawn = 0;
  while (sample.length < size && drawn < ids.length) {
    const batch: string[] = [];
    for (const end = Math.min(ids.length, drawn + size - sample.length); drawn < end; drawn++) {
      const j = drawn + Math.floor(random() * (ids.length - drawn));
      [order[drawn], order[j]] = [order[j], order[drawn]];
      batch.push(ids[order[drawn]]);
    }
    const rows = await inChunks(pool, batch,
      `SELECT id, number, account_id, attributes, points, error, CAST(processed_at AS CHAR) AS processed_at
         FROM customer_events WHERE id IN (?) AND state = 'processed'`);
    for (const r of rows) {
      sample.push({
        id: String(r.id), number: String(r.number), processedAt: String(r.processed_at), accountId: String(r.account_id),
        facts: (typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes) as EventFacts,
        points: String(r.points), error: r.error == null ? null : String(r.error),
      });
    }
  }
  return sample;
}

/** Runs `sql` with `?` the list of ids, 1000 at a time; `extra` are the parameters after it. */
async function inChunks(pool: Pool, ids: readonly string[], sql: string, extra: unknown[] = []): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const [chunk] = (await pool.query(sql, [ids.slice(i, i + IDS_PER_QUERY), ...extra])) as unknown as [Row[]];
    rows.push(...chunk);
  }
  return rows;
}
