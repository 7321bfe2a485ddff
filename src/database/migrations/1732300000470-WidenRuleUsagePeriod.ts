import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule usage periods are `D2025-01-31` (11 characters) and `M2025-01`; the initial column held only 10. */
export class WidenRuleUsagePeriod1732300000470 implements MigrationInterface {
  name = 'WidenRuleUsagePeriod1732300000470';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rule_usage MODIFY period VARCHAR(16) NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rule_usage MODIFY period VARCHAR(10) NOT NULL');
  }
}
