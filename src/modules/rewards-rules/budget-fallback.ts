/** How settle reads the budgeted rules' budget_used: without a lock (claimed at the end), or under lock. */
export interface SettleOptions {
  lockBudgets: boolean;
}

/** A budget claim found the room taken by another transaction since settle read it. */
export class BudgetClaimLost extends Error {
  constructor(ruleId: string) {
    super(`The budget of rule ${ruleId} was used by another transaction meanwhile`);
    this.name = 'BudgetClaimLost';
  }
}

/**
 * Runs a unit of work that settles awards optimistically (budgets read without a lock, claimed
 * just before commit); when a claim is lost it runs the whole unit once more with the budget rows
 * locked from settle on, so the last room of a budget is filled exactly. The work must roll its
 * transaction back when it throws.
 */
export async function withBudgetFallback<T>(work: (options: SettleOptions) => Promise<T>): Promise<T> {
  try {
    return await work({ lockBudgets: false });
  } catch (error) {
    if (!(error instanceof BudgetClaimLost)) throw error;
    return work({ lockBudgets: true });
  }
}
