import { formatCents, toCents } from '../../../common/decimal/cents';
import { LedgerBook } from './ledger-book';
import { Lot } from './lot-consumption';

const c = (v: string) => toCents(v);
const past = new Date('2020-01-01T00:00:00Z');
const later = new Date('2030-01-01T00:00:00Z');
const now = new Date('2025-01-01T00:00:00Z');
const lot = (id: string, remaining: string, expiresAt: Date | null): Lot => ({ id, remaining: c(remaining), expiresAt });

/** A book over one account '1' with this balance and these stored lots, all of them loaded. */
function bookOf(balance: string, lots: Lot[] = []): LedgerBook {
  const book = new LedgerBook([['1', c(balance)]]);
  book.addStoredLots('1', lots, true);
  return book;
}

describe('LedgerBook', () => {
  it('plans an accrual as a lot and the balance change', () => {
    const book = new LedgerBook();
    book.addLot('accrual', { accountId: '1', idempotencyKey: 'k1', ruleId: '3' }, c('10.5'), later);
    expect(book.operations).toEqual([expect.objectContaining({ accountId: '1', type: 'accrual', ruleId: '3', expiresAt: later })]);
    expect(formatCents(book.operations[0].remaining!)).toBe('10.50');
    expect(book.balanceDeltas().map(([id, delta]) => [id, formatCents(delta)])).toEqual([['1', '10.50']]);
  });

  it('consumes stored lots first-expiring-first and records their new remainders', () => {
    const book = bookOf('30', [lot('6', '10', later), lot('5', '20', null)]);
    const spent = book.consume('spend', { accountId: '1', idempotencyKey: 's' }, c('15'), false);
    expect([spent.index, formatCents(spent.applied), formatCents(spent.shortfall)]).toEqual([0, '15.00', '0.00']);
    expect(formatCents(book.operations[0].points)).toBe('-15.00');
    expect(book.changedLots().map(([id, r]) => [id, formatCents(r)])).toEqual([['6', '0.00'], ['5', '15.00']]);
    expect(formatCents(book.available('1'))).toBe('15.00');
  });

  it('refuses an uncapped consumption beyond the balance and plans nothing', () => {
    const book = bookOf('5', [lot('5', '5', null)]);
    const spent = book.consume('spend', { accountId: '1', idempotencyKey: 's' }, c('5.01'), false);
    expect([spent.index, formatCents(spent.applied), formatCents(spent.shortfall)]).toEqual([null, '0.00', '5.01']);
    expect(book.operations).toEqual([]);
    expect(book.changedLots()).toEqual([]);
  });

  it('caps a reversal at the balance and reports the shortfall', () => {
    const book = bookOf('5', [lot('5', '5', null)]);
    const reversed = book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, c('8'), true);
    expect([formatCents(reversed.applied), formatCents(reversed.shortfall)]).toEqual(['5.00', '3.00']);
    expect(book.balanceDeltas().map(([, delta]) => formatCents(delta))).toEqual(['-5.00']);
  });

  it('never takes more than the lots hold, whatever the balance says', () => {
    const book = bookOf('9', [lot('5', '5', null)]);
    const reversed = book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, c('8'), true);
    expect([formatCents(reversed.applied), formatCents(reversed.shortfall)]).toEqual(['5.00', '3.00']);
    expect(book.consume('spend', { accountId: '1', idempotencyKey: 's' }, c('1'), false).index).toBeNull();
  });

  it('lets a consumption take from a lot planned in the same book, lowering its stored remainder', () => {
    const book = bookOf('0');
    book.addLot('accrual', { accountId: '1', idempotencyKey: 'a' }, c('8'), null);
    book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, c('3'), true);
    expect(formatCents(book.operations[0].remaining!)).toBe('5.00');
    expect(book.changedLots()).toEqual([]);
  });

  it('takes a planned lot that expires before the stored ones first', () => {
    const book = bookOf('10', [lot('5', '10', later)]);
    book.addLot('accrual', { accountId: '1', idempotencyKey: 'a' }, c('4'), now);
    book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, c('6'), true);
    expect(formatCents(book.operations[0].remaining!)).toBe('0.00');
    expect(book.changedLots().map(([id, r]) => [id, formatCents(r)])).toEqual([['5', '8.00']]);
  });

  it('expires what is left of past stored lots only, one line per lot keyed by the lot', () => {
    const book = bookOf('17', [lot('5', '7', past), lot('6', '10', later)]);
    expect(formatCents(book.expireDue('1', now))).toBe('7.00');
    expect(book.operations).toEqual([expect.objectContaining({ type: 'expiry', lotId: '5', idempotencyKey: 'expiry:5' })]);
    expect(formatCents(book.operations[0].points)).toBe('-7.00');
    expect(formatCents(book.expireDue('1', now))).toBe('0.00');
    expect(formatCents(book.available('1'))).toBe('10.00');
  });

  it('leaves out accounts whose balance did not change', () => {
    const book = new LedgerBook([['1', 0n]]);
    book.addLot('accrual', { accountId: '2', idempotencyKey: 'a' }, c('1'), null);
    expect(book.balanceDeltas().map(([id]) => id)).toEqual(['2']);
  });

  describe('asks for stored lots only as far as the work reaches', () => {
    it('wants lots until the loaded ones cover the points or none are left', () => {
      const book = new LedgerBook([['1', c('100')]]);
      expect(book.lotsWanted('1', { points: c('12') })).toBe(true);
      book.addStoredLots('1', [lot('5', '10', past)], false);
      expect(book.lotsWanted('1', { points: c('12') })).toBe(true);
      expect(book.lotsWanted('1', { points: c('10') })).toBe(false);
      expect(book.lastStoredLot('1')?.id).toBe('5');
      book.addStoredLots('1', [lot('6', '1', later)], true);
      expect(book.lotsWanted('1', { points: c('12') })).toBe(false);
    });

    it('counts what was consumed already, and expired lots as empty', () => {
      const book = new LedgerBook([['1', c('20')]]);
      book.addStoredLots('1', [lot('5', '10', past), lot('6', '10', later)], false, now);
      book.expireDue('1', now);
      expect(book.lotsWanted('1', { points: c('10') })).toBe(false);
      book.consume('reversal', { accountId: '1', idempotencyKey: 'r' }, c('4'), true);
      expect(book.lotsWanted('1', { points: c('7') })).toBe(true);
    });

    it('wants lots while the last loaded one is due, unless every due lot was loaded', () => {
      const book = new LedgerBook([['1', c('20')]]);
      expect(book.lotsWanted('1', { dueBy: now })).toBe(true);
      book.addStoredLots('1', [lot('5', '10', past)], false);
      expect(book.lotsWanted('1', { dueBy: now })).toBe(true);
      book.addStoredLots('1', [lot('6', '10', later)], false);
      expect(book.lotsWanted('1', { dueBy: now })).toBe(false);
      const other = new LedgerBook([['1', c('20')]]);
      other.addStoredLots('1', [lot('5', '10', past)], false, now);
      expect(other.lotsWanted('1', { dueBy: now })).toBe(false);
    });
  });
});
