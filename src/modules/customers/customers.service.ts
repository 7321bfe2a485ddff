import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BonusAccountsService } from '../bonus-accounts';
import { StatusCause } from '../webhooks';
import { CustomerReference } from './domain/customer-reference';
import { CUSTOMER_TYPE_FIELDS, CustomerRecord, newLinkToken } from './domain/customer-record';
import { normalizeGuid } from './domain/customer-fields';
import { CustomerStatus } from './entities/customer.entity';
import { StatusWebhooks } from './status-webhooks';

export interface GuidUpsertItem {
  guid: string;
  customerType1?: string | null;
  customerType2?: string | null;
  customerType3?: string | null;
  customerType4?: string | null;
  customerType5?: string | null;
}

export interface UpsertedCustomer {
  customerId: string;
  accountId: string;
  status: CustomerStatus;
}

/** A customer to insert; identity values already normalised. */
export type NewCustomer = Pick<CustomerRecord, 'id' | 'guid' | 'uniqId' | 'email' | 'phone' | 'info' | 'status'>
  & Partial<Pick<CustomerRecord, (typeof CUSTOMER_TYPE_FIELDS)[number]>>;

/** Identity fields to change on an existing customer (only the given ones change). */
export interface IdentityChange {
  id: string;
  guid?: string;
  uniqId?: string;
  email?: string;
  phone?: string;
  info?: string;
}

export interface NewMessage {
  customerId: string;
  text: string;
  showCount: number;
  showTill: Date | null;
}

/** A resolved reference: the customer, or why there is none. */
export type ResolvedReference = { customer: CustomerRecord } | { error: 'notFound' | 'ambiguousEmail' };

export const CUSTOMER_COLUMNS = `c.id, c.guid, c.uniq_id AS uniqId, c.email, c.phone, c.info, c.status,
  c.customer_type1 AS customerType1, c.customer_type2 AS customerType2, c.customer_type3 AS customerType3,
  c.customer_type4 AS customerType4, c.customer_type5 AS customerType5, c.link_token AS linkToken, c.created_at AS createdAt`;

const CHUNK = 1000;

/**
 * Customers: identity, status and messages. Set-based throughout: every method takes or returns
 * many customers with a handful of statements, in the caller's transaction.
 */
