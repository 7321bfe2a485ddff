import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Command accruals (addCustomerPointMessage, addBonusExtQuick) have no register event; the
 * integrator's own eventId is kept on the ledger line so getBonusOperationExt can show it.
 */
export class OperationExternalEventId1732300003100 implements MigrationInterface {
  name = 'OperationExternalEventId1732300003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bonus_operations ADD COLUMN external_event_id VARCHAR(64) NULL AFTER event_id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bonus_operations DROP COLUMN external_event_id');
  }
}
