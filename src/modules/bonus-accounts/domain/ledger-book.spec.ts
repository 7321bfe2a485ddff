import Decimal from 'decimal.js';
import { LedgerBook } from './ledger-book';

const d = (v: string) => new Decimal(v);
const past = new Date('2020-01-01T00:00:00Z');
const later = new Date('2030-01-01T00:00:00Z');
const now = new Date('2025-01-01T00:00:00Z');

describe('LedgerBook', () => {
  it('plans an accrual as a lot and the balance change', () => {
    const book = new LedgerBook();
    book.addLot('accrual', { accountId: '1', idempotencyKey: 'k1', ruleId: '3' }, d('10.5'), later);
    expect(book.operations).toEqual([expect.objectContaining({ accountId: '1', type: 'accrual', ruleId: '3', expiresAt: later })]);
    expect(book.operations[0].remaining!.toFixed(2)).toBe('10.50');
    expect(book.balanceDeltas().map(([id, delta]) => [id, delta.toFixed(2)])).toEqual([['1', '10.50']]);
  });

  it('consumes stored lots first-expiring-first and records their new remainders', () => {
    const book = new LedgerBook([['1', d('30')]], [
      { accountId: '1', id: '5', remaining: d('20'), expiresAt: null },
      { accountId: '1', id: '6', remaining: d('10'), expiresAt: later },
    ]);
    const spent = book.consume('spend', { accountId: '1', idempotencyKey: 's' }, d('15'), false);
    expect([spent.index, spent.applied.toFixed(2), spent.shortfall.toFixed(2)]).toEqual([0, '15.00', '0.00']);
    expect(book.operations[0].points.toFixed(2)).toBe('-15.00');
    expect(book.changedLots().map(([id, r]) => [id, r.toFixed(2)])).toEqual([['6', '0.00'], ['5', '15.00']]);
    expect(book.available('1').toFixed(2)).toBe('15.00');
  });

  it('refuses an uncapped consumption beyond the balance and plans nothing', () => {
    const book = new LedgerBook([['1', d('5')]], [{ accountId: '1', id: '5', remaining: d('5'), expiresAt: null }]);
    const spent = book.consume('spend', { accountId: '1', idempotencyKey: 's' }, d('5.01'), false);
    expect([spent.index, spent.applied.toFixed(2), spent.shortfall.toFixed(2)]).toEqual([null, '0.00', '5.01']);
    expect(book.operations).toEqual([]);
    expect(book.changedLots()).toEqual([]);
  });

  it('caps a reversal at the balance and reports the shortfall', () => {
    const book = new LedgerBook([['1', d('5')]], [{ accountId: '1', id: '5', remaining: d('5'), expiresAt: null }]);
    const reversed = book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, d('8'), true);
    expect([reversed.applied.toFixed(2), reversed.shortfall.toFixed(2)]).toEqual(['5.00', '3.00']);
    expect(book.balanceDeltas().map(([, delta]) => delta.toFixed(2))).toEqual(['-5.00']);
  });

  it('lets a consumption take from a lot planned in the same book, lowering its stored remainder', () => {
    const book = new LedgerBook([['1', d('0')]]);
    book.addLot('accrual', { accountId: '1', idempotencyKey: 'a' }, d('8'), null);
    book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, d('3'), true);
    expect(book.operations[0].remaining!.toFixed(2)).toBe('5.00');
    expect(book.changedLots()).toEqual([]);
  });

  it('expires what is left of past stored lots only, one line per lot keyed by the lot', () => {
    const book = new LedgerBook([['1', d('17')]], [
      { accountId: '1', id: '5', remaining: d('7'), expiresAt: past },
      { accountId: '1', id: '6', remaining: d('10'), expiresAt: later },
    ]);
    expect(book.expireDue('1', now).toFixed(2)).toBe('7.00');
    expect(book.operations).toEqual([expect.objectContaining({ type: 'expiry', lotId: '5', idempotencyKey: 'expiry:5' })]);
    expect(book.operations[0].points.toFixed(2)).toBe('-7.00');
    expect(book.expireDue('1', now).toFixed(2)).toBe('0.00');
    expect(book.available('1').toFixed(2)).toBe('10.00');
  });

  it('leaves out accounts whose balance did not change', () => {
    const book = new LedgerBook([['1', d('0')]]);
    book.addLot('accrual', { accountId: '2', idempotencyKey: 'a' }, d('1'), null);
    expect(book.balanceDeltas().map(([id]) => id)).toEqual(['2']);
  });
});
