import { randomUUID } from 'crypto';
import { Pool } from 'mysql2/promise';
import { randomHex, ZipfSampler } from './random';

export interface BenchCustomer {
  id: string;
  guid: string;
  uniqId: string;
  accountId: string;
  accountNumber: string;
  customerType1: string | null;
}

const INSERT_ROWS = 2000;
/** Account and participant numbers of the benchmark's customers: ACR/RP + 7000000000 + index. */
const NUMBER_BASE = 7_000_000_000;

/**
 * The customers of a run and how often each is touched: a Zipf-like skew, so a few hot customers
 * get a large share of the events (and of the reads). Loaded with multi-row INSERTs straight into
 * the bench database, as the admin import would store them.
 */
export class Population {
  readonly customers: BenchCustomer[];

  constructor(size: number, firstAccountId: number, readonly popularity: ZipfSampler) {
    this.customers = new Array(size);
    for (let i = 0; i < size; i++) {
      this.customers[i] = {
        id: randomUUID(),
        guid: randomUUID(),
        uniqId: `bench${i}`,
        accountId: String(firstAccountId + i),
        accountNumber: `ACR${NUMBER_BASE + i}`,
        customerType1: i % 3 === 0 ? 'debitCardHolder' : i % 3 === 1 ? 'creditHolder' : null,
      };
    }
  }

  get size(): number {
    return this.customers.length;
  }

  pick(random: () => number): BenchCustomer {
    return this.customers[this.popularity.next(random)];
  }

  hottest(rank = 0): BenchCustomer {
    return this.customers[this.popularity.indexOfRank(rank)];
  }

  async insert(pool: Pool, onProgress: (done: number) => void): Promise<void> {
    for (let start = 0; start < this.customers.length; start += INSERT_ROWS) {
      const slice = this.customers.slice(start, start + INSERT_ROWS);
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        await connection.query(
          'INSERT INTO customers (id, guid, uniq_id, status, customer_type1, link_token) VALUES ?',
          [slice.map((c, i) => [c.id, c.guid, c.uniqId, (start + i) % 10 === 0 ? 'new' : 'active', c.customerType1, randomHex(16)])],
        );
        await connection.query(
          'INSERT INTO bonus_accounts (id, customer_id, number, participant_number, balance) VALUES ?',
          [slice.map((c, i) => [c.accountId, c.id, c.accountNumber, `RP${NUMBER_BASE + start + i}`, '0.00'])],
        );
        await connection.commit();
      } catch (error) {
        await connection.rollback();
        throw error;
      } finally {
        connection.release();
      }
      onProgress(Math.min(start + INSERT_ROWS, this.customers.length));
    }
  }
}
