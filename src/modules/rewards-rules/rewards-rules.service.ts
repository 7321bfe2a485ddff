import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatCents, maxCents, toCents } from '../../common/decimal/cents';
import { SettleOptions } from './budget-fallback';
import { BudgetShares } from './budget-shares';
import { BudgetClaim, budgetClaims } from './domain/budget-claims';
import { compareIds } from './domain/compiled-rule';
import { RuleDefinition } from './domain/rule-definition';
import { AwardPlan, BatchItem, BatchResult, planAwards, settleAwards, UsageDelta, usageNeeds, UsageSnapshot } from './domain/rule-evaluator';
import { RuleCache } from './rule-cache';

const ROWS_PER_INSERT = 1000;

const usageKey = (ruleId: string, accountId: string, period: string) => `${ruleId}:${accountId}:${period}`;
const notLoaded = (): never => {
  throw new Error('Usage was read for a plan without limited rules');
};
const EMPTY_USAGE: UsageSnapshot = { customerDay: notLoaded, customerMonth: notLoaded, budgetRemaining: notLoaded };

/** The settled awards, with what they take from the rules' budgets: pass `budgetClaims` to claimBudgets before commit. */
export interface SettledBatch extends BatchResult {
  budgetClaims: BudgetClaim[];
}

/**
 * What the event processor needs of the rules: awards planned from the cached rules before any lock
 * (`plan`), settled against the usage read and written inside the processor's transaction
 * (`settle`), and their budget usage claimed just before commit (`claimBudgets`).
 */
@Injectable()
export class RewardsRulesService {
  constructor(
    private readonly cache: RuleCache,
    private readonly budgetShares: BudgetShares,
  ) {}

  /** Active rules from the in-memory cache, in evaluation order (priority descending, then id). */
  activeRules(): RuleDefinition[] {
    return this.cache.active as RuleDefinition[];
  }

  /**
   * The batch evaluated by the active rules as far as usage does not matter: matching, award
   * arithmetic and per-event caps. Pure: run it before taking the accounts' locks.
   */
  plan(items: readonly BatchItem[]): AwardPlan {
    return planAwards(items, this.activeRules());
  }

  /**
   * The plan's awards, with the day/month/budget room applied and blocked recipients of accruals
   * left out: reads the usage the plan's limited rules need (the accounts must be locked already:
   * see readUsage), records the per-customer usage, and returns what the awards
   * take from the budgets, to be claimed with claimBudgets as late as possible in the caller's
   * transaction. The budgets' use is read without a lock unless `lockBudgets`: it only grows, so
   * the room read is at least the true room, and a claim that no longer fits fails
   * (BudgetClaimLost) instead of passing the budget.
   */
  async settle(
    manager: EntityManager, plan: AwardPlan, blocked: (accountId: string) => boolean, options: SettleOptions = { lockBudgets: false },
  ): Promise<SettledBatch> {
    const needs = usageNeeds(plan, blocked);
    const { usage, stored } = needs.ruleIds.length
      ? await this.readUsage(manager, needs.ruleIds, needs.accountIds, needs.periods, { budgets: options.lockBudgets })
      : { usage: EMPTY_USAGE, stored: new Set<string>() };
    const result = settleAwards(plan, usage, blocked);
    await this.recordUsage(manager, result.usage, stored);
    return { ...result, budgetClaims: budgetClaims(result.usage) };
  }

  /**
   * Adds the claims to the budgets' use, in rule id order, from the share of the caller's
   * partition (see BudgetShares): the chunks of different partitions take different rows. Throws
   * BudgetClaimLost when a claim no longer fits its budget; the caller rolls back and settles again
   * with the budgets locked (withBudgetFallback), and this call then collects the shares' unused room first.
   */
  async claimBudgets(manager: EntityManager, claims: readonly BudgetClaim[], share: number, options: SettleOptions): Promise<void> {
    await this.budgetShares.claim(manager, claims, share, options.lockBudgets);
  }

  /** Names of rules by id, deleted rules included; unknown ids are left out. */
  ruleNames(ids: string[]): Map<string, string> {
    const names = new Map<string, string>();
    for (const id of ids) {
      const name = this.cache.names.get(String(id));
      if (name !== undefined) names.set(String(id), name);
    }
    return names;
  }

  /** The usage a dry run may read, without locks. Asking the snapshot about anything outside the given scope throws. */
  async peekUsage(manager: EntityManager, ruleIds: string[], accountIds: string[], periods: string[]): Promise<UsageSnapshot> {
    return (await this.readUsage(manager, ruleIds, accountIds, periods, { budgets: false })).usage;
  }

