import { INestApplication } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createApplication } from '../src/bootstrap';
import { inTransaction } from '../src/database/transaction';
import { EventFacts } from '../src/modules/rewards-rules/domain/event-facts';
import { RuleAward } from '../src/modules/rewards-rules/domain/rule-evaluator';
import { EXAMPLE_RULE } from '../src/modules/rewards-rules/dto/reward-rule.dto';
import { RewardsRulesService } from '../src/modules/rewards-rules/rewards-rules.service';
import { RuleCache } from '../src/modules/rewards-rules/rule-cache';
import { SettleOptions, withBudgetFallback } from '../src/modules/rewards-rules/budget-fallback';
import { BonusAccountsService } from '../src/modules/bonus-accounts/bonus-accounts.service';
import { createCustomer } from './crm-fixtures';
import { budgetUsedOf } from './support/budget-use';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** SPEC §6's example as stored and answered: dates in ISO UTC, defaults filled in. */
const EXAMPLE_ANSWER = {
  ...EXAMPLE_RULE,
  validFrom: '2025-01-01T00:00:00.000Z',
  award: { ...EXAMPLE_RULE.award, target: 'referred' },
  budgetUsed: '0.00',
};

/** A Saturday purchase of 100 at TSUM (merchant 123456). */
const SATURDAY_AT_TSUM: EventFacts = {
  eventType: 'operation', operationType: 'purchase', performedOn: '2025-03-15T12:00:00.000Z', amount: '100', merchant: '123456',
};

