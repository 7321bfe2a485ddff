import { MigrationInterface, QueryRunner } from 'typeorm';

/** A client's own request limit per RATE_LIMIT_WINDOW_MS; NULL follows RATE_LIMIT, 0 means unlimited. */
export class ClientRateLimit1732300015100 implements MigrationInterface {
  name = 'ClientRateLimit1732300015100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_clients ADD COLUMN rate_limit INT UNSIGNED NULL AFTER active');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_clients DROP COLUMN rate_limit');
  }
}
