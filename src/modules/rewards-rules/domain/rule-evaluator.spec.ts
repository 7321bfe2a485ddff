import { EventFacts } from './event-facts';
import { RuleDefinition } from './rule-definition';
import {
  evaluateBatch, evaluateEvent, evaluateRefund, planAwards, refundFactsAsPurchase, RuleAward, settleAwards, usageNeeds,
  UsageSnapshot, usageScope,
} from './rule-evaluator';
import { parseRule } from './rule-validation';

/** A validated rule from the JSON an admin would send. */
function makeRule(id: string, input: Record<string, unknown> = {}): RuleDefinition {
  const parsed = parseRule({ name: `rule ${id}`, when: {}, award: { type: 'fixed', points: '1' }, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return { id, ...parsed.value };
}

/** A purchase of 100 at merchant 123456 on Saturday 2025-03-15 (UTC). */
function purchase(overrides: Partial<EventFacts> = {}): EventFacts {
  return { eventType: 'operation', operationType: 'purchase', performedOn: '2025-03-15T12:00:00.000Z', amount: '100', merchant: '123456', ...overrides };
}

/** Usage from maps: `ruleId:accountId:period` → used points; ruleId → remaining budget. */
function usageOf(customer: Record<string, string> = {}, budgets: Record<string, string> = {}): UsageSnapshot {
  return {
    customerDay: (ruleId, accountId, period) => customer[`${ruleId}:${accountId}:${period}`] ?? '0',
    customerMonth: (ruleId, accountId, period) => customer[`${ruleId}:${accountId}:${period}`] ?? '0',
    budgetRemaining: (ruleId) => budgets[ruleId] ?? null,
  };
}

const NONE = usageOf();
const points = (facts: EventFacts, rules: RuleDefinition[], usage = NONE) => evaluateEvent(facts, '1', rules, usage).awards.map((a) => a.points);
const ruleIds = (facts: EventFacts, rules: RuleDefinition[]) => evaluateEvent(facts, '1', rules, NONE).awards.map((a) => a.ruleId);
const matches = (when: Record<string, unknown>, facts: EventFacts) => points(facts, [makeRule('1', { when })]).length === 1;

const SPEC_EXAMPLE_RULE = makeRule('1', {
  name: '10% back at TSUM on weekends', active: true, priority: 10, validFrom: '2025-01-01T00:00:00Z', validTo: null,
  when: { eventTypes: ['operation'], operationTypes: ['purchase'], merchants: ['123456'], minAmount: '10', daysOfWeek: [6, 7] },
  award: { type: 'percent', percent: '10', rounding: 'floor' },
  limits: { maxPointsPerEvent: '500', maxPointsPerCustomerPerDay: '1000', budget: '1000000' },
  expiresInDays: 365, exclusive: false,
});

describe('evaluateEvent', () => {
  describe('the SPEC §6 example rule', () => {
    const usage = usageOf({}, { '1': '1000000' });

    it('gives 10 points for 100 at TSUM on a Saturday, expiring in 365 days', () => {
      expect(evaluateEvent(purchase(), '42', [SPEC_EXAMPLE_RULE], usage)).toEqual({
        awards: [{
          ruleId: '1', ruleName: '10% back at TSUM on weekends', accountId: '42', role: 'self', points: '10.00',
          expiresAt: '2026-03-15T12:00:00.000Z',
        }],
        usage: [
          { kind: 'customer', ruleId: '1', accountId: '42', period: 'D2025-03-15', points: '10.00' },
          { kind: 'budget', ruleId: '1', points: '10.00' },
        ],
      });
    });

    it('floors to whole points', () => {
      expect(points(purchase({ amount: '105.55' }), [SPEC_EXAMPLE_RULE], usage)).toEqual(['10.00']);
      expect(points(purchase({ amount: '19.99' }), [SPEC_EXAMPLE_RULE], usage)).toEqual(['1.00']);
    });

    it('gives nothing on a weekday, below the minimum, elsewhere or before validFrom', () => {
      expect(points(purchase({ performedOn: '2025-03-14T12:00:00Z' }), [SPEC_EXAMPLE_RULE], usage)).toEqual([]);
      expect(points(purchase({ amount: '9.99' }), [SPEC_EXAMPLE_RULE], usage)).toEqual([]);
      expect(points(purchase({ merchant: '999' }), [SPEC_EXAMPLE_RULE], usage)).toEqual([]);
      expect(points(purchase({ performedOn: '2024-12-28T12:00:00Z' }), [SPEC_EXAMPLE_RULE], usage)).toEqual([]);
    });

    it('caps at 500 per event', () => {
      expect(points(purchase({ amount: '100000' }), [SPEC_EXAMPLE_RULE], usage)).toEqual(['500.00']);
    });
  });

  describe('conditions', () => {
    it('an empty when matches every event', () => {
      expect(matches({}, { eventType: 'web', performedOn: '2025-01-01T00:00:00Z' })).toBe(true);
    });

    it('eventTypes', () => {
      expect(matches({ eventTypes: ['operation', 'web'] }, purchase())).toBe(true);
      expect(matches({ eventTypes: ['purchase'] }, purchase())).toBe(false);
    });

    it('operationTypes; an event without one does not match', () => {
      expect(matches({ operationTypes: ['purchase'] }, purchase())).toBe(true);
      expect(matches({ operationTypes: ['payment'] }, purchase())).toBe(false);
      expect(matches({ operationTypes: ['purchase'] }, purchase({ operationType: undefined }))).toBe(false);
    });

    it.each([
      ['classifications', 'classification'], ['merchants', 'merchant'], ['terminals', 'terminal'], ['businessUnits', 'businessUnit'],
      ['units', 'unit'], ['customerEvents', 'customerEvent'], ['bankEvents', 'bankEvent'], ['customerType1', 'customerType1'],
      ['customerType2', 'customerType2'], ['customerType3', 'customerType3'], ['customerType4', 'customerType4'],
      ['customerType5', 'customerType5'], ['mcc', 'mcc'], ['bankProducts', 'bankProduct'], ['currencies', 'currency'],
      ['socialMedia', 'socialMedia'], ['actions', 'action'], ['websites', 'website'],
    ])('%s matches the event’s %s, case-insensitively, and an event without it does not', (condition, field) => {
      const when = { [condition]: ['Gold', 'Silver'] };
      expect(matches(when, purchase({ [field]: 'gold' }))).toBe(true);
      expect(matches(when, purchase({ [field]: 'SILVER' }))).toBe(true);
      expect(matches(when, purchase({ [field]: 'Bronze' }))).toBe(false);
      expect(matches(when, purchase({ [field]: undefined }))).toBe(false);
    });

    it('products: at least one of the purchase’s products', () => {
      const products = [{ code: 'MILK', quantity: '1', totalAmount: '2' }, { code: 'BREAD', quantity: '1', totalAmount: '1' }];
      expect(matches({ products: ['bread', 'wine'] }, purchase({ products }))).toBe(true);
      expect(matches({ products: ['wine'] }, purchase({ products }))).toBe(false);
      expect(matches({ products: ['wine'] }, purchase())).toBe(false);
    });

    it('minAmount and maxAmount are inclusive; an event without an amount does not match them', () => {
      expect(matches({ minAmount: '100' }, purchase())).toBe(true);
      expect(matches({ minAmount: '100.0001' }, purchase())).toBe(false);
      expect(matches({ maxAmount: '100' }, purchase())).toBe(true);
      expect(matches({ maxAmount: '99.9999' }, purchase())).toBe(false);
      expect(matches({ minAmount: '0' }, purchase({ amount: undefined }))).toBe(false);
      expect(matches({ maxAmount: '10' }, purchase({ amount: undefined }))).toBe(false);
    });

    it('kpis: each measured, and at least min when given', () => {
      const kpis = [{ code: 'steps', value: '10000' }, { code: 'visits', value: '3' }];
      expect(matches({ kpis: [{ code: 'STEPS', min: '10000' }, { code: 'visits' }] }, purchase({ kpis }))).toBe(true);
      expect(matches({ kpis: [{ code: 'steps', min: '10000.5' }] }, purchase({ kpis }))).toBe(false);
      expect(matches({ kpis: [{ code: 'sleep' }] }, purchase({ kpis }))).toBe(false);
      expect(matches({ kpis: [{ code: 'steps' }] }, purchase())).toBe(false);
    });

    it('daysOfWeek: ISO days of the event’s UTC date', () => {
      expect(matches({ daysOfWeek: [1] }, purchase({ performedOn: '2025-03-17T00:00:00Z' }))).toBe(true);
      expect(matches({ daysOfWeek: [7] }, purchase({ performedOn: '2025-03-16T23:59:59.999Z' }))).toBe(true);
      expect(matches({ daysOfWeek: [6, 7] }, purchase({ performedOn: '2025-03-14T23:59:59Z' }))).toBe(false);
      expect(matches({ daysOfWeek: [5] }, purchase({ performedOn: '2025-03-15T01:00:00+03:00' }))).toBe(true);
    });

    it('every given condition must hold', () => {
      const when = { merchants: ['123456'], operationTypes: ['purchase'], minAmount: '50' };
      expect(matches(when, purchase())).toBe(true);
      expect(matches(when, purchase({ amount: '49' }))).toBe(false);
      expect(matches(when, purchase({ operationType: 'payment' }))).toBe(false);
    });
  });

  describe('validity and activity', () => {
    const window = { validFrom: '2025-03-01T00:00:00Z', validTo: '2025-03-31T23:59:59Z' };
    const at = (performedOn: string) => points(purchase({ performedOn }), [makeRule('1', window)]);

    it('applies from validFrom to validTo inclusive, by the event’s date', () => {
      expect(at('2025-02-28T23:59:59.999Z')).toEqual([]);
      expect(at('2025-03-01T00:00:00Z')).toEqual(['1.00']);
      expect(at('2025-03-31T23:59:59Z')).toEqual(['1.00']);
      expect(at('2025-03-31T23:59:59.001Z')).toEqual([]);
    });

    it('a rule that has ended still applies to events performed while it was valid', () => {
      expect(points(purchase({ performedOn: '2019-06-01T00:00:00Z' }), [makeRule('1', { validTo: '2020-01-01T00:00:00Z' })])).toEqual(['1.00']);
    });

    it('ignores inactive rules', () => {
      expect(points(purchase(), [makeRule('1', { active: false })])).toEqual([]);
    });
  });

  describe('award forms', () => {
    const award = (spec: Record<string, unknown>, facts = purchase()) => points(facts, [makeRule('1', { award: spec })]);

    it('fixed', () => expect(award({ type: 'fixed', points: '25.5' })).toEqual(['25.50']));

    it('percent of the base amount; nothing without an amount', () => {
      expect(award({ type: 'percent', percent: '10' })).toEqual(['10.00']);
      expect(award({ type: 'percent', percent: '2.5' }, purchase({ amount: '33.3333' }))).toEqual(['0.83']);
      expect(award({ type: 'percent', percent: '10' }, purchase({ amount: undefined }))).toEqual([]);
      expect(award({ type: 'percent', percent: '10' }, purchase({ amount: '0' }))).toEqual([]);
    });

    it('perAmount: points per whole step', () => {
      expect(award({ type: 'perAmount', points: '2', step: '10' }, purchase({ amount: '99.99' }))).toEqual(['18.00']);
      expect(award({ type: 'perAmount', points: '2', step: '10' }, purchase({ amount: '9.99' }))).toEqual([]);
      expect(award({ type: 'perAmount', points: '0.5', step: '0.25' }, purchase({ amount: '1' }))).toEqual(['2.00']);
    });

    it('perProductUnit: points per unit of every product, or of the products the rule names', () => {
      const products = [
        { code: 'MILK', quantity: '2', totalAmount: '3' },
        { code: 'CHEESE', quantity: '1.5', totalAmount: '9' },
      ];
      expect(award({ type: 'perProductUnit', points: '3' }, purchase({ products }))).toEqual(['10.50']);
      expect(points(purchase({ products }), [makeRule('1', { when: { products: ['milk'] }, award: { type: 'perProductUnit', points: '3' } })])).toEqual(['6.00']);
      expect(award({ type: 'perProductUnit', points: '3' })).toEqual([]);
    });

    it('kpiFactor: the KPI’s value times the factor; nothing when not measured or negative', () => {
      expect(award({ type: 'kpiFactor', kpi: 'steps', factor: '0.001' }, purchase({ kpis: [{ code: 'steps', value: '12345' }] }))).toEqual(['12.34']);
      expect(award({ type: 'kpiFactor', kpi: 'steps', factor: '2' }, purchase({ kpis: [{ code: 'sleep', value: '8' }] }))).toEqual([]);
      expect(award({ type: 'kpiFactor', kpi: 'steps', factor: '2' }, purchase({ kpis: [{ code: 'steps', value: '-3' }] }))).toEqual([]);
    });
  });

  describe('rounding', () => {
    const rounded = (amount: string, rounding?: string) =>
      points(purchase({ amount }), [makeRule('1', { award: { type: 'percent', percent: '1', ...(rounding ? { rounding } : {}) } })]);

    it('none (the default): 2 decimals, the rest dropped', () => {
      expect(rounded('299.99')).toEqual(['2.99']);
      expect(rounded('299.99', 'none')).toEqual(['2.99']);
    });

    it('floor: whole points down', () => {
      expect(rounded('299.99', 'floor')).toEqual(['2.00']);
      expect(rounded('99.99', 'floor')).toEqual([]);
    });

    it('round: whole points half-up', () => {
      expect(rounded('250', 'round')).toEqual(['3.00']);
      expect(rounded('249.99', 'round')).toEqual(['2.00']);
      expect(rounded('49.99', 'round')).toEqual([]);
    });

    it('never goes through floats', () => {
      expect(points(purchase({ amount: '0.3' }), [makeRule('1', { award: { type: 'percent', percent: '1000' } })])).toEqual(['3.00']);
      expect(points(purchase({ amount: '99999999999999.9999' }), [makeRule('1', { award: { type: 'percent', percent: '100' } })]))
        .toEqual(['99999999999999.99']);
    });
  });

  describe('order and exclusivity', () => {
    it('runs higher priorities first, equal priorities by id (numerically)', () => {
      const rules = [makeRule('10', { priority: 1 }), makeRule('9', { priority: 1 }), makeRule('3', { priority: 5 }), makeRule('1', { priority: -2 })];
      expect(ruleIds(purchase(), rules)).toEqual(['3', '9', '10', '1']);
    });

    it('every matching rule applies', () => {
      expect(points(purchase(), [makeRule('1', { award: { type: 'fixed', points: 5 } }), makeRule('2', { award: { type: 'percent', percent: 1 } })]))
        .toEqual(['5.00', '1.00']);
    });

    it('a matching exclusive rule stops the ones after it, not the ones before', () => {
      const rules = [makeRule('1', { priority: 9 }), makeRule('2', { priority: 5, exclusive: true }), makeRule('3', { priority: 1 })];
      expect(ruleIds(purchase(), rules)).toEqual(['1', '2']);
    });

    it('an exclusive rule that does not match stops nothing', () => {
      const rules = [makeRule('1', { priority: 5, exclusive: true, when: { merchants: ['other'] } }), makeRule('2')];
      expect(ruleIds(purchase(), rules)).toEqual(['2']);
    });

    it('an exclusive rule stops the rest even when its limits leave it nothing', () => {
      const rules = [makeRule('1', { priority: 5, exclusive: true, limits: { budget: '10' } }), makeRule('2')];
      expect(evaluateEvent(purchase(), '1', rules, usageOf({}, { '1': '0' })).awards).toEqual([]);
    });

    it('an inactive exclusive rule stops nothing', () => {
      expect(ruleIds(purchase(), [makeRule('1', { priority: 5, exclusive: true, active: false }), makeRule('2')])).toEqual(['2']);
    });
  });

  describe('referrals', () => {
    const referral: EventFacts = {
      eventType: 'referral', performedOn: '2025-03-15T12:00:00Z', referral: { referrerAccountId: '7', referredAccountId: '8' },
    };
    const awardsFor = (target?: string) =>
      evaluateEvent(referral, '8', [makeRule('1', { award: { type: 'fixed', points: 50, ...(target ? { target } : {}) } })], NONE).awards
        .map((a) => [a.accountId, a.role, a.points]);

    it('goes to the referred party by default', () => expect(awardsFor()).toEqual([['8', 'referred', '50.00']]));
    it('to the referrer', () => expect(awardsFor('referrer')).toEqual([['7', 'referrer', '50.00']]));
    it('to both, referrer first', () => expect(awardsFor('both')).toEqual([['7', 'referrer', '50.00'], ['8', 'referred', '50.00']]));

    it('a non-referral event’s award goes to its own account whatever the target', () => {
      const rules = [makeRule('1', { award: { type: 'fixed', points: 1, target: 'both' } })];
      expect(evaluateEvent(purchase(), '5', rules, NONE).awards.map((a) => [a.accountId, a.role])).toEqual([['5', 'self']]);
    });

    it('limits apply per receiving account; the budget is shared', () => {
      const rule = makeRule('1', { award: { type: 'fixed', points: 50, target: 'both' }, limits: { maxPointsPerCustomerPerDay: '100', budget: '1000' } });
      const usage = usageOf({ '1:7:D2025-03-15': '80' }, { '1': '60' });
      expect(evaluateEvent(referral, '8', [rule], usage)).toEqual({
        awards: [
          expect.objectContaining({ accountId: '7', role: 'referrer', points: '20.00' }),
          expect.objectContaining({ accountId: '8', role: 'referred', points: '40.00' }),
        ],
        usage: [
          { kind: 'customer', ruleId: '1', accountId: '7', period: 'D2025-03-15', points: '20.00' },
          { kind: 'budget', ruleId: '1', points: '60.00' },
          { kind: 'customer', ruleId: '1', accountId: '8', period: 'D2025-03-15', points: '40.00' },
        ],
      });
    });
  });

  describe('limits', () => {
    const tenPercent = (limits: Record<string, unknown>, rounding = 'none') => makeRule('1', { award: { type: 'percent', percent: '10', rounding }, limits });

    it('maxPointsPerEvent caps each award', () => {
      expect(points(purchase({ amount: '1000' }), [tenPercent({ maxPointsPerEvent: '25.5' })])).toEqual(['25.50']);
    });

    it('a capped whole-point rule stays in whole points', () => {
      expect(points(purchase({ amount: '1000' }), [tenPercent({ maxPointsPerEvent: '25.5' }, 'floor')])).toEqual(['25.00']);
      expect(points(purchase({ amount: '1000' }), [tenPercent({ maxPointsPerEvent: '0.5' }, 'round')])).toEqual([]);
    });

    it('per customer per day: the room left in the event’s UTC day', () => {
      const rule = tenPercent({ maxPointsPerCustomerPerDay: '30' });
      expect(points(purchase(), [rule], usageOf({ '1:1:D2025-03-15': '25' }))).toEqual(['5.00']);
      expect(points(purchase(), [rule], usageOf({ '1:1:D2025-03-15': '30' }))).toEqual([]);
      expect(points(purchase(), [rule], usageOf({ '1:1:D2025-03-14': '30', '1:2:D2025-03-15': '30' }))).toEqual(['10.00']);
    });

    it('per customer per month: the room left in the event’s UTC month', () => {
      const rule = tenPercent({ maxPointsPerCustomerPerMonth: '100' });
      expect(points(purchase(), [rule], usageOf({ '1:1:M2025-03': '97.5' }))).toEqual(['2.50']);
      expect(points(purchase(), [rule], usageOf({ '1:1:M2025-02': '100' }))).toEqual(['10.00']);
    });

    it('total budget: the room left', () => {
      const rule = tenPercent({ budget: '1000' });
      expect(points(purchase(), [rule], usageOf({}, { '1': '3.33' }))).toEqual(['3.33']);
      expect(points(purchase(), [rule], usageOf({}, { '1': '0' }))).toEqual([]);
    });

    it('the tightest limit wins', () => {
      const rule = tenPercent({ maxPointsPerEvent: '9', maxPointsPerCustomerPerDay: '100', maxPointsPerCustomerPerMonth: '100', budget: '100' });
      expect(points(purchase(), [rule], usageOf({ '1:1:D2025-03-15': '92', '1:1:M2025-03': '95' }, { '1': '50' }))).toEqual(['5.00']);
      expect(points(purchase(), [rule], usageOf({ '1:1:D2025-03-15': '0', '1:1:M2025-03': '0' }, { '1': '7' }))).toEqual(['7.00']);
    });

    it('records usage only for the limits the rule has', () => {
      expect(evaluateEvent(purchase(), '1', [tenPercent({ maxPointsPerEvent: '5' })], NONE).usage).toEqual([]);
      expect(evaluateEvent(purchase(), '1', [tenPercent({ maxPointsPerCustomerPerMonth: '50' })], NONE).usage)
        .toEqual([{ kind: 'customer', ruleId: '1', accountId: '1', period: 'M2025-03', points: '10.00' }]);
    });

    it('a dropped award uses nothing', () => {
      expect(evaluateEvent(purchase(), '1', [tenPercent({ budget: '5' })], usageOf({}, { '1': '0' }))).toEqual({ awards: [], usage: [] });
    });
  });

  it('points do not expire when the rule has no expiresInDays', () => {
    expect(evaluateEvent(purchase(), '1', [makeRule('1')], NONE).awards[0].expiresAt).toBeNull();
    expect(evaluateEvent(purchase(), '1', [makeRule('1', { expiresInDays: 30 })], NONE).awards[0].expiresAt).toBe('2025-04-14T12:00:00.000Z');
  });
});

describe('evaluateBatch', () => {
  const dayCapped = makeRule('1', { award: { type: 'fixed', points: 40 }, limits: { maxPointsPerCustomerPerDay: '100', budget: '150' } });
  const item = (key: string, accountId: string, performedOn = '2025-03-15T12:00:00Z') => ({ key, accountId, facts: purchase({ performedOn }) });
  const pointsOf = (awards: Map<string, RuleAward[]>) => Object.fromEntries([...awards].map(([k, a]) => [k, a.map((x) => x.points)]));

  it('lets each item see the usage of the ones before it, so limits hold within the batch', () => {
    const result = evaluateBatch(
      [item('a', '1'), item('b', '1'), item('c', '1'), item('d', '2'), item('e', '1', '2025-03-16T12:00:00Z')],
      [dayCapped], usageOf({}, { '1': '150' }),
    );
    expect(pointsOf(result.awards)).toEqual({ a: ['40.00'], b: ['40.00'], c: ['20.00'], d: ['40.00'], e: ['10.00'] });
    expect(result.usage).toEqual([
      { kind: 'customer', ruleId: '1', accountId: '1', period: 'D2025-03-15', points: '100.00' },
      { kind: 'budget', ruleId: '1', points: '150.00' },
      { kind: 'customer', ruleId: '1', accountId: '2', period: 'D2025-03-15', points: '40.00' },
      { kind: 'customer', ruleId: '1', accountId: '1', period: 'D2025-03-16', points: '10.00' },
    ]);
  });

  it('starts from the stored usage', () => {
    const result = evaluateBatch([item('a', '1'), item('b', '1')], [dayCapped], usageOf({ '1:1:D2025-03-15': '70' }, { '1': '150' }));
    expect(pointsOf(result.awards)).toEqual({ a: ['30.00'], b: [] });
  });

  it('gives every item an entry and refuses duplicate keys', () => {
    expect([...evaluateBatch([item('a', '1')], [], NONE).awards]).toEqual([['a', []]]);
    expect(() => evaluateBatch([item('a', '1'), item('a', '2')], [dayCapped], NONE)).toThrow('Duplicate batch key a');
  });

  it('evaluates refund items as the purchase they reverse, without taking usage', () => {
    const refund = { key: 'r', accountId: '1', refund: true, facts: purchase({ operationType: 'refund' }) };
    const rule = makeRule('1', { when: { operationTypes: ['purchase'] }, award: { type: 'fixed', points: 40 }, limits: { maxPointsPerCustomerPerDay: '100' } });
    const result = evaluateBatch([item('a', '1'), refund, item('b', '1'), item('c', '1')], [rule], NONE);
    expect(pointsOf(result.awards)).toEqual({ a: ['40.00'], r: ['40.00'], b: ['40.00'], c: ['20.00'] });
    expect(result.usage).toEqual([{ kind: 'customer', ruleId: '1', accountId: '1', period: 'D2025-03-15', points: '100.00' }]);
  });

  it('leaves blocked recipients out before any usage is taken; a refund still reverses on a blocked account', () => {
    const both = makeRule('1', { award: { type: 'fixed', points: 40, target: 'both' }, limits: { maxPointsPerCustomerPerDay: '100', budget: '150' } });
    const referral: EventFacts = { eventType: 'referral', performedOn: '2025-03-15T12:00:00Z', referral: { referrerAccountId: '7', referredAccountId: '8' } };
    const refund = { key: 'r', accountId: '7', refund: true, facts: purchase({ operationType: 'refund' }) };
    const blocked = (accountId: string) => accountId === '7';
    const result = evaluateBatch([{ key: 'x', accountId: '8', facts: referral }, refund], [both], usageOf({}, { '1': '150' }), blocked);
    expect(Object.fromEntries([...result.awards].map(([k, a]) => [k, a.map((x) => [x.accountId, x.points])]))).toEqual({
      x: [['8', '40.00']], r: [['7', '40.00']],
    });
    expect(result.usage).toEqual([
      { kind: 'customer', ruleId: '1', accountId: '8', period: 'D2025-03-15', points: '40.00' },
      { kind: 'budget', ruleId: '1', points: '40.00' },
    ]);
  });
});

describe('refunds', () => {
  it('refundFactsAsPurchase turns a refund into the purchase it reverses and leaves other events as they are', () => {
    const refund = purchase({ operationType: 'refund' });
    expect(refundFactsAsPurchase(refund)).toEqual(purchase());
    expect(refund.operationType).toBe('refund');
    expect(refundFactsAsPurchase(purchase({ operationType: 'payment' }))).toEqual(purchase({ operationType: 'payment' }));
  });

  it('evaluateRefund gives the points the purchase would earn, capped per event but not by the used room', () => {
    const rule = makeRule('1', {
      when: { operationTypes: ['purchase'] }, award: { type: 'percent', percent: '10', rounding: 'floor' },
      limits: { maxPointsPerEvent: '8', maxPointsPerCustomerPerDay: '1', budget: '1' },
    });
    expect(evaluateRefund(purchase({ operationType: 'refund', amount: '75' }), '3', [rule])).toEqual([
      { ruleId: '1', ruleName: 'rule 1', accountId: '3', role: 'self', points: '7.00', expiresAt: null },
    ]);
    expect(evaluateRefund(purchase({ operationType: 'refund', amount: '500' }), '3', [rule])[0].points).toBe('8.00');
  });
});

describe('usageScope', () => {
  it('names the rules with room limits, every account an award may go to, and the periods', () => {
    const rules = [
      makeRule('1', { limits: { maxPointsPerEvent: '1' } }),
      makeRule('2', { limits: { budget: '1' } }),
      makeRule('3', { limits: { maxPointsPerCustomerPerDay: '1' } }),
      makeRule('4', { limits: { maxPointsPerCustomerPerMonth: '1' }, active: false }),
    ];
    const referral: EventFacts = { eventType: 'referral', performedOn: '2025-04-01T00:00:00Z', referral: { referrerAccountId: '7', referredAccountId: '8' } };
    expect(usageScope([{ facts: purchase(), accountId: '5' }, { facts: referral, accountId: '8' }], rules)).toEqual({
      ruleIds: ['2', '3'],
      accountIds: ['5', '8', '7'],
      periods: ['D2025-03-15', 'M2025-03', 'D2025-04-01', 'M2025-04'],
    });
  });
});

describe('planAwards and settleAwards', () => {
  const budgeted = makeRule('1', { when: { merchants: ['999'] }, award: { type: 'fixed', points: 5 }, limits: { budget: '100' } });
  const daily = makeRule('2', { award: { type: 'fixed', points: 40 }, limits: { maxPointsPerCustomerPerDay: '50', maxPointsPerEvent: '30' } });
  const unlimited = makeRule('3', { award: { type: 'percent', percent: '1.5' } });

  it('plans without usage; settling applies the room the usage leaves, in the items’ order', () => {
    const plan = planAwards([{ key: 'a', accountId: '1', facts: purchase() }, { key: 'b', accountId: '1', facts: purchase() }], [budgeted, daily, unlimited]);
    const settled = settleAwards(plan, usageOf({ '2:1:D2025-03-15': '5' }));
    expect(Object.fromEntries([...settled.awards].map(([k, a]) => [k, a.map((x) => [x.ruleId, x.points])]))).toEqual({
      a: [['2', '30.00'], ['3', '1.50']],
      b: [['2', '15.00'], ['3', '1.50']],
    });
  });

  it('needs usage only of the limited rules the plan would award from, for the accounts and periods they reach', () => {
    const plan = planAwards([{ key: 'a', accountId: '1', facts: purchase() }, { key: 'b', accountId: '2', facts: purchase({ performedOn: '2025-04-01T00:00:00Z' }) }], [budgeted, daily, unlimited]);
    expect(usageNeeds(plan)).toEqual({ ruleIds: ['2'], accountIds: ['1', '2'], periods: ['D2025-03-15', 'M2025-03', 'D2025-04-01', 'M2025-04'] });
    expect(usageNeeds(plan, (id) => id === '2')).toEqual({ ruleIds: ['2'], accountIds: ['1'], periods: ['D2025-03-15', 'M2025-03'] });
    const atBudgetedMerchant = planAwards([{ key: 'c', accountId: '1', facts: purchase({ merchant: '999' }) }], [budgeted, unlimited]);
    expect(usageNeeds(atBudgetedMerchant).ruleIds).toEqual(['1']);
    const refund = planAwards([{ key: 'r', accountId: '1', refund: true, facts: purchase({ operationType: 'refund', merchant: '999' }) }], [budgeted]);
    expect(usageNeeds(refund).ruleIds).toEqual([]);
  });

  it('treats a zero limit as a limit', () => {
    const zero = makeRule('4', { limits: { maxPointsPerCustomerPerDay: '0' } });
    const plan = planAwards([{ key: 'a', accountId: '1', facts: purchase() }], [zero]);
    expect(usageNeeds(plan).ruleIds).toEqual(['4']);
    expect(settleAwards(plan, NONE).awards.get('a')).toEqual([]);
  });
});
