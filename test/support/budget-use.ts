import { DataSource } from 'typeorm';

/** A budgeted rule's use as the admin API reports it: the sum of its shares' use. */
export async function budgetUsedOf(dataSource: DataSource, ruleId: string): Promise<string> {
  const [row] = await dataSource.query(
    'SELECT CAST(COALESCE(SUM(used), 0) AS DECIMAL(18,2)) AS used FROM rule_budget_shares WHERE rule_id = ?',
    [ruleId],
  );
  return row.used;
}
