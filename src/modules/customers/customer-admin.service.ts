import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassCode } from '../../common/crypto/pass-code-hash';
import { inTransaction, isDuplicateKeyError } from '../../database/transaction';
import { BonusAccountsService } from '../bonus-accounts/bonus-accounts.service';
import { customerNotFound, fieldTaken, uniqueClash } from './customers.errors';
import { CUSTOMER_COLUMNS, CustomersService } from './customers.service';
import { normalizeGuid, normalizePhone } from './domain/customer-fields';
import { bonusWindowLink, CustomerRecord } from './domain/customer-record';
import { CreateCustomerDto, FindCustomersQueryDto } from './dto/create-customer.dto';
import { CustomerDto } from './dto/customer.dto';

const LIST_LIMIT = 100;

/** Unique keys → the request field whose value clashed. */
const UNIQUE_FIELDS: Array<[string, keyof CreateCustomerDto | 'authenticationCode']> = [
  ['uq_customers_guid', 'guid'], ['uq_customers_uniq_id', 'uniqId'], ['uq_customers_phone', 'phone'],
  ['uq_bonus_accounts_number', 'accountNumber'], ['uq_bonus_accounts_participant', 'participantNumber'],
  ['uq_access_tokens_code', 'authenticationCode'],
];

/** Admin: customers with their account and access tokens, as fixtures and imports create them. */
@Injectable()
export class CustomerAdminService {
  private readonly logger = new Logger(CustomerAdminService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
  ) {}

  async create(dto: CreateCustomerDto): Promise<CustomerDto> {
    const id = randomUUID();
    const tokens = await Promise.all(
      (dto.accessTokens ?? []).map(async (t) => [id, t.authenticationCode, t.identifier ?? null, t.passCode ? await hashPassCode(t.passCode) : null, 'effective', new Date()]),
    );
    try {
      await inTransaction(this.dataSource, async (manager) => {
        await this.customers.insertCustomers(manager, [{
          id, guid: dto.guid ? normalizeGuid(dto.guid) : null, uniqId: dto.uniqId ?? null, email: dto.email ?? null,
          phone: dto.phone ? normalizePhone(dto.phone) : null, info: dto.info ?? null, status: dto.status ?? 'new',
          customerType1: dto.customerType1, customerType2: dto.customerType2, customerType3: dto.customerType3,
          customerType4: dto.customerType4, customerType5: dto.customerType5,
        }]);
        await this.accounts.createAccount(manager, id, { number: dto.accountNumber, participantNumber: dto.participantNumber, name: dto.accountName });
        if (tokens.length > 0) {
          await manager.query('INSERT INTO access_tokens (customer_id, authentication_code, identifier, pass_code_hash, status, created_at) VALUES ?', [tokens]);
        }
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw this.clash(error, dto);
    }
    this.logger.log({ customerId: id }, 'Customer created');
    return this.getById(id);
  }

  async getById(id: string): Promise<CustomerDto> {
    const customer = await this.customers.findById(id);
    if (!customer) throw customerNotFound(id);
    return (await this.toDtos([customer]))[0];
  }

  /** Customers matching every given filter; without filters, the latest 100. */
  async find(query: FindCustomersQueryDto): Promise<CustomerDto[]> {
    const filters: Array<[string, string | undefined]> = [
      ['c.uniq_id', query.uniqId],
      ['c.guid', query.guid === undefined ? undefined : normalizeGuid(query.guid)],
      ['c.phone', query.phone === undefined ? undefined : normalizePhone(query.phone.trim())],
      ['c.email', query.email],
    ];
    const given = filters.filter(([, value]) => value !== undefined);
    const where = given.map(([column]) => `${column} = ?`);
    const params = given.map(([, value]) => value);
    const rows: CustomerRecord[] = await this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.created_at DESC, c.id LIMIT ${LIST_LIMIT}`,
      params,
    );
    return this.toDtos(rows);
  }

  private async toDtos(customers: CustomerRecord[], manager: EntityManager = this.dataSource.manager): Promise<CustomerDto[]> {
    if (customers.length === 0) return [];
    const ids = customers.map((c) => c.id);
    const accounts = await this.accounts.accountsOfCustomers(ids, manager);
    const tokens: Array<{ customer_id: string; authentication_code: string; identifier: string | null; status: string; pass_code_hash: string | null }> =
      await manager.query(
        'SELECT customer_id, authentication_code, identifier, status, pass_code_hash FROM access_tokens WHERE customer_id IN (?) ORDER BY id',
        [ids],
      );
    return customers.map((c) => {
      const account = accounts.get(c.id);
      return {
        id: c.id, guid: c.guid, uniqId: c.uniqId, email: c.email, phone: c.phone, info: c.info, status: c.status,
        customerType1: c.customerType1, customerType2: c.customerType2, customerType3: c.customerType3,
        customerType4: c.customerType4, customerType5: c.customerType5, link: bonusWindowLink(c.linkToken),
        accountId: account?.id ?? '', accountNumber: account?.number ?? null, participantNumber: account?.participantNumber ?? null,
        accountName: account?.name ?? null, balance: account?.balance ?? '0.00',
        accessTokens: tokens.filter((t) => t.customer_id === c.id).map((t) => ({
          authenticationCode: t.authentication_code, identifier: t.identifier, status: t.status, hasPassCode: t.pass_code_hash !== null,
        })),
        createdAt: c.createdAt,
      };
    });
  }

  private clash(error: unknown, dto: CreateCustomerDto) {
    const message = String((error as { message?: string }).message ?? '');
    const [, field] = UNIQUE_FIELDS.find(([key]) => message.includes(key)) ?? [];
    if (field === 'authenticationCode') {
      const codes = (dto.accessTokens ?? []).map((t) => t.authenticationCode);
      const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
      return fieldTaken('authenticationCode', repeated ?? codes.find((code) => message.includes(code)) ?? codes.join(', '));
    }
    if (!field) return uniqueClash();
    const value = String(dto[field as keyof CreateCustomerDto] ?? '');
    return fieldTaken(field, field === 'guid' ? normalizeGuid(value) : field === 'phone' ? normalizePhone(value) : value);
  }
}
