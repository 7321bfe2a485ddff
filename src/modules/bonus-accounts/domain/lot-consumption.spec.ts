import { formatCents, toCents } from '../../../common/decimal/cents';
import { Lot, planConsumption } from './lot-consumption';

const lot = (id: string, remaining: string, expiresAt: string | null): Lot => ({
  id, remaining: toCents(remaining), expiresAt: expiresAt ? new Date(expiresAt) : null,
});
const plan = (lots: Lot[], points: string) => {
  const p = planConsumption(lots, toCents(points));
  return { takes: p.takes.map((t) => [t.lotId, formatCents(t.points)]), shortfall: formatCents(p.shortfall) };
};

describe('planConsumption (first-expiring-first)', () => {
  it('takes the earliest-expiring lot first and never-expiring lots last', () => {
    const lots = [lot('1', '10', null), lot('2', '10', '2030-06-01T00:00:00Z'), lot('3', '10', '2030-01-01T00:00:00Z')];
    expect(plan(lots, '15')).toEqual({ takes: [['3', '10.00'], ['2', '5.00']], shortfall: '0.00' });
    expect(plan(lots, '25')).toEqual({ takes: [['3', '10.00'], ['2', '10.00'], ['1', '5.00']], shortfall: '0.00' });
  });

  it('orders lots with the same expiry by age, stored lots before new ones', () => {
    const lots = [lot('new:0', '5', null), lot('10', '5', null), lot('9', '5', null)];
    expect(plan(lots, '12')).toEqual({ takes: [['9', '5.00'], ['10', '5.00'], ['new:0', '2.00']], shortfall: '0.00' });
  });

  it('compares ids as numbers, not text', () => {
    expect(plan([lot('10', '1', null), lot('9', '1', null)], '1').takes).toEqual([['9', '1.00']]);
  });

  it('skips empty lots and reports what the lots cannot cover', () => {
    const lots = [lot('1', '0', '2030-01-01T00:00:00Z'), lot('2', '3.50', null)];
    expect(plan(lots, '5.25')).toEqual({ takes: [['2', '3.50']], shortfall: '1.75' });
  });

  it('takes nothing for zero points and leaves the lots unchanged', () => {
    const lots = [lot('1', '10', null)];
    expect(plan(lots, '0')).toEqual({ takes: [], shortfall: '0.00' });
    planConsumption(lots, 400n);
    expect(lots[0].remaining).toBe(1000n);
  });
});
