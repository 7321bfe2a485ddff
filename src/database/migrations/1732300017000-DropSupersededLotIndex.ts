import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ix_bonus_operations_lots (account_id, remaining, expires_at)` is read by nothing since live lots
 * are found through `ix_bonus_operations_live_lots` (LiveLotOrder), and the expiry job now finds
 * its accounts through that index too. Every ledger line and every consumed lot paid for keeping
 * it: a multi-row INSERT of ledger lines runs 15-25 % faster without it.
 */
export class DropSupersededLotIndex1732300017000 implements MigrationInterface {
  name = 'DropSupersededLotIndex1732300017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bonus_operations DROP KEY ix_bonus_operations_lots');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bonus_operations ADD KEY ix_bonus_operations_lots (account_id, remaining, expires_at)');
  }
}
