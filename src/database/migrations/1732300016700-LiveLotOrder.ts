import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live lots in consumption order, read through an index: `live_expiry` is a lot's expiry while
 * something is left of it (lots that never expire sort last), NULL once it is used up and for
 * every other line. Spends, reversals, expiry and the admin account view read an account's first
 * lots by (live_expiry, id) with a LIMIT, however long the account's history.
 */
export class LiveLotOrder1732300016700 implements MigrationInterface {
  name = 'LiveLotOrder1732300016700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE bonus_operations
         ADD COLUMN live_expiry DATETIME(3) AS (IF(remaining > 0, COALESCE(expires_at, TIMESTAMP'9999-12-31 23:59:59.999'), NULL)) VIRTUAL,
         ADD KEY ix_bonus_operations_live_lots (account_id, live_expiry)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bonus_operations DROP KEY ix_bonus_operations_live_lots, DROP COLUMN live_expiry');
  }
}
