import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { formatCents, toCents } from '../../common/decimal/cents';
import { SQL_POINTS } from '../../common/decimal/points-limits';
import { compareIds } from './domain/compiled-rule';
import { RuleDefinition } from './domain/rule-definition';
import { AwardPlan, BatchItem, BatchResult, planAwards, settleAwards, UsageDelta, usageNeeds, UsageSnapshot } from './domain/rule-evaluator';
import { RuleCache } from './rule-cache';

const ROWS_PER_INSERT = 1000;
const notLoaded = (): never => {
  throw new Error('Usage was read for a plan without limited rules');
};
const EMPTY_USAGE: UsageSnapshot = { customerDay: notLoaded, customerMonth: notLoaded, budgetRemaining: notLoaded };

/**
 * What the event processor needs of the rules: awards planned from the cached rules before any lock
 * (`plan`), then settled against the usage read and written inside the processor's transaction
 * (`settle`).
 */
@Injectable()
export class RewardsRulesService {
  constructor(private readonly cache: RuleCache) {}

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
   * left out: reads under lock only the usage the plan's limited rules need (the accounts must be
   * locked already), then records what the awards used, in the caller's transaction.
   */
  async settle(manager: EntityManager, plan: AwardPlan, blocked: (accountId: string) => boolean): Promise<BatchResult> {
    const needs = usageNeeds(plan, blocked);
    const usage = needs.ruleIds.length
      ? await this.loadUsage(manager, needs.ruleIds, needs.accountIds, needs.periods)
      : EMPTY_USAGE;
    const result = settleAwards(plan, usage, blocked);
    await this.recordUsage(manager, result.usage);
    return result;
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

  /**
   * The usage the evaluation of these accounts and periods may read, read with locking reads so it
   * is the latest committed and holds until commit: the budgeted rules' rows are locked in id
   * order (budgets hold exactly across workers), the per-customer usage rows (and the gaps where
   * missing ones would go) too. Lock the accounts first, in id order, to keep waits short;
   * deadlocks are left to the caller's retrying transaction. Asking the snapshot about anything
   * outside the given scope throws, so a caller cannot silently evaluate against zero usage.
   */
  loadUsage(manager: EntityManager, ruleIds: string[], accountIds: string[], periods: string[]): Promise<UsageSnapshot> {
    return this.readUsage(manager, ruleIds, accountIds, periods, true);
  }

  /** The same without locks, for a dry run. */
  peekUsage(manager: EntityManager, ruleIds: string[], accountIds: string[], periods: string[]): Promise<UsageSnapshot> {
    return this.readUsage(manager, ruleIds, accountIds, periods, false);
  }

  /**
   * Adds the deltas to rule_usage (one multi-row upsert per 1000 rows, in key order) and to the
   * rules' budget_used (one statement, each rule once). Does not touch updated_at, which marks
   * changes of the rules themselves.
   */
  async recordUsage(manager: EntityManager, deltas: UsageDelta[]): Promise<void> {
    const customer = new Map<string, { ruleId: string; accountId: string; period: string; points: bigint }>();
    const budgets = new Map<string, bigint>();
    for (const delta of deltas) {
      if (delta.kind === 'budget') {
        budgets.set(delta.ruleId, (budgets.get(delta.ruleId) ?? 0n) + toCents(delta.points));
      } else {
        const key = `${delta.ruleId}:${delta.accountId}:${delta.period}`;
        const row = customer.get(key);
        if (row) row.points += toCents(delta.points);
        else customer.set(key, { ruleId: delta.ruleId, accountId: delta.accountId, period: delta.period, points: toCents(delta.points) });
      }
    }
    const rows = [...customer.values()].sort(
      (a, b) => compareIds(a.ruleId, b.ruleId) || compareIds(a.accountId, b.accountId) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
    );
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO rule_usage (rule_id, account_id, period, points) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE points = points + VALUES(points)`,
        chunk.flatMap((r) => [r.ruleId, r.accountId, r.period, formatCents(r.points)]),
      );
    }
    if (budgets.size) {
      const ids = [...budgets.keys()].sort(compareIds);
      await manager.query(
        `UPDATE reward_rules SET budget_used = budget_used + CASE id ${ids.map(() => `WHEN ? THEN ${SQL_POINTS}`).join(' ')} END, updated_at = updated_at
         WHERE id IN (${ids.map(() => '?').join(', ')})`,
        [...ids.flatMap((id) => [id, formatCents(budgets.get(id)!)]), ...ids],
      );
    }
  }

  private async readUsage(manager: EntityManager, ruleIds: string[], accountIds: string[], periods: string[], lock: boolean): Promise<UsageSnapshot> {
    const scope = { rules: new Set(ruleIds.map(String)), accounts: new Set(accountIds.map(String)), periods: new Set(periods) };
    const rules = [...scope.rules].map((id) => this.cache.byId.get(id)).filter((r): r is RuleDefinition => !!r);
    const budgeted = rules.filter((r) => r.limits?.budget !== undefined).map((r) => r.id).sort(compareIds);
    const perCustomer = rules.filter((r) => r.limits?.maxPointsPerCustomerPerDay !== undefined || r.limits?.maxPointsPerCustomerPerMonth !== undefined);
    const forUpdate = lock ? ' FOR UPDATE' : '';

    const budgets = new Map<string, string | null>();
    if (budgeted.length) {
      const rows: Array<{ id: string; budget: string | null; used: string }> = await manager.query(
        `SELECT id, JSON_UNQUOTE(JSON_EXTRACT(limits, '$.budget')) AS budget, budget_used AS used
         FROM reward_rules WHERE id IN (${budgeted.map(() => '?').join(', ')}) ORDER BY id${forUpdate}`,
        budgeted,
      );
      for (const row of rows) {
        budgets.set(String(row.id), row.budget === null ? null : Decimal.max(new Decimal(row.budget).minus(row.used), 0).toFixed(2));
      }
    }

    const used = new Map<string, string>();
    if (perCustomer.length && scope.accounts.size && scope.periods.size) {
      const ids = perCustomer.map((r) => r.id);
      const accounts = [...scope.accounts];
      const wanted = [...scope.periods];
      const rows: Array<{ rule_id: string; account_id: string; period: string; points: string }> = await manager.query(
        `SELECT rule_id, account_id, period, points FROM rule_usage
         WHERE rule_id IN (${ids.map(() => '?').join(', ')}) AND account_id IN (${accounts.map(() => '?').join(', ')})
           AND period IN (${wanted.map(() => '?').join(', ')})${forUpdate}`,
        [...ids, ...accounts, ...wanted],
      );
      for (const row of rows) used.set(`${row.rule_id}:${row.account_id}:${row.period}`, row.points);
    }

    const customer = (ruleId: string, accountId: string, period: string): string => {
      if (!scope.rules.has(ruleId) || !scope.accounts.has(accountId) || !scope.periods.has(period)) {
        throw new Error(`Usage of rule ${ruleId} by account ${accountId} in ${period} was not loaded`);
      }
      return used.get(`${ruleId}:${accountId}:${period}`) ?? '0';
    };
    return {
      customerDay: customer,
      customerMonth: customer,
      budgetRemaining: (ruleId) => {
        if (!scope.rules.has(ruleId)) throw new Error(`Budget of rule ${ruleId} was not loaded`);
        return budgets.get(ruleId) ?? null;
      },
    };
  }
}
