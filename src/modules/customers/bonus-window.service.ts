import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { BonusAccountsService } from '../bonus-accounts';
import { bonusWindowNotFound } from './customers.errors';
import { CUSTOMER_COLUMNS, CustomersService } from './customers.service';
import { CustomerRecord } from './domain/customer-record';
import { BonusWindowDto } from './dto/bonus-window.dto';

const WINDOW_OPERATIONS = 20;
const LINK_TOKEN = /^[0-9a-f]{32}$/;

/**
 * The customer's bonus window. Opening it is the customer's authorisation (seed 001 §3.3): a new
 * customer becomes active, and each live message is shown once more. The customer row is locked
 * for the opening, so concurrent openings never show a message more often than its count.
 */
@Injectable()
export class BonusWindowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
  ) {}

  async open(linkToken: string): Promise<BonusWindowDto> {
    if (!LINK_TOKEN.test(linkToken)) throw bonusWindowNotFound();
    return inTransaction(this.dataSource, async (manager) => {
      const [customer]: CustomerRecord[] = await manager.query(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.link_token = ? FOR UPDATE`, [linkToken]);
      if (!customer) throw bonusWindowNotFound();
      let status = customer.status;
      if (status === 'new') {
        await this.customers.activateNew(manager, [customer.id], { type: 'bonus_window' });
        status = 'active';
      }
      // Blocked customers are shown no messages, and their messages keep their counts.
      const messages: Array<{ id: string; text: string; show_till: Date | null }> = status === 'blocked' ? [] : await manager.query(
        `SELECT id, text, show_till FROM customer_messages
          WHERE customer_id = ? AND show_count > 0 AND (show_till IS NULL OR show_till > ?) ORDER BY id`,
        [customer.id, new Date()],
      );
      if (messages.length > 0) {
        await manager.query('UPDATE customer_messages SET show_count = show_count - 1 WHERE id IN (?)', [messages.map((m) => m.id)]);
      }
      const account = (await this.accounts.accountsOfCustomers([customer.id], manager)).get(customer.id);
      const operations = account ? await this.accounts.recentOperations(account.id, WINDOW_OPERATIONS, manager) : [];
      return {
        login: customer.uniqId, status, balance: account?.balance ?? '0.00',
        messages: messages.map((m) => ({ text: m.text, showTill: m.show_till?.toISOString() ?? null })),
        operations: operations.map((o) => ({ operationType: o.type, points: o.points, createdAt: o.createdAt.toISOString(), expiresAt: o.expiresAt?.toISOString() ?? null })),
      };
    });
  }
}
