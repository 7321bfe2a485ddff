import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the admin client that ADMIN_API_KEY provides, so a new key can revoke the previous one.
 * Until now every start with a new key added an admin client named `admin`: all of them came from
 * the environment, and the next start keeps only the one of the current key.
 */
export class EnvironmentAdminKey1732300010200 implements MigrationInterface {
  name = 'EnvironmentAdminKey1732300010200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_clients ADD COLUMN from_environment TINYINT(1) NOT NULL DEFAULT 0 AFTER active');
    await q.query("UPDATE api_clients SET from_environment = 1 WHERE name = 'admin' AND role = 'admin'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_clients DROP COLUMN from_environment');
  }
}
