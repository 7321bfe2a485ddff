import Decimal from 'decimal.js';
import { BenchCustomer, Population } from './population';
import { randomInt } from './random';

/** The register's columns, in the order the app's EventRegisterService inserts them. */
export const EVENT_COLUMNS = 'id, client_id, source, type, external_key, command_id, customer_id, account_id, performed_on, amount, attributes, payload, udf, state, points';

export const UNIT = { code: 'ADMIN', name: 'Admin Unit', currency: 'EUR' };
export const PRODUCT_CODES = ['GOLD', ...Array.from({ length: 19 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)];
export const TSUM_MERCHANT = 123456;
const OTHER_MERCHANTS = [200001, 200002, 200003, 200004, 200005, 200006, 200007, 200008, 200009];
const DAY_MS = 86_400_000;

export interface PurchaseSpec {
  customer: BenchCustomer;
  performedOn: Date;
  products: Array<{ code: string; quantity: number; totalCents: number }>;
}

export interface OperationSpec {
  customer: BenchCustomer;
  eventId: string;
  performedOn: Date;
  operationType: 'purchase' | 'refund';
  amountCents: number;
  merchantId: number;
  terminalId: number;
}

const cents = (value: number) => new Decimal(value).div(100);
/** The wire's `performed_on` without offset (CRM: UTC), to the second. */
const crmDateTime = (date: Date) => date.toISOString().slice(0, 19);
/** The Command API's `eventDate` with a +03 offset, as in seed 000. */
const commandDateTime = (date: Date) => {
  const local = new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+03`;
};

/**
 * Draws the benchmark's events and renders each one two ways: as the wire item an integrator
 * sends, and as the customer_events row the app stores for it (the same columns and JSON), so
 * the raw baseline and the SQL-loaded backlog hold exactly the rows the APIs would have written.
 */
export class EventGenerator {
  constructor(
    private readonly population: Population,
    private readonly random: () => number,
    private readonly now = Date.now(),
  ) {}

  /** A recent time (last 6 days, whole seconds) so no lot is born expired and day limits apply. */
  private recent(): Date {
    return new Date(Math.floor((this.now - this.random() * 6 * DAY_MS) / 1000) * 1000);
  }

  purchase(): PurchaseSpec {
    const count = randomInt(this.random, 1, 3);
    const products = Array.from({ length: count }, () => ({
      code: this.random() < 0.1 ? 'GOLD' : PRODUCT_CODES[randomInt(this.random, 1, PRODUCT_CODES.length - 1)],
      quantity: randomInt(this.random, 1, 3),
      totalCents: randomInt(this.random, 500, 20000),
    }));
    return { customer: this.population.pick(this.random), performedOn: this.recent(), products };
  }

  operation(eventId: string): OperationSpec {
    return {
      customer: this.population.pick(this.random),
      eventId,
      performedOn: this.recent(),
      operationType: this.random() < 0.03 ? 'refund' : 'purchase',
      amountCents: randomInt(this.random, 100, 50000),
      merchantId: this.random() < 0.4 ? TSUM_MERCHANT : OTHER_MERCHANTS[randomInt(this.random, 0, OTHER_MERCHANTS.length - 1)],
      terminalId: randomInt(this.random, 1, 50),
    };
  }

  /** A `purchase_customer_events_set` item of seed 004. */
  crmItem(spec: PurchaseSpec, requestId: string): Record<string, unknown> {
    return {
      request_unique_identifier: requestId,
      accounts_receivable_identifier: { number: spec.customer.accountNumber },
      performed_by_unit_identifier: { name: UNIT.name },
      performed_on: crmDateTime(spec.performedOn),
      reference_number: `RF${requestId}`,
      products_set: spec.products.map((p) => {
        const net = Math.round(p.totalCents / 1.2);
        return {
          product_identifier: { code: p.code },
          quantity: p.quantity,
          total_amount: cents(p.totalCents).toNumber(),
          net_amount: cents(net).toNumber(),
          vat_amount: cents(p.totalCents - net).toNumber(),
        };
      }),
    };
  }

  crmRow(spec: PurchaseSpec, id: string, clientId: string, requestId: string): unknown[] {
    const total = spec.products.reduce((sum, p) => sum.plus(cents(p.totalCents)), new Decimal(0));
    const attributes = {
      eventType: 'purchase',
      performedOn: spec.performedOn.toISOString(),
      unit: UNIT.code,
      currency: UNIT.currency,
      amount: total.toFixed(),
      products: spec.products.map((p) => ({ code: p.code, quantity: String(p.quantity), totalAmount: cents(p.totalCents).toFixed() })),
    };
    return [
      id, clientId, 'crm', 'purchase', null, null, spec.customer.id, spec.customer.accountId, spec.performedOn, total.toFixed(4),
      JSON.stringify(attributes), JSON.stringify(this.crmItem(spec, requestId)), null, 'pending', null,
    ];
  }

  /** A loadCustomerEventsExt event of seed 000. */
  commandItem(spec: OperationSpec): Record<string, unknown> {
    const item: Record<string, unknown> = {
      customerId: spec.customer.guid.toUpperCase(),
      eventId: spec.eventId,
      eventDate: commandDateTime(spec.performedOn),
      eventType: 'operation',
      operationType: spec.operationType,
      operationAmount: cents(spec.amountCents).toNumber(),
      operationCurrencyRate: 1,
      merchantId: spec.merchantId,
      terminalId: spec.terminalId,
      merchantName: spec.merchantId === TSUM_MERCHANT ? 'TSUM' : `Shop ${spec.merchantId}`,
    };
    if (spec.customer.customerType1) item.customerType1 = spec.customer.customerType1;
    return item;
  }

  commandRow(spec: OperationSpec, id: string, clientId: string, commandId: string): unknown[] {
    const amount = cents(spec.amountCents).toFixed(4);
    const attributes: Record<string, unknown> = {
      eventType: 'operation',
      operationType: spec.operationType,
      performedOn: spec.performedOn.toISOString(),
      amount,
      merchant: String(spec.merchantId),
      terminal: String(spec.terminalId),
    };
    if (spec.customer.customerType1) attributes.customerType1 = spec.customer.customerType1;
    const payload = {
      customerId: spec.customer.guid,
      eventId: spec.eventId,
      operationAmount: amount,
      operationCurrencyRate: '1',
      merchantName: spec.merchantId === TSUM_MERCHANT ? 'TSUM' : `Shop ${spec.merchantId}`,
    };
    return [
      id, clientId, 'command', 'operation', `cmd:${spec.eventId}`, commandId, null, null, spec.performedOn, amount,
      JSON.stringify(attributes), JSON.stringify(payload), null, 'pending', null,
    ];
  }
}
