import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first `/` of a stored `ext:<system>/<reference>` key, where the system ends unless the payload says otherwise. */
const SYSTEM_FROM_KEY = "LOCATE('/', external_key) - 5";
const SYSTEM = "JSON_UNQUOTE(JSON_EXTRACT(payload, '$.external_system'))";
/** The length of the system the event was sent with, when its payload still matches the key. */
const SYSTEM_FROM_PAYLOAD = `IF(LEFT(SUBSTRING(external_key, 5), CHAR_LENGTH(${SYSTEM}) + 1) = CONCAT(${SYSTEM}, '/'), CHAR_LENGTH(${SYSTEM}), NULL)`;

/**
 * CRM idempotency keys `ext:<system>/<reference>` were ambiguous when either part contained `/`;
 * they become `ext:<characters in system>:<system>/<reference>`. Keys are rewritten in two passes
 * through a `~` prefix no key has, so no new key meets an old one on the unique index midway.
 * The column is widened: the longest system (100) and reference (150) no longer fit in 255.
 */
export class UnambiguousExternalSystemKeys1732300009100 implements MigrationInterface {
  name = 'UnambiguousExternalSystemKeys1732300009100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE customer_events MODIFY external_key VARCHAR(300) NULL');
    await q.query(
      `UPDATE customer_events SET external_key = CONCAT('~', COALESCE(${SYSTEM_FROM_PAYLOAD}, ${SYSTEM_FROM_KEY}), ':', SUBSTRING(external_key, 5))
        WHERE external_key LIKE 'ext:%/%'`,
    );
    await q.query("UPDATE customer_events SET external_key = CONCAT('ext:', SUBSTRING(external_key, 2)) WHERE external_key LIKE '~%'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("UPDATE customer_events SET external_key = CONCAT('~', SUBSTRING(external_key, LOCATE(':', external_key, 5) + 1)) WHERE external_key LIKE 'ext:%'");
    await q.query("UPDATE customer_events SET external_key = CONCAT('ext:', SUBSTRING(external_key, 2)) WHERE external_key LIKE '~%'");
    await q.query('ALTER TABLE customer_events MODIFY external_key VARCHAR(255) NULL');
  }
}