@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: BonusAccountsService,
    private readonly statusWebhooks: StatusWebhooks,
  ) {}

  /**
   * The customers of these GUIDs (matched case-insensitively, stored lower-case), created with
   * status new and a bonus account when missing; customer types given (non-null) are updated.
   * Keyed by the GUID as given.
   */
  async upsertByGuid(manager: EntityManager, items: GuidUpsertItem[]): Promise<Map<string, UpsertedCustomer>> {
    const wanted = new Map<string, GuidUpsertItem>();
    for (const item of items) {
      const guid = normalizeGuid(item.guid);
      const earlier = wanted.get(guid);
      wanted.set(guid, earlier ? mergeTypes(earlier, item) : { ...item, guid });
    }
    const result = new Map<string, UpsertedCustomer>();
    if (wanted.size === 0) return result;
    const guids = [...wanted.keys()].sort();
    const found = new Map((await this.byColumn(manager, 'guid', guids)).map((c) => [c.guid!, c]));
    const missing = guids.filter((g) => !found.has(g));
    if (missing.length > 0) {
      await this.insertRows(manager, missing.map((guid) => ({
        id: randomUUID(), guid, uniqId: null, email: null, phone: null, info: null, status: 'new',
        ...typesOf(wanted.get(guid)!),
      })), true);
      for (const c of await this.byColumn(manager, 'guid', missing, true)) found.set(c.guid!, c);
    }
    await this.updateTypes(manager, guids.flatMap((guid) => {
      const customer = found.get(guid);
      const item = wanted.get(guid)!;
      const changed = CUSTOMER_TYPE_FIELDS.filter((f) => item[f] != null && item[f] !== customer?.[f]);
      return customer && changed.length ? [{ id: customer.id, types: Object.fromEntries(changed.map((f) => [f, item[f]!])) }] : [];
    }));
    const accountIds = await this.accounts.ensureAccounts(manager, [...found.values()].map((c) => c.id));
    for (const item of items) {
      const customer = found.get(normalizeGuid(item.guid));
      if (!customer) throw new Error(`Customer ${item.guid} could not be created`);
      result.set(item.guid, { customerId: customer.id, accountId: accountIds.get(customer.id)!, status: customer.status });
    }
    return result;
  }

  /** new → active; blocked and active customers stay as they are. */
  async activateNew(manager: EntityManager, customerIds: string[], cause: StatusCause = { type: 'accrual' }): Promise<void> {
    const ids = [...new Set(customerIds)];
    await this.statusWebhooks.changing(manager, ids, 'active', cause, 'new');
    for (let i = 0; i < ids.length; i += CHUNK) {
      await manager.query("UPDATE customers SET status = 'active' WHERE id IN (?) AND status = 'new'", [ids.slice(i, i + CHUNK)]);
    }
  }

  /** Sets the status of these customers (blockCustomers / activateCustomers). */
  async setStatus(manager: EntityManager, customerIds: string[], status: CustomerStatus, cause: StatusCause): Promise<void> {
    if (customerIds.length === 0) return;
    await this.statusWebhooks.changing(manager, [...new Set(customerIds)], status, cause);
    await manager.query('UPDATE customers SET status = ? WHERE id IN (?)', [status, [...new Set(customerIds)]]);
  }

  /**
   * Resolves Command API customer references with one IN query per kind. An email shared by
   * several customers does not name one of them.
   */
  async resolveReferences(references: CustomerReference[], manager: EntityManager = this.dataSource.manager): Promise<ResolvedReference[]> {
    const found = await this.findIdentities(manager, {
      guids: references.filter((r) => r.by === 'guid').map((r) => r.value),
      uniqIds: references.filter((r) => r.by === 'uniqId').map((r) => r.value),
      phones: references.filter((r) => r.by === 'phone').map((r) => r.value),
      emails: references.filter((r) => r.by === 'email').map((r) => r.value),
    });
    return references.map((reference): ResolvedReference => {
      const value = reference.value.toLowerCase();
      const matches = found.filter((c) => {
        const field = reference.by === 'uniqId' ? c.uniqId : reference.by === 'guid' ? c.guid : reference.by === 'phone' ? c.phone : c.email;
        return field !== null && field.toLowerCase() === value;
      });
      if (matches.length === 0) return { error: 'notFound' };
      if (matches.length > 1) return { error: 'ambiguousEmail' };
      return { customer: matches[0] };
    });
  }

  /** Every customer holding one of these GUIDs, logins, phones or emails (identity matching of the commands). */
  async findIdentities(
    manager: EntityManager,
    values: { guids?: string[]; uniqIds?: string[]; phones?: string[]; emails?: string[] },
  ): Promise<CustomerRecord[]> {
    const byId = new Map<string, CustomerRecord>();
    const lookups: Array<['guid' | 'uniq_id' | 'phone' | 'email', string[] | undefined]> = [
      ['guid', values.guids], ['uniq_id', values.uniqIds], ['phone', values.phones], ['email', values.emails],
    ];
    for (const [column, list] of lookups) {
      for (const c of await this.byColumn(manager, column, [...new Set(list ?? [])])) byId.set(c.id, c);
    }
    return [...byId.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** customers.id → GUID, in one query (customers without a GUID are left out). */
  async guidsOf(ids: Iterable<string>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; guid: string | null }> = await manager.query('SELECT id, guid FROM customers WHERE id IN (?)', [wanted]);
    return new Map(rows.flatMap((r) => (r.guid === null ? [] : [[r.id, r.guid] as [string, string]])));
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerRecord | null> {
    return (await this.byColumn(manager, 'id', [id]))[0] ?? null;
  }

  async findByLinkToken(manager: EntityManager, linkToken: string, lock: boolean): Promise<CustomerRecord | null> {
    return (await this.byColumn(manager, 'link_token', [linkToken], lock))[0] ?? null;
  }

  /** Inserts customers in one statement (chunked); a unique-key clash fails it (the caller's transaction is retried). */
  async insertCustomers(manager: EntityManager, customers: NewCustomer[]): Promise<void> {
    await this.insertRows(manager, customers, false);
  }

  /** One UPDATE for all identity changes, each column changed only where given. */
  async updateIdentities(manager: EntityManager, changes: IdentityChange[]): Promise<void> {
    const columns: Array<[keyof Omit<IdentityChange, 'id'>, string]> = [
      ['guid', 'guid'], ['uniqId', 'uniq_id'], ['email', 'email'], ['phone', 'phone'], ['info', 'info'],
    ];
    for (let i = 0; i < changes.length; i += CHUNK) {
      const chunk = changes.slice(i, i + CHUNK);
      const sets: string[] = [];
      const params: unknown[] = [];
      for (const [field, column] of columns) {
        const given = chunk.filter((c) => c[field] !== undefined);
        if (given.length === 0) continue;
        sets.push(`${column} = CASE id ${given.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${column} END`);
        for (const c of given) params.push(c.id, c[field]);
      }
      if (sets.length === 0) continue;
      await manager.query(`UPDATE customers SET ${sets.join(', ')} WHERE id IN (?)`, [...params, chunk.map((c) => c.id)]);
    }
  }

  /** Customer messages (shown in the bonus window), one INSERT. */
  async addMessages(manager: EntityManager, messages: NewMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const now = new Date();
    for (let i = 0; i < messages.length; i += CHUNK) {
      await manager.query('INSERT INTO customer_messages (customer_id, text, show_count, show_till, created_at) VALUES ?', [
        messages.slice(i, i + CHUNK).map((m) => [m.customerId, m.text, m.showCount, m.showTill, now]),
      ]);
    }
  }

  private async insertRows(manager: EntityManager, rows: NewCustomer[], ignore: boolean): Promise<void> {
    const now = new Date();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager.query(
        `INSERT${ignore ? ' IGNORE' : ''} INTO customers
           (id, guid, uniq_id, email, phone, info, status, customer_type1, customer_type2, customer_type3, customer_type4, customer_type5,
            link_token, created_at, updated_at)
         VALUES ?`,
        [rows.slice(i, i + CHUNK).map((c) => [
          c.id, c.guid, c.uniqId, c.email, c.phone, c.info, c.status,
          c.customerType1 ?? null, c.customerType2 ?? null, c.customerType3 ?? null, c.customerType4 ?? null, c.customerType5 ?? null,
          newLinkToken(), now, now,
        ])],
      );
    }
  }

  private async updateTypes(manager: EntityManager, changes: Array<{ id: string; types: Record<string, string> }>): Promise<void> {
    if (changes.length === 0) return;
    const sets: string[] = [];
    const params: unknown[] = [];
    CUSTOMER_TYPE_FIELDS.forEach((field, n) => {
      const given = changes.filter((c) => c.types[field] !== undefined);
      if (given.length === 0) return;
      const column = `customer_type${n + 1}`;
      sets.push(`${column} = CASE id ${given.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${column} END`);
      for (const c of given) params.push(c.id, c.types[field]);
    });
    await manager.query(`UPDATE customers SET ${sets.join(', ')} WHERE id IN (?)`, [...params, changes.map((c) => c.id)]);
  }

  /** Customers whose column is one of the values; `locking` reads the latest committed rows (after a concurrent insert). */
  private async byColumn(manager: EntityManager, column: string, values: string[], locking = false): Promise<CustomerRecord[]> {
    const rows: CustomerRecord[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      rows.push(...(await manager.query(
        `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.${column} IN (?)${locking ? ' LOCK IN SHARE MODE' : ''}`,
        [values.slice(i, i + CHUNK)],
      )));
    }
    return rows;
  }
}

function typesOf(item: GuidUpsertItem): Record<(typeof CUSTOMER_TYPE_FIELDS)[number], string | null> {
  return Object.fromEntries(CUSTOMER_TYPE_FIELDS.map((f) => [f, item[f] ?? null])) as Record<(typeof CUSTOMER_TYPE_FIELDS)[number], string | null>;
}

function mergeTypes(earlier: GuidUpsertItem, later: GuidUpsertItem): GuidUpsertItem {
  const merged = { ...earlier };
  for (const f of CUSTOMER_TYPE_FIELDS) if (later[f] != null) merged[f] = later[f];
  return merged;
}
