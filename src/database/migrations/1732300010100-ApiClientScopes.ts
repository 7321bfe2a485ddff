import { MigrationInterface, QueryRunner } from 'typeorm';

/** API client scopes: existing clients keep every integrator operation, as before scopes existed. */
export class ApiClientScopes1732300010100 implements MigrationInterface {
  name = 'ApiClientScopes1732300010100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_clients ADD COLUMN scopes JSON NULL AFTER role');
    await q.query(`UPDATE api_clients SET scopes = '["command:*","crm:*"]'`);
    await q.query('ALTER TABLE api_clients MODIFY scopes JSON NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_clients DROP COLUMN scopes');
  }
}
