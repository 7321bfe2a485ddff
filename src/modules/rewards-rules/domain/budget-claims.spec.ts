import { budgetClaims, shareGrant, spreadGrant } from './budget-claims';

describe('budgetClaims', () => {
  it('sums the budget deltas per rule in id order, exactly, and leaves out customer usage', () => {
    const claims = budgetClaims([
      { kind: 'budget', ruleId: '10', points: '0.10' },
      { kind: 'customer', ruleId: '9', accountId: '1', period: '2025-03', points: '5.00' },
      { kind: 'budget', ruleId: '9', points: '999999999999999.99' },
      { kind: 'budget', ruleId: '10', points: '0.20' },
    ]);
    expect(claims).toEqual([
      { ruleId: '9', points: '999999999999999.99' },
      { ruleId: '10', points: '0.30' },
    ]);
  });

  it('claims nothing for a rule that used no budget', () => {
    expect(budgetClaims([{ kind: 'budget', ruleId: '3', points: '0.00' }])).toEqual([]);
  });
});

describe('shareGrant', () => {
  it('takes a 64th of the budget when the share lacks less', () => {
    expect(shareGrant(500n, 6_400_000n, 0n)).toBe(100_000n);
  });

  it('takes what the share lacks when that is more than a slice', () => {
    expect(shareGrant(250_000n, 6_400_000n, 0n)).toBe(250_000n);
  });

  it('never takes more than is left, and nothing when what is left does not cover what is lacking', () => {
    expect(shareGrant(500n, 6_400_000n, 6_350_000n)).toBe(50_000n);
    expect(shareGrant(500n, 6_400_000n, 6_399_600n)).toBeNull();
    expect(shareGrant(400n, 6_400_000n, 6_399_600n)).toBe(400n);
  });

  it('grants exactly what is lacking for a rule without a budget', () => {
    expect(shareGrant(123n, null, 5_000n)).toBe(123n);
  });
});

describe('spreadGrant', () => {
  it('grants each share a slice up front', () => {
    expect(spreadGrant(6_400_000n, 0n, 8)).toBe(100_000n);
  });

  it('grants an equal part of what is left when that is less than a slice, and nothing when nothing is left', () => {
    expect(spreadGrant(6_400_000n, 6_000_000n, 8)).toBe(50_000n);
    expect(spreadGrant(6_400_000n, 6_399_995n, 8)).toBe(0n);
    expect(spreadGrant(6_400_000n, 6_500_000n, 8)).toBe(0n);
  });
});