  /**
   * Adds the per-customer deltas to rule_usage, in key order: rows that were read (`stored`) by an
   * UPDATE joined to the deltas, new rows by a plain INSERT, 1000 rows a statement. No upsert: its
   * duplicate-key check locks the gap before the row it finds, which made chunks of other
   * partitions inserting a neighbouring account's row wait; an UPDATE by key and a plain INSERT lock
   * only their own rows. No other transaction can add one of these rows meanwhile: every writer holds
   * the account's lock.
   */
  async recordUsage(manager: EntityManager, deltas: UsageDelta[], stored: ReadonlySet<string>): Promise<void> {
    const customer = new Map<string, { key: string; ruleId: string; accountId: string; period: string; points: bigint }>();
    for (const delta of deltas) {
      if (delta.kind !== 'customer') continue;
      const key = usageKey(delta.ruleId, delta.accountId, delta.period);
      const row = customer.get(key);
      if (row) row.points += toCents(delta.points);
      else customer.set(key, { key, ruleId: delta.ruleId, accountId: delta.accountId, period: delta.period, points: toCents(delta.points) });
    }
    const rows = [...customer.values()].sort(
      (a, b) => compareIds(a.ruleId, b.ruleId) || compareIds(a.accountId, b.accountId) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
    );
    const values = (r: (typeof rows)[number]) => [r.ruleId, r.accountId, r.period, formatCents(r.points)];
    const existing = rows.filter((r) => stored.has(r.key));
    const added = rows.filter((r) => !stored.has(r.key));
    for (let i = 0; i < existing.length; i += ROWS_PER_INSERT) {
      const chunk = existing.slice(i, i + ROWS_PER_INSERT);
      const derived = chunk.map((_, j) => (j === 0
        ? 'SELECT CAST(? AS UNSIGNED) AS rule_id, CAST(? AS UNSIGNED) AS account_id, ? AS period, CAST(? AS DECIMAL(18,2)) AS points'
        : 'SELECT ?, ?, ?, ?')).join(' UNION ALL ');
      await manager.query(
        `UPDATE rule_usage u JOIN (${derived}) d ON u.rule_id = d.rule_id AND u.account_id = d.account_id AND u.period = d.period
            SET u.points = u.points + d.points`,
        chunk.flatMap(values),
      );
    }
    for (let i = 0; i < added.length; i += ROWS_PER_INSERT) {
      const chunk = added.slice(i, i + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO rule_usage (rule_id, account_id, period, points) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(values),
      );
    }
  }

  /**
   * The usage the evaluation of these accounts and periods may read, and the budgeted rules'
   * budgets (locked, see BudgetShares.read, if asked). Per-customer usage is read without locks: the caller
   * holds the accounts' locks, and every writer of an account's usage does too, so the latest
   * committed rows (READ COMMITTED) are the rows until this transaction commits. `stored` are the
   * usage rows that exist (recordUsage updates those and inserts the rest). Asking the snapshot
   * about anything outside the given scope throws, so a caller cannot silently evaluate against zero usage.
   */
  private async readUsage(
    manager: EntityManager, ruleIds: string[], accountIds: string[], periods: string[], lock: { budgets: boolean },
  ): Promise<{ usage: UsageSnapshot; stored: Set<string> }> {
    const scope = { rules: new Set(ruleIds.map(String)), accounts: new Set(accountIds.map(String)), periods: new Set(periods) };
    const rules = [...scope.rules].map((id) => this.cache.byId.get(id)).filter((r): r is RuleDefinition => !!r);
    const budgeted = rules.filter((r) => r.limits?.budget !== undefined).map((r) => r.id).sort(compareIds);
    const perCustomer = rules.filter((r) => r.limits?.maxPointsPerCustomerPerDay !== undefined || r.limits?.maxPointsPerCustomerPerMonth !== undefined);

    const remaining = new Map<string, string | null>();
    for (const [ruleId, state] of await this.budgetShares.read(manager, budgeted, lock.budgets)) {
      remaining.set(ruleId, state.budget === null ? null : formatCents(maxCents(toCents(state.budget) - toCents(state.used), 0n)));
    }

    const used = new Map<string, string>();
    if (perCustomer.length && scope.accounts.size && scope.periods.size) {
      const ids = perCustomer.map((r) => r.id);
      const accounts = [...scope.accounts];
      const wanted = [...scope.periods];
      const rows: Array<{ rule_id: string; account_id: string; period: string; points: string }> = await manager.query(
        `SELECT rule_id, account_id, period, points FROM rule_usage
         WHERE rule_id IN (${ids.map(() => '?').join(', ')}) AND account_id IN (${accounts.map(() => '?').join(', ')})
           AND period IN (${wanted.map(() => '?').join(', ')})`,
        [...ids, ...accounts, ...wanted],
      );
      for (const row of rows) used.set(usageKey(String(row.rule_id), String(row.account_id), row.period), row.points);
    }

    const customer = (ruleId: string, accountId: string, period: string): string => {
      if (!scope.rules.has(ruleId) || !scope.accounts.has(accountId) || !scope.periods.has(period)) {
        throw new Error(`Usage of rule ${ruleId} by account ${accountId} in ${period} was not loaded`);
      }
      return used.get(usageKey(ruleId, accountId, period)) ?? '0';
    };
    const usage: UsageSnapshot = {
      customerDay: customer,
      customerMonth: customer,
      budgetRemaining: (ruleId) => {
        if (!scope.rules.has(ruleId)) throw new Error(`Budget of rule ${ruleId} was not loaded`);
        return remaining.get(ruleId) ?? null;
      },
    };
    return { usage, stored: new Set(used.keys()) };
  }
}
