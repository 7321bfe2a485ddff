import { formatCents, toCents } from '../../../common/decimal/cents';
import { SQL_POINTS } from '../../../common/decimal/points-limits';
import { compareIds } from './compiled-rule';
import { UsageDelta } from './rule-evaluator';

/** What one chunk takes from one rule's budget: `points` to add, `budget` the total it may not pass (null: no budget). */
export interface BudgetClaim {
  ruleId: string;
  points: string;
  budget: string | null;
}

/** The budget deltas summed per rule, in rule id order (the order claims take the rows' locks in). */
export function budgetClaims(deltas: readonly UsageDelta[], budgets: ReadonlyMap<string, string | null>): BudgetClaim[] {
  const sums = new Map<string, bigint>();
  for (const delta of deltas) {
    if (delta.kind === 'budget') sums.set(delta.ruleId, (sums.get(delta.ruleId) ?? 0n) + toCents(delta.points));
  }
  return [...sums.keys()]
    .sort(compareIds)
    .filter((ruleId) => sums.get(ruleId)! > 0n)
    .map((ruleId) => ({ ruleId, points: formatCents(sums.get(ruleId)!), budget: budgets.get(ruleId) ?? null }));
}

/**
 * The statement that adds a claim to the rule's budget_used only if the sum stays within the
 * budget (exact DECIMAL arithmetic); it changes no row when another transaction used the room
 * first. updated_at marks changes of the rule itself and is kept.
 */
export function claimStatement(claim: BudgetClaim): { sql: string; params: string[] } {
  const set = `UPDATE reward_rules SET budget_used = budget_used + ${SQL_POINTS}, updated_at = updated_at WHERE id = ?`;
  return claim.budget === null
    ? { sql: set, params: [claim.points, claim.ruleId] }
    : { sql: `${set} AND budget_used + ${SQL_POINTS} <= ${SQL_POINTS}`, params: [claim.points, claim.ruleId, claim.points, claim.budget] };
}
