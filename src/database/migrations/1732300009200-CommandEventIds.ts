import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One eventId namespace per client across the Command API: each row names the command that used
 * the eventId first. Filled from what is stored — loadCustomerEventsExt events and the accruals of
 * addCustomerPointMessage / addBonusExtQuick items — the earliest use of an eventId first.
 */
export class CommandEventIds1732300009200 implements MigrationInterface {
  name = 'CommandEventIds1732300009200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE command_event_ids (
      client_id BIGINT UNSIGNED NOT NULL,
      event_id VARCHAR(64) NOT NULL,
      command_id CHAR(36) NOT NULL,
      PRIMARY KEY (client_id, event_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`INSERT IGNORE INTO command_event_ids (client_id, event_id, command_id)
      SELECT client_id, event_id, command_id FROM (
        SELECT e.client_id, SUBSTRING(e.external_key, 5) AS event_id, e.command_id, e.created_at, e.number AS seq
          FROM customer_events e
         WHERE e.source = 'command' AND e.external_key LIKE 'cmd:%' AND e.command_id IS NOT NULL
        UNION ALL
        SELECT r.client_id, i.item_key, r.id, r.created_at, i.item_index
          FROM command_items i JOIN command_runs r ON r.id = i.command_id
         WHERE r.type IN ('addCustomerPointMessage', 'addBonusExtQuick') AND i.state = 'processed'
           AND EXISTS (SELECT 1 FROM bonus_operations o WHERE o.idempotency_key = CONCAT('cmd:', r.client_id, ':', i.item_key))
      ) used ORDER BY created_at, seq`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE command_event_ids');
  }
}
