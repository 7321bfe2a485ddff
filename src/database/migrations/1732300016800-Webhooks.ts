import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: the subscriptions, the outbox of messages (one row per delivery, written in the
 * transaction of the change it reports; `resolved` = 0 while its data are references to be built at the
 * first delivery) and the expiry notices already announced (one per lot and threshold).
 */
export class Webhooks1732300016800 implements MigrationInterface {
  name = 'Webhooks1732300016800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_subscriptions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      url VARCHAR(2000) NOT NULL,
      events JSON NOT NULL,
      client_id BIGINT UNSIGNED NULL,
      secret VARCHAR(200) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      failing_since DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id)
    ) ENGINE=InnoDB`);
    await q.query(`CREATE TABLE webhook_messages (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      delivery_id CHAR(36) NOT NULL,
      subscription_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(40) NOT NULL,
      client_id BIGINT UNSIGNED NULL,
      data JSON NOT NULL,
      resolved TINYINT(1) NOT NULL DEFAULT 1,
      state VARCHAR(10) NOT NULL DEFAULT 'pending',
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      status_code SMALLINT UNSIGNED NULL,
      last_error VARCHAR(500) NULL,
      next_attempt_at DATETIME(3) NOT NULL,
      failing_since DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      delivered_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_webhook_messages_delivery (delivery_id),
      KEY ix_webhook_messages_due (state, next_attempt_at),
      KEY ix_webhook_messages_subscription (subscription_id, state, id)
    ) ENGINE=InnoDB`);
    await q.query(`CREATE TABLE expiry_notices (
      operation_id BIGINT UNSIGNED NOT NULL,
      days SMALLINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (operation_id, days)
    ) ENGINE=InnoDB`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE expiry_notices');
    await q.query('DROP TABLE webhook_messages');
    await q.query('DROP TABLE webhook_subscriptions');
  }
}
