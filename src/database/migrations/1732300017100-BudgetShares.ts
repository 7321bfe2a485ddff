import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budgeted rule's use is counted per share (one per event partition) instead of on the rule's
 * row, which every partition's chunks updated in turn (the only row-lock waits between processing
 * jobs). The rule's row keeps how much of the budget it has granted to its shares.
 */
export class BudgetShares1732300017100 implements MigrationInterface {
  name = 'BudgetShares1732300017100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rule_budget_shares (
      rule_id BIGINT UNSIGNED NOT NULL,
      share SMALLINT UNSIGNED NOT NULL,
      granted DECIMAL(18,2) NOT NULL DEFAULT 0,
      used DECIMAL(18,2) NOT NULL DEFAULT 0,
      PRIMARY KEY (rule_id, share)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('ALTER TABLE reward_rules CHANGE budget_used budget_granted DECIMAL(18,2) NOT NULL DEFAULT 0');
    await q.query('INSERT INTO rule_budget_shares (rule_id, share, granted, used) SELECT id, 0, budget_granted, budget_granted FROM reward_rules WHERE budget_granted > 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reward_rules CHANGE budget_granted budget_used DECIMAL(18,2) NOT NULL DEFAULT 0');
    await q.query(`UPDATE reward_rules r SET budget_used = (SELECT COALESCE(SUM(s.used), 0) FROM rule_budget_shares s WHERE s.rule_id = r.id)`);
    await q.query('DROP TABLE rule_budget_shares');
  }
}
