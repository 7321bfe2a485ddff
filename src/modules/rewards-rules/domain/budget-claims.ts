import { formatCents, maxCents, minCents, toCents } from '../../../common/decimal/cents';
import { compareIds } from './compiled-rule';
import { UsageDelta } from './rule-evaluator';

/** What one chunk takes from one rule's budget. */
export interface BudgetClaim {
  ruleId: string;
  points: string;
}

/**
 * A budget is handed to its shares (one per event partition) in slices of a 64th: with 8
 * partitions a share asks the rule's row about 8 times over the whole budget, and at most a slice
 * per share lies granted but unused when the budget runs out (a fallback collects it, see BudgetShares).
 */
export const BUDGET_SLICES = 64n;

/** The budget deltas summed per rule, in rule id order (the order claims take the rows' locks in). */
export function budgetClaims(deltas: readonly UsageDelta[]): BudgetClaim[] {
  const sums = new Map<string, bigint>();
  for (const delta of deltas) {
    if (delta.kind === 'budget') sums.set(delta.ruleId, (sums.get(delta.ruleId) ?? 0n) + toCents(delta.points));
  }
  return [...sums.keys()]
    .sort(compareIds)
    .filter((ruleId) => sums.get(ruleId)! > 0n)
    .map((ruleId) => ({ ruleId, points: formatCents(sums.get(ruleId)!) }));
}

/**
 * What a share takes from its rule's budget when its own room lacks `lacking` hundredths: a slice
 * of the budget, or what it lacks if that is more, never more than is left (budget − granted).
 * null when what is left cannot cover what it lacks. A rule without a budget grants what is lacking.
 */
export function shareGrant(lacking: bigint, budget: bigint | null, granted: bigint): bigint | null {
  if (budget === null) return lacking;
  const left = budget - granted;
  if (left < lacking) return null;
  return minCents(left, maxCents(lacking, budget / BUDGET_SLICES));
}

/** What each of `shares` shares is granted up front: a slice, or an equal part of what is left if that is less. */
export function spreadGrant(budget: bigint, granted: bigint, shares: number): bigint {
  const left = budget - granted;
  if (left <= 0n || shares <= 0) return 0n;
  return minCents(budget / BUDGET_SLICES, left / BigInt(shares));
}
