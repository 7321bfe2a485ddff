import { BenchApi } from './api';
import { PRODUCT_CODES, TSUM_MERCHANT, UNIT } from './event-generator';

const rule = (name: string, priority: number, when: object, award: object, extra: object = {}) => ({
  name, active: true, priority, validFrom: null, validTo: null, when, award, limits: null, expiresInDays: 365, exclusive: false, ...extra,
});

/**
 * Ten active rules over both event kinds of the benchmark, with the features that cost something
 * at evaluation: percent and per-amount awards, product and merchant conditions, day and month
 * limits (rule_usage), a budget (rule_budget_shares) and an exclusive rule.
 */
export const BENCH_RULES = [
  rule('High-value basket (exclusive)', 100, { eventTypes: ['purchase'], minAmount: '450' }, { type: 'fixed', points: '100' }, { exclusive: true }),
  rule('1% back on CRM purchases', 50, { eventTypes: ['purchase'] }, { type: 'percent', percent: '1', rounding: 'none' }),
  rule('1 point per 10 EUR at Admin Unit', 45, { eventTypes: ['purchase'], units: [UNIT.code], currencies: [UNIT.currency] }, { type: 'perAmount', points: '1', step: '10', rounding: 'floor' }),
  rule('5 points per GOLD unit', 40, { eventTypes: ['purchase'], products: ['GOLD'] }, { type: 'perProductUnit', points: '5', rounding: 'none' }),
  rule('Big basket bonus', 35, { eventTypes: ['purchase'], minAmount: '300' }, { type: 'fixed', points: '50' }, { limits: { maxPointsPerCustomerPerMonth: '500' } }),
  rule('2% back on card purchases', 30, { eventTypes: ['operation'], operationTypes: ['purchase'] }, { type: 'percent', percent: '2', rounding: 'none' }),
  rule('5% at TSUM', 25, { eventTypes: ['operation'], operationTypes: ['purchase'], merchants: [String(TSUM_MERCHANT)] }, { type: 'percent', percent: '5', rounding: 'floor' }, { limits: { maxPointsPerEvent: '100' } }),
  rule('Debit card holders +1%', 20, { eventTypes: ['operation'], operationTypes: ['purchase'], customerType1: ['debitCardHolder'] }, { type: 'percent', percent: '1', rounding: 'none' }),
  rule('Weekend bonus', 15, { eventTypes: ['purchase', 'operation'], daysOfWeek: [6, 7], minAmount: '20' }, { type: 'fixed', points: '15' }, { limits: { maxPointsPerCustomerPerDay: '30' } }),
  rule('Spring promo', 10, { eventTypes: ['purchase', 'operation'], minAmount: '100' }, { type: 'fixed', points: '5' }, { limits: { budget: '100000000' } }),
];

/** Directory entries the events name, and the rules — all through the admin API. */
export async function createFixtures(api: BenchApi): Promise<string[]> {
  await api.createEntry('currency', { code: UNIT.currency, name: 'Euro' });
  await api.createEntry('unit', { code: UNIT.code, name: UNIT.name, attributes: { currency: UNIT.currency } });
  for (const code of PRODUCT_CODES) await api.createEntry('product', { code });
  const ids: string[] = [];
  for (const r of BENCH_RULES) ids.push(await api.createRule(r));
  return ids;
}
