import { budgetClaims, claimStatement } from './budget-claims';

describe('budgetClaims', () => {
  it('sums the budget deltas per rule in id order, exactly, and leaves out customer usage', () => {
    const claims = budgetClaims(
      [
        { kind: 'budget', ruleId: '10', points: '0.10' },
        { kind: 'customer', ruleId: '9', accountId: '1', period: '2025-03', points: '5.00' },
        { kind: 'budget', ruleId: '9', points: '999999999999999.99' },
        { kind: 'budget', ruleId: '10', points: '0.20' },
      ],
      new Map([['9', '9999999999999999.99'], ['10', '1001.00']]),
    );
    expect(claims).toEqual([
      { ruleId: '9', points: '999999999999999.99', budget: '9999999999999999.99' },
      { ruleId: '10', points: '0.30', budget: '1001.00' },
    ]);
  });

  it('claims nothing for a rule that used no budget, and no limit for a rule without one', () => {
    expect(budgetClaims([{ kind: 'budget', ruleId: '3', points: '0.00' }], new Map([['3', '5']]))).toEqual([]);
    expect(budgetClaims([{ kind: 'budget', ruleId: '4', points: '1.5' }], new Map())).toEqual([{ ruleId: '4', points: '1.50', budget: null }]);
  });
});

describe('claimStatement', () => {
  it('adds to budget_used only while the sum stays within the budget, in DECIMAL arithmetic', () => {
    const { sql, params } = claimStatement({ ruleId: '7', points: '12.50', budget: '1001.00' });
    expect(sql).toBe(
      'UPDATE reward_rules SET budget_used = budget_used + CAST(? AS DECIMAL(20,2)), updated_at = updated_at WHERE id = ?'
      + ' AND budget_used + CAST(? AS DECIMAL(20,2)) <= CAST(? AS DECIMAL(20,2))',
    );
    expect(params).toEqual(['12.50', '7', '12.50', '1001.00']);
    expect(sql).not.toMatch(/FOR UPDATE/);
  });

  it('adds without a condition when the rule has no budget', () => {
    expect(claimStatement({ ruleId: '7', points: '1.00', budget: null }).sql).not.toMatch(/<=/);
  });
});
