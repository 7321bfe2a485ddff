import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The never-attempted batches of one subscription and type in id order, read through an index: a
 * delivery finds the oldest due batch of its kind and takes in those waiting behind it without
 * scanning the subscription's other pending messages.
 */
export class WebhookBatchOrder1732300016900 implements MigrationInterface {
  name = 'WebhookBatchOrder1732300016900';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook_messages ADD KEY ix_webhook_messages_batches (subscription_id, type, state, attempts, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook_messages DROP KEY ix_webhook_messages_batches');
  }
}
