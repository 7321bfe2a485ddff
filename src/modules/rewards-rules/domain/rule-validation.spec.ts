import { parseRule } from './rule-validation';

const SPEC_EXAMPLE = {
  name: '10% back at TSUM on weekends', active: true, priority: 10,
  validFrom: '2025-01-01T00:00:00Z', validTo: null,
  when: { eventTypes: ['operation'], operationTypes: ['purchase'], merchants: ['123456'], minAmount: '10', daysOfWeek: [6, 7] },
  award: { type: 'percent', percent: '10', rounding: 'floor' },
  limits: { maxPointsPerEvent: '500', maxPointsPerCustomerPerDay: '1000', budget: '1000000' },
  expiresInDays: 365, exclusive: false,
};

const errorsOf = (input: unknown) => {
  const parsed = parseRule(input);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors;
};
const valueOf = (input: unknown) => {
  const parsed = parseRule(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
};
const minimal = { name: 'r', when: {}, award: { type: 'fixed', points: 5 } };

describe('parseRule', () => {
  it('accepts the SPEC §6 example and normalises it', () => {
    expect(valueOf(SPEC_EXAMPLE)).toEqual({
      ...SPEC_EXAMPLE,
      validFrom: '2025-01-01T00:00:00.000Z',
      award: { type: 'percent', percent: '10', rounding: 'floor', target: 'referred' },
    });
  });

  it('fills in the defaults', () => {
    expect(valueOf(minimal)).toEqual({
      name: 'r', active: true, priority: 0, validFrom: null, validTo: null, when: {},
      award: { type: 'fixed', points: '5', rounding: 'none', target: 'referred' }, limits: null, expiresInDays: null, exclusive: false,
    });
  });

  it('ignores fields that are not the rule’s own, such as those of a rule read back', () => {
    expect(valueOf({ ...minimal, id: '7', budgetUsed: '12.00' })).not.toHaveProperty('id');
  });

  it('requires a name, when and award', () => {
    expect(errorsOf({})).toEqual([
      'name must be a non-empty string',
      'when is required (use {} to match every event)',
      'award is required',
    ]);
    expect(errorsOf([])).toEqual(['rule must be an object']);
    expect(errorsOf({ ...minimal, name: 'x'.repeat(192) })).toEqual(['name must be at most 191 characters']);
  });

  it('checks the top-level types', () => {
    expect(errorsOf({ ...minimal, active: 'yes', priority: 1.5, exclusive: 1, expiresInDays: 0 })).toEqual([
      'active must be true or false',
      'priority must be an integer from -1000000000 to 1000000000',
      'expiresInDays must be an integer from 1 to 36500',
      'exclusive must be true or false',
    ]);
  });

  describe('validity', () => {
    it('reads offsets and stores UTC', () => {
      const rule = valueOf({ ...minimal, validFrom: '2025-01-01T00:00:00+03', validTo: '2025-02-01T00:00:00+0300' });
      expect([rule.validFrom, rule.validTo]).toEqual(['2024-12-31T21:00:00.000Z', '2025-01-31T21:00:00.000Z']);
    });

    it('rejects dates that are not ISO-8601 and a validTo not after validFrom', () => {
      expect(errorsOf({ ...minimal, validFrom: '01/01/2025' })).toEqual(['validFrom must be an ISO-8601 date-time such as 2025-01-01T00:00:00Z']);
      expect(errorsOf({ ...minimal, validFrom: '2025-02-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z' })).toEqual(['validTo must be after validFrom']);
      expect(errorsOf({ ...minimal, validFrom: '2025-02-01T00:00:00Z', validTo: '2025-02-01T00:00:00Z' })).toEqual(['validTo must be after validFrom']);
    });
  });

  describe('when', () => {
    it('accepts every condition', () => {
      const when = {
        eventTypes: ['operation', 'event', 'purchase', 'referral', 'achievement', 'financial_achievement', 'financial_statement', 'web', 'social_media'],
        operationTypes: ['purchase', 'refund', 'payment', 'transfer', 'cashWithdrawal', 'deposit', 'other'],
        classifications: ['C'], merchants: [123456, 'M2'], terminals: ['T'], businessUnits: ['B'], units: ['U'], customerEvents: ['birthday'],
        bankEvents: ['registration'], customerType1: ['a'], customerType2: ['b'], customerType3: ['c'], customerType4: ['d'], customerType5: ['e'],
        mcc: ['5411'], bankProducts: ['Gold card'], products: ['P1'], currencies: ['EUR'], minAmount: 10, maxAmount: '100.5',
        socialMedia: ['facebook'], actions: ['like'], websites: ['shop.example.com'], kpis: [{ code: 'steps', min: '1000' }, { code: 'visits' }],
        daysOfWeek: [7, 6, 6],
      };
      expect(valueOf({ ...minimal, when }).when).toEqual({
        ...when, merchants: ['123456', 'M2'], minAmount: '10', maxAmount: '100.5', daysOfWeek: [6, 7],
      });
    });

    it('refuses unknown conditions instead of ignoring them', () => {
      expect(errorsOf({ ...minimal, when: { merchant: ['1'] } })).toEqual(['when.merchant is not a known condition']);
    });

    it('refuses unknown event and operation types', () => {
      expect(errorsOf({ ...minimal, when: { eventTypes: ['shopping'], operationTypes: ['theft'] } })).toEqual([
        'when.eventTypes[0] must be one of: operation, event, purchase, referral, achievement, financial_achievement, financial_statement, web, social_media',
        'when.operationTypes[0] must be one of: purchase, refund, payment, transfer, cashWithdrawal, deposit, other',
      ]);
    });

    it('refuses empty and non-list code conditions and empty codes', () => {
      expect(errorsOf({ ...minimal, when: { merchants: [], terminals: 'T1', mcc: [''] } })).toEqual([
        'when.merchants must be a non-empty list',
        'when.terminals must be a non-empty list',
        'when.mcc[0] must be a non-empty string',
      ]);
    });

    it('checks amounts: decimals, sign and order', () => {
      expect(errorsOf({ ...minimal, when: { minAmount: '1.23456' } })).toEqual([
        'when.minAmount must be a non-negative decimal number with at most 4 decimals (a JSON number or a string)',
      ]);
      expect(errorsOf({ ...minimal, when: { minAmount: -1 } })[0]).toMatch(/^when.minAmount must be a non-negative decimal/);
      expect(errorsOf({ ...minimal, when: { minAmount: 'NaN' } })[0]).toMatch(/^when.minAmount must be a non-negative decimal/);
      expect(errorsOf({ ...minimal, when: { minAmount: '100', maxAmount: '10' } })).toEqual(['when.maxAmount must not be less than when.minAmount']);
      expect(valueOf({ ...minimal, when: { minAmount: '10', maxAmount: '10.0' } }).when).toEqual({ minAmount: '10', maxAmount: '10' });
    });

    it('checks daysOfWeek as ISO days 1..7', () => {
      expect(errorsOf({ ...minimal, when: { daysOfWeek: [0, 8, 'Mon'] } })).toEqual([
        'when.daysOfWeek[0] must be an ISO day of the week: 1 = Monday … 7 = Sunday',
        'when.daysOfWeek[1] must be an ISO day of the week: 1 = Monday … 7 = Sunday',
        'when.daysOfWeek[2] must be an ISO day of the week: 1 = Monday … 7 = Sunday',
      ]);
    });

    it('checks KPI conditions', () => {
      expect(errorsOf({ ...minimal, when: { kpis: [{ code: '', min: 'x' }, { code: 'a', max: 1 }, 'steps'] } })).toEqual([
        'when.kpis[0].code must be a non-empty string',
        'when.kpis[0].min must be a decimal number with at most 4 decimals (a JSON number or a string)',
        'when.kpis[1].max is not a field of a KPI condition (code, min)',
        'when.kpis[2] must be an object',
      ]);
    });
  });

  describe('award', () => {
    it.each([
      [{ type: 'fixed', points: 50 }, { type: 'fixed', points: '50' }],
      [{ type: 'percent', percent: '2.5' }, { type: 'percent', percent: '2.5' }],
      [{ type: 'perAmount', points: '1', step: 100 }, { type: 'perAmount', points: '1', step: '100' }],
      [{ type: 'perProductUnit', points: '0.5' }, { type: 'perProductUnit', points: '0.5' }],
      [{ type: 'kpiFactor', kpi: 'steps', factor: '0.001' }, { type: 'kpiFactor', kpi: 'steps', factor: '0.001' }],
    ])('accepts %j', (award, expected) => {
      expect(valueOf({ ...minimal, award }).award).toEqual({ ...expected, rounding: 'none', target: 'referred' });
    });

    it('accepts rounding and target', () => {
      expect(valueOf({ ...minimal, award: { type: 'fixed', points: 1, rounding: 'round', target: 'both' } }).award)
        .toEqual({ type: 'fixed', points: '1', rounding: 'round', target: 'both' });
    });

    it('names a missing or unknown type', () => {
      expect(errorsOf({ ...minimal, award: { points: 1 } })).toEqual(['award.type must be one of: fixed, percent, perAmount, perProductUnit, kpiFactor']);
      expect(errorsOf({ ...minimal, award: 'fixed' })).toEqual(['award must be an object']);
    });

    it('refuses fields of another award type', () => {
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: 1, step: 10 } })).toEqual(['award.step is not a field of a fixed award']);
    });

    it('refuses missing, zero, negative and over-precise values', () => {
      expect(errorsOf({ ...minimal, award: { type: 'perAmount' } })).toEqual([
        'award.points must be a positive decimal number with at most 2 decimals (a JSON number or a string)',
        'award.step must be a positive decimal number with at most 4 decimals (a JSON number or a string)',
      ]);
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: 0 } })[0]).toMatch(/^award.points must be a positive/);
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: -5 } })[0]).toMatch(/^award.points must be a positive/);
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: 1.005 } })[0]).toMatch(/^award.points must be a positive decimal number with at most 2 decimals/);
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: 0.1 + 0.2 } })[0]).toMatch(/^award.points must be a positive/);
      expect(errorsOf({ ...minimal, award: { type: 'kpiFactor', kpi: 7.5, factor: '1' } })).toEqual(['award.kpi must be a non-empty string']);
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: '1e20' } })).toEqual(['award.points must be less than 1e16']);
    });

    it('refuses unknown rounding and target', () => {
      expect(errorsOf({ ...minimal, award: { type: 'fixed', points: 1, rounding: 'up', target: 'everyone' } })).toEqual([
        'award.rounding must be one of: floor, round, none',
        'award.target must be one of: referrer, referred, both',
      ]);
    });
  });

  describe('limits', () => {
    it('stores each limit as a decimal string; an empty object means none', () => {
      expect(valueOf({ ...minimal, limits: { maxPointsPerEvent: 500, maxPointsPerCustomerPerDay: '1000.50', maxPointsPerCustomerPerMonth: '0', budget: '1000000' } }).limits)
        .toEqual({ maxPointsPerEvent: '500', maxPointsPerCustomerPerDay: '1000.5', maxPointsPerCustomerPerMonth: '0', budget: '1000000' });
      expect(valueOf({ ...minimal, limits: {} }).limits).toBeNull();
    });

    it('refuses unknown limits and bad values', () => {
      expect(errorsOf({ ...minimal, limits: { maxPerDay: 1, budget: '-1', maxPointsPerEvent: '1.234' } })).toEqual([
        'limits.maxPerDay is not a limit (maxPointsPerEvent, maxPointsPerCustomerPerDay, maxPointsPerCustomerPerMonth, budget)',
        'limits.maxPointsPerEvent must be a non-negative decimal number with at most 2 decimals (a JSON number or a string)',
        'limits.budget must be a non-negative decimal number with at most 2 decimals (a JSON number or a string)',
      ]);
      expect(errorsOf({ ...minimal, limits: [] })).toEqual(['limits must be an object']);
    });
  });

  it('reports every bad field at once', () => {
    expect(errorsOf({ name: '', when: { daysOfWeek: [9] }, award: { type: 'fixed' }, limits: { budget: 'lots' } })).toHaveLength(4);
  });
});
