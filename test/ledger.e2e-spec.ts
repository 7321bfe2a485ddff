import Decimal from 'decimal.js';
import { inTransaction } from '../src/database/transaction';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { LedgerEntryRequest } from '../src/modules/bonus-accounts/ledger.types';
import { createTestApp, TestContext } from './support/test-app';

describe('Points ledger', () => {
  let ctx: TestContext;
  let ledger: BonusAccountsService;
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    ledger = ctx.app.get(BonusAccountsService);
  });
  afterAll(() => ctx.app.close());

  const newAccount = async (status = 'active'): Promise<{ id: string; number: string; customerId: string }> => {
    const res = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: `ledger-${++seq}`, status }).expect(201);
    return { id: res.body.accountId, number: res.body.accountNumber, customerId: res.body.id };
  };
  const tx = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ctx.dataSource, work);
  const balanceOf = async (accountId: string) => (await ctx.dataSource.query('SELECT balance FROM bonus_accounts WHERE id = ?', [accountId]))[0].balance;
  const sumOfLedger = async (accountId: string) =>
    (await ctx.dataSource.query('SELECT COALESCE(SUM(points), 0) AS s FROM bonus_operations WHERE account_id = ?', [accountId]))[0].s;
  const sumOfLots = async (accountId: string) =>
    (await ctx.dataSource.query('SELECT COALESCE(SUM(remaining), 0) AS s FROM bonus_operations WHERE account_id = ? AND remaining IS NOT NULL', [accountId]))[0].s;
  const expectConsistent = async (accountId: string, balance: string) => {
    expect(await balanceOf(accountId)).toBe(balance);
    expect(new Decimal(await sumOfLedger(accountId)).toFixed(2)).toBe(balance);
    expect(new Decimal(await sumOfLots(accountId)).toFixed(2)).toBe(balance);
  };
  const accrual = (accountId: string, points: string, key: string, expiresAt: Date | null = null): LedgerEntryRequest => ({
    accountId, type: 'accrual', points, eventId: null, ruleId: null, idempotencyKey: key, expiresAt,
  });
  const reversal = (accountId: string, points: string, key: string): LedgerEntryRequest => ({
    accountId, type: 'reversal', points, eventId: null, ruleId: '7', idempotencyKey: key, expiresAt: null,
  });
  const apply = (requests: LedgerEntryRequest[]) =>
    tx(async (m) => {
      await ledger.lockAccounts(m, requests.map((r) => r.accountId));
      return ledger.applyBatch(m, requests);
    });

  describe('lockAccounts', () => {
    it('returns each account with its balance and customer status', async () => {
      const a = await newAccount('new');
      const b = await newAccount('blocked');
      const locked = await tx((m) => ledger.lockAccounts(m, [b.id, a.id, a.id]));
      expect([...locked.values()]).toEqual([
        { id: a.id, customerId: a.customerId, customerGuid: null, balance: '0.00', customerStatus: 'new' },
        { id: b.id, customerId: b.customerId, customerGuid: null, balance: '0.00', customerStatus: 'blocked' },
      ]);
    });
  });

  describe('applyBatch', () => {
    it('writes accruals of several accounts with one balance change each and reports the operations', async () => {
      const a = await newAccount();
      const b = await newAccount();
      const expiresAt = new Date('2031-01-01T00:00:00Z');
      const results = await apply([accrual(a.id, '10.50', 'ab:1', expiresAt), accrual(b.id, '3', 'ab:2'), accrual(a.id, '0.25', 'ab:3')]);
      expect(results.map((r) => [r.applied, r.shortfall, r.duplicate, typeof r.operationId])).toEqual([
        ['10.50', '0.00', false, 'string'], ['3.00', '0.00', false, 'string'], ['0.25', '0.00', false, 'string'],
      ]);
      const [op] = await ctx.dataSource.query('SELECT type, points, remaining, expires_at, idempotency_key FROM bonus_operations WHERE id = ?', [results[0].operationId]);
      expect(op).toEqual({ type: 'accrual', points: '10.50', remaining: '10.50', expires_at: expiresAt, idempotency_key: 'ab:1' });
      await expectConsistent(a.id, '10.75');
      await expectConsistent(b.id, '3.00');
    });

    it('skips idempotency keys already in the ledger or repeated in the batch, writing nothing for them', async () => {
      const a = await newAccount();
      await apply([accrual(a.id, '5', 'dup:1')]);
      const results = await apply([accrual(a.id, '5', 'dup:1'), accrual(a.id, '7', 'dup:2'), accrual(a.id, '7', 'dup:2')]);
      expect(results.map((r) => [r.applied, r.duplicate, r.operationId === null])).toEqual([
        ['0.00', true, true], ['7.00', false, false], ['0.00', true, true],
      ]);
      await expectConsistent(a.id, '12.00');
      expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations WHERE account_id = ?', [a.id])).toEqual([{ n: '2' }]);
    });

    it('reverses first-expiring-first and never below zero, reporting the shortfall', async () => {
      const a = await newAccount();
      const late = await apply([accrual(a.id, '30', 'rev:late', new Date('2032-01-01T00:00:00Z'))]);
      const early = await apply([accrual(a.id, '20', 'rev:early', new Date('2031-01-01T00:00:00Z'))]);
      const [first] = await apply([reversal(a.id, '25', 'rev:1')]);
      expect([first.applied, first.shortfall]).toEqual(['25.00', '0.00']);
      const remaining = async (id: string | null) => (await ctx.dataSource.query('SELECT remaining FROM bonus_operations WHERE id = ?', [id]))[0].remaining;
      expect(await remaining(early[0].operationId)).toBe('0.00');
      expect(await remaining(late[0].operationId)).toBe('25.00');
      const [second] = await apply([reversal(a.id, '40', 'rev:2')]);
      expect([second.applied, second.shortfall]).toEqual(['25.00', '15.00']);
      const [third] = await apply([reversal(a.id, '1', 'rev:3')]);
      expect([third.applied, third.shortfall, third.operationId]).toEqual(['0.00', '1.00', null]);
      await expectConsistent(a.id, '0.00');
      const [op] = await ctx.dataSource.query('SELECT type, points, rule_id FROM bonus_operations WHERE id = ?', [second.operationId]);
      expect(op).toEqual({ type: 'reversal', points: '-25.00', rule_id: '7' });
    });

    it('does not reverse points whose lot has expired: it expires them first, leaving no live points the expiry job would take', async () => {
      const a = await newAccount();
      await apply([accrual(a.id, '10', 'exp-rev:1', new Date(Date.now() - 1000)), accrual(a.id, '5', 'exp-rev:2')]);
      const [reversed] = await apply([reversal(a.id, '8', 'exp-rev:3')]);
      expect([reversed.applied, reversed.shortfall]).toEqual(['5.00', '3.00']);
      await expectConsistent(a.id, '0.00');
      const types = await ctx.dataSource.query('SELECT type, points FROM bonus_operations WHERE account_id = ? ORDER BY id', [a.id]);
      expect(types).toEqual([
        { type: 'accrual', points: '10.00' }, { type: 'accrual', points: '5.00' }, { type: 'expiry', points: '-10.00' }, { type: 'reversal', points: '-5.00' },
      ]);
    });

    it('lets a reversal consume an accrual of the same batch', async () => {
      const a = await newAccount();
      const results = await apply([accrual(a.id, '8', 'same:1'), reversal(a.id, '10', 'same:2')]);
      expect(results.map((r) => [r.applied, r.shortfall])).toEqual([['8.00', '0.00'], ['8.00', '2.00']]);
      await expectConsistent(a.id, '0.00');
    });
  });

  it('keeps balances and lots exact near the column maximum', async () => {
    const a = await newAccount();
    const [lot] = await apply([accrual(a.id, '1370.00', 'max:1')]);
    await apply([accrual(a.id, '999999999999999.99', 'max:2')]);
    await expectConsistent(a.id, '1000000000001369.99');
    await apply([reversal(a.id, '0.01', 'max:3'), accrual(a.id, '8999999999998630.00', 'max:4')]);
    await expectConsistent(a.id, '9999999999999999.98');
    const [row] = await ctx.dataSource.query('SELECT remaining FROM bonus_operations WHERE id = ?', [lot.operationId]);
    expect(row.remaining).toBe('1369.99');
  });

  describe('spend', () => {
    it('spends first-expiring-first and returns the operation', async () => {
      const a = await newAccount();
      const [never, soon] = await apply([accrual(a.id, '50', 'sp:never'), accrual(a.id, '20', 'sp:soon', new Date('2031-01-01T00:00:00Z'))]);
      const spent = await tx((m) => ledger.spend(m, { accountId: a.id, points: '30', comment: 'POS' }));
      expect(spent).toEqual({ operationId: expect.any(String), points: '30.00' });
      const lots = await ctx.dataSource.query('SELECT id, remaining FROM bonus_operations WHERE id IN (?) ORDER BY id', [[never.operationId, soon.operationId]]);
      expect(lots.map((l: { remaining: string }) => l.remaining)).toEqual(['40.00', '0.00']);
      const [op] = await ctx.dataSource.query('SELECT type, points, comment FROM bonus_operations WHERE id = ?', [spent.operationId]);
      expect(op).toEqual({ type: 'spend', points: '-30.00', comment: 'POS' });
      await expectConsistent(a.id, '40.00');
    });

    it('refuses more than the balance with InsufficientBalance and writes nothing', async () => {
      const a = await newAccount();
      await apply([accrual(a.id, '10', 'ins:1')]);
      await expect(tx((m) => ledger.spend(m, { accountId: a.id, points: '10.01' }))).rejects.toMatchObject({
        code: 'InsufficientBalance', message: 'Insufficient balance: 10.00 points available, 10.01 requested',
      });
      expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations WHERE account_id = ?', [a.id])).toEqual([{ n: '1' }]);
      await expectConsistent(a.id, '10.00');
    });

    it('refuses a blocked customer', async () => {
      const a = await newAccount('blocked');
      await apply([accrual(a.id, '10', 'blk:1')]);
      await expect(tx((m) => ledger.spend(m, { accountId: a.id, points: '1' }))).rejects.toMatchObject({ code: 'CustomerBlocked' });
      await expectConsistent(a.id, '10.00');
    });

    it('returns the first spend for a repeated idempotency key', async () => {
      const a = await newAccount();
      await apply([accrual(a.id, '10', 'idem:1')]);
      const first = await tx((m) => ledger.spend(m, { accountId: a.id, points: '4', idempotencyKey: 'purchase:RF01' }));
      const again = await tx((m) => ledger.spend(m, { accountId: a.id, points: '4', idempotencyKey: 'purchase:RF01' }));
      expect(again).toEqual(first);
      await expectConsistent(a.id, '6.00');
    });

    it('does not spend points whose lot has expired: it expires them first', async () => {
      const a = await newAccount();
      await apply([accrual(a.id, '10', 'exp-sp:1', new Date(Date.now() - 1000)), accrual(a.id, '5', 'exp-sp:2')]);
      await expect(tx((m) => ledger.spend(m, { accountId: a.id, points: '6' }))).rejects.toMatchObject({
        message: 'Insufficient balance: 5.00 points available, 6.00 requested',
      });
      await tx((m) => ledger.spend(m, { accountId: a.id, points: '5' }));
      await expectConsistent(a.id, '0.00');
      const types = await ctx.dataSource.query('SELECT type, points FROM bonus_operations WHERE account_id = ? ORDER BY id', [a.id]);
      expect(types).toEqual([
        { type: 'accrual', points: '10.00' }, { type: 'accrual', points: '5.00' }, { type: 'expiry', points: '-10.00' }, { type: 'spend', points: '-5.00' },
      ]);
    });
  });

  it('50 concurrent spends and accruals on one account never take it below zero; balance = sum of the ledger', async () => {
    const a = await newAccount();
    await apply([accrual(a.id, '100', 'conc:seed')]);
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? tx((m) => ledger.spend(m, { accountId: a.id, points: '9.99' })).then(() => 'spent', (e) => e.code)
        : apply([accrual(a.id, '3.33', `conc:${i}`)]).then(() => 'accrued'),
    ));
    const spent = outcomes.filter((o) => o === 'spent').length;
    // 100 + 25 × 3.33 covers at most 18 spends of 9.99, so some of the 25 must have been refused.
    expect(spent).toBeLessThanOrEqual(18);
    expect(outcomes.filter((o) => o === 'accrued')).toHaveLength(25);
    expect(outcomes.filter((o) => o !== 'spent' && o !== 'accrued').every((o) => o === 'InsufficientBalance')).toBe(true);
    const expected = new Decimal(100).plus(new Decimal('3.33').times(25)).minus(new Decimal('9.99').times(spent));
    expect(expected.gte(0)).toBe(true);
    await expectConsistent(a.id, expected.toFixed(2));
    const negative = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations WHERE account_id = ? AND remaining < 0', [a.id]);
    expect(negative).toEqual([{ n: '0' }]);
  });

  it('ensureAccounts creates missing accounts once, also for concurrent callers', async () => {
    const ids = ['c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002'];
    await ctx.dataSource.query(
      "INSERT INTO customers (id, status, link_token) VALUES (?, 'new', REPLACE(UUID(), '-', '')), (?, 'new', REPLACE(UUID(), '-', ''))",
      ids,
    );
    const maps = await Promise.all([1, 2, 3].map(() => tx((m) => ledger.ensureAccounts(m, ids))));
    expect(maps[1]).toEqual(maps[0]);
    expect(maps[2]).toEqual(maps[0]);
    const rows = await ctx.dataSource.query('SELECT id, customer_id, number, participant_number FROM bonus_accounts WHERE customer_id IN (?) ORDER BY customer_id', [ids]);
    expect(rows).toHaveLength(2);
    expect(rows.map((r: { id: string; customer_id: string }) => [r.customer_id, r.id])).toEqual(ids.map((id) => [id, maps[0].get(id)]));
    for (const r of rows) {
      expect(r.number).toMatch(/^ACR\d{10}$/);
      expect(r.participant_number).toMatch(/^RP\d{10}$/);
    }
  });

  describe('points expiry', () => {
    it('expires exactly the unspent remainder of past lots, once, leaving live lots alone', async () => {
      const a = await newAccount();
      const b = await newAccount();
      const now = new Date();
      const past = new Date(now.getTime() - 60_000);
      const future = new Date(now.getTime() + 86_400_000);
      const lots = await apply([
        accrual(a.id, '100', 'x:a1', past), accrual(a.id, '40', 'x:a2', future), accrual(a.id, '15', 'x:a3', null),
        accrual(b.id, '7.77', 'x:b1', past),
      ]);
      // A spend made before the lot expired takes from the earliest-expiring lot first.
      await ctx.dataSource.query("UPDATE bonus_operations SET expires_at = ? WHERE id = ?", [future, lots[0].operationId]);
      await tx((m) => ledger.spend(m, { accountId: a.id, points: '60.50' }));
      await ctx.dataSource.query("UPDATE bonus_operations SET expires_at = ? WHERE id = ?", [past, lots[0].operationId]);

      const report = await ledger.expirePoints(now, 1);
      expect(report).toEqual({ accounts: 2, lots: 2, points: '47.27' });
      const expiries = await ctx.dataSource.query(
        "SELECT account_id, points, lot_id FROM bonus_operations WHERE type = 'expiry' AND account_id IN (?) ORDER BY account_id", [[a.id, b.id]],
      );
      expect(expiries).toEqual([
        { account_id: a.id, points: '-39.50', lot_id: lots[0].operationId },
        { account_id: b.id, points: '-7.77', lot_id: lots[3].operationId },
      ]);
      await expectConsistent(a.id, '55.00');
      await expectConsistent(b.id, '0.00');
      expect(await ledger.expirePoints(now)).toEqual({ accounts: 0, lots: 0, points: '0.00' });
      await expectConsistent(a.id, '55.00');
    });
  });

  describe('admin accounts', () => {
    const admin = () => ({ 'X-Api-Key': ctx.adminKey });

    it('shows the balance, live lots first-expiring-first and the latest operations', async () => {
      const a = await newAccount();
      const expiresAt = new Date('2031-05-01T00:00:00Z');
      await apply([accrual(a.id, '12', 'adm:1'), accrual(a.id, '8', 'adm:2', expiresAt)]);
      const res = await ctx.http().get(`/admin/accounts/${a.number}`).set(admin()).expect(200);
      expect(res.body).toMatchObject({ number: a.number, customerId: a.customerId, customerStatus: 'active', balance: '20.00' });
      expect(res.body.lots.map((l: { points: string; remaining: string; expiresAt: string | null }) => [l.points, l.remaining, l.expiresAt]))
        .toEqual([['8.00', '8.00', expiresAt.toISOString()], ['12.00', '12.00', null]]);
      expect(res.body.operations.map((o: { operationType: string; points: string }) => [o.operationType, o.points]))
        .toEqual([['accrual', '8.00'], ['accrual', '12.00']]);
    });

    it('shows only the 100 first-expiring live lots of a busy account, with the full balance', async () => {
      const a = await newAccount();
      const lots = Array.from({ length: 105 }, (_, i) => accrual(a.id, '1', `busy:${i}`, new Date(Date.UTC(2031, 0, 1 + i))));
      await apply(lots);
      const res = await ctx.http().get(`/admin/accounts/${a.number}`).set(admin()).expect(200);
      expect(res.body.balance).toBe('105.00');
      expect(res.body.lots).toHaveLength(100);
      expect(res.body.lots[0].expiresAt).toBe('2031-01-01T00:00:00.000Z');
      expect(res.body.lots[99].expiresAt).toBe(new Date(Date.UTC(2031, 0, 100)).toISOString());
    });

    it('adjusts exactly near the column maximum', async () => {
      const a = await newAccount();
      await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '1370.00' }).expect(201);
      const big = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '999999999999999.99' }).expect(201);
      expect(big.body.balance).toBe('1000000000001369.99');
      const down = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '-0.01' }).expect(201);
      expect(down.body.balance).toBe('1000000000001369.98');
      await expectConsistent(a.id, '1000000000001369.98');
    });

    it('adjusts up and down; a negative adjustment consumes lots and cannot go below zero', async () => {
      const a = await newAccount();
      const up = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: 25.5, comment: 'Goodwill' }).expect(201);
      expect(up.body).toEqual({ operationId: expect.any(String), operationType: 'adjustment', points: '25.50', balance: '25.50' });
      const down = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '-20' }).expect(201);
      expect(down.body).toMatchObject({ points: '-20.00', balance: '5.50' });
      const tooMuch = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '-5.51' });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Insufficient balance: 5.50 points available, 5.51 requested' });
      await expectConsistent(a.id, '5.50');
      const bad = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '1.234' });
      expect(bad.status).toBe(400);
      const zero = await ctx.http().post(`/admin/accounts/${a.number}/adjustments`).set(admin()).send({ points: '0' });
      expect(zero.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'points must not be zero' });
      const unknown = await ctx.http().get('/admin/accounts/ACR9999999999').set(admin());
      expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Account ACR9999999999 not found' });
    });
  });
});
