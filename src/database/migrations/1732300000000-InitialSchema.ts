import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole register: clients, directories, customers and accounts, the points ledger,
 * customer events, reward rules and command bookkeeping. Money and points are DECIMAL,
 * times are UTC datetime(3), text is utf8mb4.
 */
export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(q: QueryRunner): Promise<void> {
    const table = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE api_clients (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      role VARCHAR(16) NOT NULL,
      key_hash CHAR(64) NOT NULL,
      key_prefix VARCHAR(12) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_api_clients_key_hash (key_hash)
    ) ${table}`);
    await q.query(`CREATE TABLE crm_tokens (
      token_hash CHAR(64) NOT NULL PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_crm_tokens_expires (expires_at),
      CONSTRAINT fk_crm_tokens_client FOREIGN KEY (client_id) REFERENCES api_clients (id) ON DELETE CASCADE
    ) ${table}`);
    await q.query(`CREATE TABLE directory_entries (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      kind VARCHAR(32) NOT NULL,
      code VARCHAR(191) NOT NULL,
      name VARCHAR(191) NULL,
      alternative_code VARCHAR(191) NULL,
      parent_id BIGINT UNSIGNED NULL,
      attributes JSON NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_directory_kind_code (kind, code),
      KEY ix_directory_kind_name (kind, name),
      KEY ix_directory_kind_alt (kind, alternative_code),
      CONSTRAINT fk_directory_parent FOREIGN KEY (parent_id) REFERENCES directory_entries (id)
    ) ${table}`);
    await q.query(`CREATE TABLE directory_policies (
      kind VARCHAR(32) NOT NULL PRIMARY KEY,
      closed TINYINT(1) NOT NULL DEFAULT 0
    ) ${table}`);
    await q.query(`CREATE TABLE customers (
      id CHAR(36) NOT NULL PRIMARY KEY,
      guid VARCHAR(64) NULL,
      uniq_id VARCHAR(64) NULL,
      email VARCHAR(191) NULL,
      phone VARCHAR(16) NULL,
      info TEXT NULL,
      status VARCHAR(8) NOT NULL DEFAULT 'new',
      customer_type1 VARCHAR(191) NULL,
      customer_type2 VARCHAR(191) NULL,
      customer_type3 VARCHAR(191) NULL,
      customer_type4 VARCHAR(191) NULL,
      customer_type5 VARCHAR(191) NULL,
      link_token CHAR(32) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_customers_guid (guid),
      UNIQUE KEY uq_customers_uniq_id (uniq_id),
      UNIQUE KEY uq_customers_phone (phone),
      UNIQUE KEY uq_customers_link_token (link_token),
      KEY ix_customers_email (email)
    ) ${table}`);
    await q.query(`CREATE TABLE bonus_accounts (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      customer_id CHAR(36) NOT NULL,
      number VARCHAR(32) NULL,
      participant_number VARCHAR(32) NULL,
      name VARCHAR(191) NULL,
      balance DECIMAL(18,2) NOT NULL DEFAULT 0,
      referred_by_account_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_bonus_accounts_customer (customer_id),
      UNIQUE KEY uq_bonus_accounts_number (number),
      UNIQUE KEY uq_bonus_accounts_participant (participant_number),
      KEY ix_bonus_accounts_name (name),
      CONSTRAINT fk_bonus_accounts_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
      CONSTRAINT fk_bonus_accounts_referrer FOREIGN KEY (referred_by_account_id) REFERENCES bonus_accounts (id)
    ) ${table}`);
    await q.query(`CREATE TABLE access_tokens (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      customer_id CHAR(36) NOT NULL,
      authentication_code VARCHAR(191) NOT NULL,
      identifier VARCHAR(191) NULL,
      pass_code_hash CHAR(64) NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'effective',
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_access_tokens_code (authentication_code),
      KEY ix_access_tokens_identifier (identifier),
      CONSTRAINT fk_access_tokens_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
    ) ${table}`);
    await q.query(`CREATE TABLE customer_messages (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      customer_id CHAR(36) NOT NULL,
      text VARCHAR(2000) NOT NULL,
      show_count INT NOT NULL,
      show_till DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_customer_messages_customer (customer_id, show_count),
      CONSTRAINT fk_customer_messages_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
    ) ${table}`);
    await q.query(`CREATE TABLE reward_rules (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(191) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      priority INT NOT NULL DEFAULT 0,
      valid_from DATETIME(3) NULL,
      valid_to DATETIME(3) NULL,
      conditions JSON NOT NULL,
      award JSON NOT NULL,
      limits JSON NULL,
      expires_in_days INT NULL,
      exclusive TINYINT(1) NOT NULL DEFAULT 0,
      budget_used DECIMAL(18,2) NOT NULL DEFAULT 0,
      deleted_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY ix_reward_rules_active (deleted_at, active, priority)
    ) ${table}`);
    await q.query(`CREATE TABLE rule_usage (
      rule_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      period VARCHAR(10) NOT NULL,
      points DECIMAL(18,2) NOT NULL DEFAULT 0,
      PRIMARY KEY (rule_id, account_id, period)
    ) ${table}`);
    await q.query(`CREATE TABLE command_runs (
      id CHAR(36) NOT NULL PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(40) NOT NULL,
      state VARCHAR(12) NOT NULL DEFAULT 'accepted',
      item_count INT NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      KEY ix_command_runs_client (client_id, type, state)
    ) ${table}`);
    await q.query(`CREATE TABLE command_items (
      command_id CHAR(36) NOT NULL,
      item_index INT NOT NULL,
      item_key VARCHAR(191) NULL,
      payload JSON NULL,
      state VARCHAR(12) NOT NULL DEFAULT 'pending',
      customer_id CHAR(36) NULL,
      points DECIMAL(18,2) NULL,
      error VARCHAR(500) NULL,
      PRIMARY KEY (command_id, item_index),
      KEY ix_command_items_key (item_key)
    ) ${table}`);
    await q.query(`CREATE TABLE command_locks (
      client_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(40) NOT NULL,
      command_id CHAR(36) NULL,
      PRIMARY KEY (client_id, type)
    ) ${table}`);
    await q.query(`CREATE TABLE customer_events (
      number BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      id CHAR(32) NOT NULL,
      client_id BIGINT UNSIGNED NOT NULL,
      source VARCHAR(8) NOT NULL,
      type VARCHAR(24) NOT NULL,
      external_key VARCHAR(255) NULL,
      command_id CHAR(36) NULL,
      customer_id CHAR(36) NULL,
      account_id BIGINT UNSIGNED NULL,
      performed_on DATETIME(3) NOT NULL,
      amount DECIMAL(18,4) NULL,
      attributes JSON NOT NULL,
      payload JSON NULL,
      udf JSON NULL,
      state VARCHAR(10) NOT NULL DEFAULT 'pending',
      points DECIMAL(18,2) NULL,
      error VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      processed_at DATETIME(3) NULL,
      UNIQUE KEY uq_customer_events_id (id),
      UNIQUE KEY uq_customer_events_external (client_id, external_key),
      KEY ix_customer_events_command (command_id, state),
      KEY ix_customer_events_pending (state, created_at),
      KEY ix_customer_events_account (account_id, performed_on)
    ) ${table}`);
    await q.query(`CREATE TABLE bonus_operations (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(12) NOT NULL,
      points DECIMAL(18,2) NOT NULL,
      remaining DECIMAL(18,2) NULL,
      event_id CHAR(32) NULL,
      rule_id BIGINT UNSIGNED NULL,
      lot_id BIGINT UNSIGNED NULL,
      idempotency_key VARCHAR(191) NULL,
      comment VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      expires_at DATETIME(3) NULL,
      UNIQUE KEY uq_bonus_operations_idempotency (idempotency_key),
      KEY ix_bonus_operations_account (account_id, created_at),
      KEY ix_bonus_operations_lots (account_id, remaining, expires_at),
      KEY ix_bonus_operations_expiry (expires_at, remaining),
      KEY ix_bonus_operations_event (event_id),
      CONSTRAINT fk_bonus_operations_account FOREIGN KEY (account_id) REFERENCES bonus_accounts (id)
    ) ${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'bonus_operations', 'customer_events', 'command_locks', 'command_items', 'command_runs', 'rule_usage',
      'reward_rules', 'customer_messages', 'access_tokens', 'bonus_accounts', 'customers', 'directory_policies',
      'directory_entries', 'crm_tokens', 'api_clients',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
