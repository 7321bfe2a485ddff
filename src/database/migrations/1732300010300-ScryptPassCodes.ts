import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pass codes move from unsalted SHA-256 (CHAR(64)) to salted scrypt strings. Existing hashes stay
 * as they are: they still verify, and each is replaced by a scrypt hash on its first match.
 */
export class ScryptPassCodes1732300010300 implements MigrationInterface {
  name = 'ScryptPassCodes1732300010300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE access_tokens MODIFY pass_code_hash VARCHAR(255) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    // A scrypt hash does not fit CHAR(64): such tokens lose their pass code when reverting.
    await q.query("UPDATE access_tokens SET pass_code_hash = NULL WHERE pass_code_hash LIKE 'scrypt$%'");
    await q.query('ALTER TABLE access_tokens MODIFY pass_code_hash CHAR(64) NULL');
  }
}
