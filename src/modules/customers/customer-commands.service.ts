import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, CommandItemError, ErrorCode } from '../../common/errors';
import { inTransaction } from '../../database/transaction';
import { BonusAccountsService, encodeCursor, OperationCursor, OperationType } from '../bonus-accounts';
import { StatusCause } from '../webhooks';
import { ITEM_ERRORS } from './customers.errors';
import { CustomersService, ResolvedReference } from './customers.service';
import { echoOfReference, parseCustomerReference } from './domain/customer-reference';
import { bonusWindowLink, CustomerRecord } from './domain/customer-record';
import { CustomerStatus } from './entities/customer.entity';

export interface CustomerBalance {
  login: string | null;
  guid: string | null;
  status: CustomerStatus | null;
  balance: string | null;
  accountNumber: string | null;
  error: CommandItemError | null;
}

export interface CustomerStatusResult {
  login: string | null;
  guid: string | null;
  status: CustomerStatus | null;
  error: CommandItemError | null;
}

export interface CustomerLink {
  login: string | null;
  guid: string | null;
  link: string | null;
  error: CommandItemError | null;
}

export interface OperationsQuery {
  references: unknown[];
  from: Date;
  till: Date;
  operationType?: OperationType;
  after: OperationCursor | null;
  limit: number;
  /** The eventIds the integrator gave the register events among these (by event id); others show the event id. */
  eventIdsOf: (registerEventIds: string[]) => Promise<Map<string, string>>;
}

export interface BonusOperation {
  operationId: string;
  login: string | null;
  guid: string | null;
  operationType: OperationType;
  points: string;
  eventId: string | null;
  ruleId: string | null;
  createdAt: string;
  expiresAt: string | null;
}

type Lookup = { customer: CustomerRecord; echo: { login: string | null; guid: string | null } } | { error: CommandItemError; echo: { login: string | null; guid: string | null } };

const itemError = (description: string): CommandItemError => ({ typeOfError: 'wrongParam', description });
const REFERENCE_ERRORS: Record<Exclude<ResolvedReference, { customer: CustomerRecord }>['error'], string> = {
  notFound: ITEM_ERRORS.customerNotFound,
  ambiguousEmail: ITEM_ERRORS.ambiguousEmail,
};

/** The Command API customer commands that answer at once: balances, operations, status, links. */
@Injectable()
export class CustomerCommandsService {
  private readonly logger = new Logger(CustomerCommandsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
  ) {}

  /** getBalanceCustomersExt: per customer its status, balance and account number; unknown ones get an item error. */
  async balances(references: unknown[]): Promise<CustomerBalance[]> {
    const lookups = await this.lookUp(references);
    const accounts = await this.accounts.accountsOfCustomers(lookups.flatMap((l) => ('customer' in l ? [l.customer.id] : [])));
    return lookups.map((l) => {
      if (!('customer' in l)) return { ...l.echo, status: null, balance: null, accountNumber: null, error: l.error };
      const account = accounts.get(l.customer.id);
      return { login: l.customer.uniqId, guid: l.customer.guid, status: l.customer.status, balance: account?.balance ?? '0.00', accountNumber: account?.number ?? null, error: null };
    });
  }

  /** blockCustomers (→ blocked) and activateCustomers (→ active; the only way out of blocked). */
  async setStatus(references: unknown[], status: 'blocked' | 'active', cause: StatusCause): Promise<CustomerStatusResult[]> {
    const lookups = await this.lookUp(references);
    const ids = lookups.flatMap((l) => ('customer' in l ? [l.customer.id] : []));
    await inTransaction(this.dataSource, (manager) => this.customers.setStatus(manager, ids, status, cause));
    if (ids.length > 0) this.logger.log({ customers: ids.length, status }, 'Customer status changed');
    return lookups.map((l) =>
      'customer' in l ? { login: l.customer.uniqId, guid: l.customer.guid, status, error: null } : { ...l.echo, status: null, error: l.error },
    );
  }

  /** getCustomerLink: each customer's bonus-window link. */
  async links(references: unknown[]): Promise<CustomerLink[]> {
    return (await this.lookUp(references)).map((l) =>
      'customer' in l
        ? { login: l.customer.uniqId, guid: l.customer.guid, link: bonusWindowLink(l.customer.linkToken), error: null }
        : { ...l.echo, link: null, error: l.error },
    );
  }

  /**
   * getBonusOperationExt: the customers' operations in the period, in ledger order, a page at a time.
   * A reference that is malformed fails the request; one that names nobody has no operations.
   */
  async operations(query: OperationsQuery): Promise<{ operations: BonusOperation[]; nextCursor: string | null }> {
    const lookups = await this.lookUp(query.references);
    const bad = lookups.findIndex((l) => 'error' in l && l.error.description !== ITEM_ERRORS.customerNotFound);
    if (bad >= 0) throw new AppError(ErrorCode.WrongParam, `customers[${bad}]: ${(lookups[bad] as { error: CommandItemError }).error.description}`);
    const customers = new Map(lookups.flatMap((l) => ('customer' in l ? [[l.customer.id, l.customer] as const] : [])));
    const { rows, more, customerOfAccount } = await this.accounts.listOperations({
      customerIds: [...customers.keys()], from: query.from, till: query.till, type: query.operationType, after: query.after, limit: query.limit,
    });
    const last = rows[rows.length - 1];
    const eventIds = await query.eventIdsOf([...new Set(rows.flatMap((r) => (r.eventId && !r.externalEventId ? [r.eventId] : [])))]);
    return {
      operations: rows.map((r) => {
        const customer = customers.get(customerOfAccount.get(r.accountId)!)!;
        return {
          operationId: r.id, login: customer.uniqId, guid: customer.guid, operationType: r.type, points: r.points,
          eventId: r.externalEventId ?? (r.eventId ? eventIds.get(r.eventId) ?? r.eventId : null),
          ruleId: r.ruleId, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null,
        };
      }),
      nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  private async lookUp(references: unknown[]): Promise<Lookup[]> {
    const parsed = references.map(parseCustomerReference);
    const resolved = await this.customers.resolveReferences(parsed.flatMap((p) => (p.ok ? [p.reference] : [])));
    let next = 0;
    return parsed.map((p, i): Lookup => {
      const echo = echoOfReference(references[i]);
      if (!p.ok) return { error: itemError(p.error), echo };
      const found = resolved[next++];
      return 'customer' in found ? { customer: found.customer, echo } : { error: itemError(REFERENCE_ERRORS[found.error]), echo };
    });
  }
}