describe('Reward rules', () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  const rules = () => ctx.app.get(RewardsRulesService);

  beforeAll(async () => {
    ctx = await createTestApp();
    await ctx.app.get(RuleCache).refresh();
    admin = { 'X-Api-Key': ctx.adminKey };
  });
  afterAll(() => ctx.app.close());

  const createRule = async (body: Record<string, unknown>): Promise<string> =>
    (await ctx.http().post('/admin/rules').set(admin).send(body).expect(201)).body.id;

  describe('admin CRUD', () => {
    it('creates the SPEC §6 example and answers it in the rule shape', async () => {
      const res = await ctx.http().post('/admin/rules').set(admin).send(EXAMPLE_RULE).expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/), ...EXAMPLE_ANSWER });
      const one = await ctx.http().get(`/admin/rules/${res.body.id}`).set(admin).expect(200);
      expect(one.body).toEqual(res.body);
      const list = await ctx.http().get('/admin/rules').set(admin).expect(200);
      expect(list.body).toContainEqual(res.body);
      await ctx.http().delete(`/admin/rules/${res.body.id}`).set(admin).expect(204);
    });

    it('accepts numbers as JSON numbers and stores them as decimal strings', async () => {
      const res = await ctx.http().post('/admin/rules').set(admin)
        .send({ name: 'Numbers', when: { minAmount: 10.5, merchants: [123456] }, award: { type: 'perAmount', points: 2, step: 100 }, limits: { budget: 1000 } })
        .expect(201);
      expect(res.body).toMatchObject({
        when: { minAmount: '10.5', merchants: ['123456'] }, award: { type: 'perAmount', points: '2', step: '100', rounding: 'none', target: 'referred' },
        limits: { budget: '1000' }, active: true, priority: 0, exclusive: false, expiresInDays: null, validFrom: null, validTo: null,
      });
      await ctx.http().delete(`/admin/rules/${res.body.id}`).set(admin).expect(204);
    });

    it('rejects an invalid rule with 400 and every reason, storing nothing', async () => {
      const before = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM reward_rules');
      const res = await ctx.http().post('/admin/rules').set(admin).send({
        ...EXAMPLE_RULE,
        validFrom: '2025-02-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z',
        when: { merchant: ['123456'], daysOfWeek: [0] },
        award: { type: 'percent', percent: '10.12345', rounding: 'down' },
        limits: { budget: -5 },
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [
          'validTo must be after validFrom',
          'when.merchant is not a known condition',
          'when.daysOfWeek[0] must be an ISO day of the week: 1 = Monday … 7 = Sunday',
          'award.rounding must be one of: floor, round, none',
          'award.percent must be a positive decimal number with at most 4 decimals (a JSON number or a string)',
          'limits.budget must be a non-negative decimal number with at most 2 decimals (a JSON number or a string)',
        ].join('; '),
      });
      expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM reward_rules')).toEqual(before);
    });

    it('rejects a body without a name, when or award', async () => {
      const res = await ctx.http().post('/admin/rules').set(admin).send({ priority: 'high' });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('name must be a string');
      expect(res.body.message).toContain('priority must be an integer number');
      expect(res.body.message).toContain('when must be an object');
      expect(res.body.message).toContain('award must be an object');
    });

    it('changes the fields given, validating the whole rule, and keeps the rest', async () => {
      const id = await createRule(EXAMPLE_RULE);
      const res = await ctx.http().patch(`/admin/rules/${id}`).set(admin)
        .send({ priority: 20, validTo: '2025-12-31T23:59:59Z', limits: null, when: { eventTypes: ['purchase'] } })
        .expect(200);
      expect(res.body).toEqual({
        ...EXAMPLE_ANSWER, id, priority: 20, validTo: '2025-12-31T23:59:59.000Z', limits: null, when: { eventTypes: ['purchase'] },
      });
      const bad = await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ validTo: '2024-01-01T00:00:00Z' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('validTo must be after validFrom');
      const cleared = await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ validFrom: null, validTo: null }).expect(200);
      expect([cleared.body.validFrom, cleared.body.validTo, cleared.body.priority]).toEqual([null, null, 20]);
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('never writes back budget usage: an award counted while a change is being saved is kept', async () => {
      const id = await createRule(EXAMPLE_RULE);
      const save = EntityManager.prototype.save as (...args: unknown[]) => Promise<unknown>;
      const awardLandsBeforeSave = jest.spyOn(EntityManager.prototype, 'save').mockImplementationOnce(async function (this: EntityManager, ...args: unknown[]) {
        // An award of partition 3 whose share was granted another 200 on the way.
        await ctx.dataSource.query('UPDATE rule_budget_shares SET granted = granted + 200, used = used + 123 WHERE rule_id = ? AND share = 3', [id]);
        await ctx.dataSource.query('UPDATE reward_rules SET budget_granted = budget_granted + 200 WHERE id = ?', [id]);
        return save.apply(this, args);
      } as never);
      try {
        const res = await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ priority: 30 }).expect(200);
        expect([res.body.priority, res.body.budgetUsed]).toEqual([30, '123.00']);
      } finally {
        awardLandsBeforeSave.mockRestore();
      }
      const [row] = await ctx.dataSource.query('SELECT budget_granted FROM reward_rules WHERE id = ?', [id]);
      // The budget of 1,000,000 was spread over the 8 shares a 64th each at creation (125,000).
      expect([row.budget_granted, await budgetUsedOf(ctx.dataSource, id)]).toEqual(['125200.00', '123.00']);
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('documents the endpoints with the SPEC example', async () => {
      const docs = await ctx.http().get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/admin/rules', '/admin/rules/{id}', '/admin/rules/simulate']));
      expect(docs.body.paths['/admin/rules'].post.requestBody.content['application/json'].examples['SPEC §6 example'].value).toEqual(EXAMPLE_RULE);
    });
  });

  describe('simulate', () => {
    let exampleId: string;
    beforeAll(async () => {
      exampleId = await createRule(EXAMPLE_RULE);
    });
    afterAll(() => ctx.http().delete(`/admin/rules/${exampleId}`).set(admin).expect(204));

    const snapshot = async () => ({
      usage: await ctx.dataSource.query('SELECT * FROM rule_usage ORDER BY rule_id, account_id, period'),
      rules: await ctx.dataSource.query('SELECT id, budget_granted, updated_at FROM reward_rules ORDER BY id'),
      shares: await ctx.dataSource.query('SELECT * FROM rule_budget_shares ORDER BY rule_id, share'),
      operations: await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations'),
    });

    it('gives 10 points for 100 at TSUM on a Saturday with the SPEC example rule, writing nothing', async () => {
      const before = await snapshot();
      const res = await ctx.http().post('/admin/rules/simulate').set(admin).send({ event: { ...SATURDAY_AT_TSUM, amount: 100 } }).expect(200);
      expect(res.body).toEqual({
        matches: [{ ruleId: exampleId, ruleName: '10% back at TSUM on weekends', points: '10.00', role: 'self' }],
        totalPoints: '10.00',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('floors, and matches nothing on a weekday', async () => {
      const floored = await ctx.http().post('/admin/rules/simulate').set(admin).send({ event: { ...SATURDAY_AT_TSUM, amount: '109.99' } }).expect(200);
      expect(floored.body.totalPoints).toBe('10.00');
      const weekday = await ctx.http().post('/admin/rules/simulate').set(admin)
        .send({ event: { ...SATURDAY_AT_TSUM, performedOn: '2025-03-14T12:00:00+03:00' } }).expect(200);
      expect(weekday.body).toEqual({ matches: [], totalPoints: '0.00' });
    });

    it('counts the account’s current usage against the limits', async () => {
      await ctx.dataSource.query("INSERT INTO rule_usage (rule_id, account_id, period, points) VALUES (?, 77, 'D2025-03-15', 995)", [exampleId]);
      const before = await snapshot();
      const res = await ctx.http().post('/admin/rules/simulate').set(admin).send({ event: SATURDAY_AT_TSUM, accountId: '77' }).expect(200);
      expect(res.body.matches).toEqual([{ ruleId: exampleId, ruleName: '10% back at TSUM on weekends', points: '5.00', role: 'self' }]);
      expect(await snapshot()).toEqual(before);
      const other = await ctx.http().post('/admin/rules/simulate').set(admin).send({ event: SATURDAY_AT_TSUM, accountId: 78 }).expect(200);
      expect(other.body.totalPoints).toBe('10.00');
    });

    it('rejects an event that is not one, naming the fields', async () => {
      const res = await ctx.http().post('/admin/rules/simulate').set(admin)
        .send({ event: { eventType: 'shopping', performedOn: 'Saturday', amount: '1.23456', merchantId: 1 }, accountId: 'me' });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe([
        'event.merchantId is not a field of an event',
        'event.eventType must be one of: operation, event, purchase, referral, achievement, financial_achievement, financial_statement, web, social_media',
        'event.performedOn must be an ISO-8601 date-time such as 2025-01-01T00:00:00Z',
        'event.amount must be a non-negative decimal number with at most 4 decimals (a JSON number or a string)',
        'accountId must be a bonus account id (a positive integer)',
      ].join('; '));
      const missing = await ctx.http().post('/admin/rules/simulate').set(admin).send({});
      expect(missing.status).toBe(400);
      expect(missing.body.message).toContain('event must be an object');
    });
  });

  describe('the cache across processes', () => {
    let other: INestApplication;
    beforeAll(async () => {
      other = await createApplication(ctx.config);
      await other.init();
    });
    afterAll(() => other.close());

    const idsIn = (app: INestApplication) => app.get(RewardsRulesService).activeRules().map((r) => r.id);

    it('refreshes the changing process before it answers and the other within moments, on create, change and delete', async () => {
      const id = await createRule({ ...EXAMPLE_RULE, name: 'Everywhere' });
      expect(idsIn(ctx.app)).toContain(id);
      await waitFor(async () => idsIn(other).includes(id), 3000, 'the other process to see the new rule');
      expect(other.get(RewardsRulesService).activeRules().find((r) => r.id === id)).toEqual({
        id, ...EXAMPLE_ANSWER, name: 'Everywhere', budgetUsed: undefined,
      });

      await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ active: false }).expect(200);
      expect(idsIn(ctx.app)).not.toContain(id);
      await waitFor(async () => !idsIn(other).includes(id), 3000, 'the other process to drop the deactivated rule');

      await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ active: true, priority: 99 }).expect(200);
      await waitFor(async () => other.get(RewardsRulesService).activeRules()[0]?.id === id, 3000, 'the other process to put it first');

      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
      await waitFor(async () => !idsIn(other).includes(id), 3000, 'the other process to drop the deleted rule');
      expect(other.get(RewardsRulesService).ruleNames([id]).get(id)).toBe('Everywhere');
    });

    it('picks up a change made without an announcement by polling', async () => {
      const inserted: { insertId: number } = await ctx.dataSource.query(
        `INSERT INTO reward_rules (name, active, priority, conditions, award, limits, exclusive)
         VALUES ('Made in SQL', 1, 0, '{}', '{"type":"fixed","points":"1","rounding":"none","target":"referred"}', NULL, 0)`,
      );
      const id = String(inserted.insertId);
      expect(idsIn(ctx.app)).not.toContain(id);
      await waitFor(async () => idsIn(ctx.app).includes(id) && idsIn(other).includes(id), 8000, 'both processes to poll the change');
      await ctx.dataSource.query('UPDATE reward_rules SET deleted_at = NOW(3) WHERE id = ?', [id]);
      await waitFor(async () => !idsIn(ctx.app).includes(id) && !idsIn(other).includes(id), 8000, 'both processes to poll the deletion');
    });
  });

  describe('usage under concurrent transactions', () => {
    /**
     * One worker's unit of work, as event processing does it: the awards planned before any lock,
     * then settled in the transaction (room applied, usage recorded), the budgets claimed last, and
     * the whole run again with the budgets locked when a claim was lost. `beforeClaim` runs between
     * settle and claim of each attempt, `afterClaim` between claim and commit; `partition` is the
     * event partition the chunk came from (its budget shares).
     */
    const work = async (
      dataSource: DataSource, items: Array<{ key: string; facts: EventFacts; accountId: string }>,
      beforeClaim: (options: SettleOptions) => Promise<unknown> = () => new Promise((r) => setTimeout(r, 5)),
      { partition = 0, afterClaim = async () => undefined }: { partition?: number; afterClaim?: () => Promise<unknown> } = {},
    ) => {
      const plan = rules().plan(items);
      await new Promise((r) => setTimeout(r, 5));
      return withBudgetFallback((options) => inTransaction(dataSource, async (manager) => {
        // As event processing does: the recipients' accounts are locked before their usage is read.
        await ctx.app.get(BonusAccountsService).lockAccounts(manager, items.map((i) => i.accountId));
        const { awards, budgetClaims } = await rules().settle(manager, plan, () => false, options);
        await beforeClaim(options);
        await rules().claimBudgets(manager, budgetClaims, partition, options);
        await afterClaim();
        return [...awards.values()].flat();
      }, 'READ COMMITTED'));
    };
    const event = (key: string, accountId: string) => [{ key, accountId, facts: SATURDAY_AT_TSUM }];
    const total = (awards: RuleAward[][], ruleId: string) =>
      awards.flat().filter((a) => a.ruleId === ruleId).reduce((sum, a) => sum + Math.round(Number(a.points) * 100), 0) / 100;

    let otherRuleIds: string[];
    beforeAll(async () => {
      otherRuleIds = rules().activeRules().map((r) => r.id);
      for (const id of otherRuleIds) await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ active: false }).expect(200);
    });

    it('never awards past a budget, whatever the interleaving', async () => {
      const id = await createRule({ name: 'Budget 95', when: {}, award: { type: 'fixed', points: 10 }, limits: { budget: 95 } });
      const [before] = await ctx.dataSource.query('SELECT updated_at FROM reward_rules WHERE id = ?', [id]);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => work(ctx.dataSource, [
          { key: `a${i}`, accountId: String(100 + i), facts: SATURDAY_AT_TSUM },
          { key: `b${i}`, accountId: String(200 + i), facts: SATURDAY_AT_TSUM },
        ], undefined, { partition: i % 3 })),
      );
      expect(total(results, id)).toBe(95);
      const [row] = await ctx.dataSource.query('SELECT budget_granted, updated_at FROM reward_rules WHERE id = ?', [id]);
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('95.00');
      expect(row.budget_granted).toBe('95.00');
      expect(row.updated_at).toEqual(before.updated_at);
      const answer = await ctx.http().get(`/admin/rules/${id}`).set(admin).expect(200);
      expect(answer.body.budgetUsed).toBe('95.00');
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('fills the last room of a budget exactly when two chunks read it at once and claim it after each other', async () => {
      const id = await createRule({ name: 'Budget 15', when: {}, award: { type: 'fixed', points: 10 }, limits: { budget: 15 } });
      let settled = 0;
      let bothSettled!: () => void;
      const barrier = new Promise<void>((resolve) => (bothSettled = resolve));
      const attempts: boolean[] = [];
      const afterSettle = async ({ lockBudgets }: SettleOptions) => {
        attempts.push(lockBudgets);
        if (lockBudgets) return;
        if (++settled === 2) bothSettled();
        await barrier; // both chunks have read the same room of 15 without a lock
      };
      const results = await Promise.all([work(ctx.dataSource, event('r1', '701'), afterSettle), work(ctx.dataSource, event('r2', '702'), afterSettle)]);
      expect(results.map((awards) => awards.map((a) => a.points)).sort()).toEqual([['10.00'], ['5.00']]);
      expect(attempts).toEqual([false, false, true]); // the chunk that lost the claim ran again with the budget locked
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('15.00');
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('takes no lock on a budget row before the claim: another chunk settles and commits meanwhile', async () => {
      const id = await createRule({ name: 'Budget 1000', when: {}, award: { type: 'fixed', points: 10 }, limits: { budget: 1000 } });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstSettled!: () => void;
      const settledFirst = new Promise<void>((resolve) => (firstSettled = resolve));
      const first = work(ctx.dataSource, event('h1', '711'), async () => {
        firstSettled();
        await held; // the first chunk's transaction stays open between settle and claim
      });
      await settledFirst;
      const second = work(ctx.dataSource, event('h2', '712'));
      const finished = await Promise.race([second.then(() => 'committed'), new Promise((r) => setTimeout(() => r('waiting'), 3000))]);
      expect(finished).toBe('committed');
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('10.00');
      release();
      expect((await first).map((a) => a.points)).toEqual(['10.00']);
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('20.00');
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('adds to a budget exactly near the column maximum', async () => {
      const id = await createRule({ name: 'Huge budget', active: false, when: {}, award: { type: 'fixed', points: 1 }, limits: { budget: '9999999999999999.99' } });
      await ctx.dataSource.query("UPDATE rule_budget_shares SET used = '1370.00' WHERE rule_id = ? AND share = 0", [id]);
      const claim = { ruleId: id, points: '999999999999999.99' };
      await inTransaction(ctx.dataSource, (m) => rules().claimBudgets(m, [claim], 0, { lockBudgets: false }));
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('1000000000001369.99');
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('lets chunks of different partitions claim from one budget without waiting for each other', async () => {
      const id = await createRule({ name: 'Budget 6400', when: {}, award: { type: 'fixed', points: 10 }, limits: { budget: 6400 } });
      await work(ctx.dataSource, event('s0', '721'), undefined, { partition: 1 });
      await work(ctx.dataSource, event('s1', '722'), undefined, { partition: 2 });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstClaimed!: () => void;
      const claimedFirst = new Promise<void>((resolve) => (firstClaimed = resolve));
      const first = work(ctx.dataSource, event('s2', '723'), undefined, {
        partition: 1,
        afterClaim: async () => {
          firstClaimed();
          await held; // the first chunk holds its claim uncommitted
        },
      });
      await claimedFirst;
      const second = work(ctx.dataSource, event('s3', '724'), undefined, { partition: 2 });
      const finished = await Promise.race([second.then(() => 'committed'), new Promise((r) => setTimeout(() => r('waiting'), 3000))]);
      release();
      await first;
      expect(finished).toBe('committed');
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('40.00');
      const shares = await ctx.dataSource.query('SELECT share, granted, used FROM rule_budget_shares WHERE rule_id = ? ORDER BY share', [id]);
      // Each of the 8 shares was granted a 64th of the budget when the rule was created; none needed more.
      expect(shares).toEqual(Array.from({ length: 8 }, (_, share) => ({ share, granted: '100.00', used: share === 1 || share === 2 ? '20.00' : '0.00' })));
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('holds a lowered budget at once: the room granted to the shares goes back', async () => {
      const id = await createRule({ name: 'Budget lowered', when: {}, award: { type: 'fixed', points: 10 }, limits: { budget: 6400 } });
      await work(ctx.dataSource, event('l1', '731'), undefined, { partition: 4 });
      await work(ctx.dataSource, event('l2', '732'), undefined, { partition: 5 });
      // Both shares were granted 100 and used 10; the budget now leaves room for 5 more.
      await ctx.http().patch(`/admin/rules/${id}`).set(admin).send({ limits: { budget: 25 } }).expect(200);
      let settled = 0;
      let bothSettled!: () => void;
      const barrier = new Promise<void>((resolve) => (bothSettled = resolve));
      const afterSettle = async ({ lockBudgets }: SettleOptions) => {
        if (lockBudgets) return;
        if (++settled === 2) bothSettled();
        await barrier; // both chunks have read the same room of 5
      };
      const results = await Promise.all([
        work(ctx.dataSource, event('l3', '733'), afterSettle, { partition: 4 }),
        work(ctx.dataSource, event('l4', '734'), afterSettle, { partition: 5 }),
      ]);
      expect(results.map((awards) => awards.map((a) => a.points).join()).sort()).toEqual(['', '5.00']);
      expect(await budgetUsedOf(ctx.dataSource, id)).toBe('25.00');
      const answer = await ctx.http().get(`/admin/rules/${id}`).set(admin).expect(200);
      expect(answer.body.budgetUsed).toBe('25.00');
      await ctx.http().delete(`/admin/rules/${id}`).set(admin).expect(204);
    });

    it('never awards past a customer’s daily and monthly limits, whatever the interleaving', async () => {
      const day = await createRule({ name: 'Day 35', when: {}, award: { type: 'fixed', points: 10 }, limits: { maxPointsPerCustomerPerDay: 35 } });
      const month = await createRule({ name: 'Month 42.5', when: {}, award: { type: 'fixed', points: 10 }, limits: { maxPointsPerCustomerPerMonth: '42.5' } });
      const { accountId } = await createCustomer(ctx, { status: 'active' });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => work(ctx.dataSource, [
          { key: 'x', accountId, facts: { ...SATURDAY_AT_TSUM, performedOn: `2025-03-${String(10 + (i % 2)).padStart(2, '0')}T10:00:00Z` } },
        ])),
      );
      expect(total(results, day)).toBe(70);
      expect(total(results, month)).toBe(42.5);
      const usage = await ctx.dataSource.query('SELECT rule_id, period, points FROM rule_usage WHERE account_id = ? ORDER BY rule_id, period', [accountId]);
      expect(usage).toEqual([
        { rule_id: day, period: 'D2025-03-10', points: '35.00' },
        { rule_id: day, period: 'D2025-03-11', points: '35.00' },
        { rule_id: month, period: 'M2025-03', points: '42.50' },
      ]);
    });
  });
});
