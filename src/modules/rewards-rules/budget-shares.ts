import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatCents, toCents } from '../../common/decimal/cents';
import { SQL_POINTS } from '../../common/decimal/points-limits';
import { BudgetClaimLost } from './budget-fallback';
import { BudgetClaim, shareGrant, spreadGrant } from './domain/budget-claims';

export interface BudgetState {
  /** null: the rule has no budget (any more). */
  budget: string | null;
  /** The sum of the shares' use. */
  used: string;
}

const BUDGET = "JSON_UNQUOTE(JSON_EXTRACT(limits, '$.budget'))";

/**
 * The budgets' use, counted per share so that the chunks of different partitions never wait for
 * each other's budget row: a chunk claims from its partition's share (`rule_budget_shares`,
 * locked only by that partition's one job), and only when the share's granted room runs out does
 * it take a slice more from the rule's row (`reward_rules.budget_granted`, at most the budget).
 * The rule's use is the sum of its shares' use, never above the budget: each share uses at most
 * what it was granted, and the row grants at most the budget in all.
 *
 * Locks are taken per rule in one order — its shares by share number, then its row — so claims,
 * fallbacks and admin changes of a budget cannot deadlock on them.
 */
@Injectable()
export class BudgetShares {
  /**
   * Budget and use of each rule. `lock`: all shares of the rules, then the rules' rows, are locked
   * until commit, so the use read is the use (for a fallback that fills a budget's last room).
   */
  async read(manager: EntityManager, ruleIds: readonly string[], lock: boolean): Promise<Map<string, BudgetState>> {
    if (ruleIds.length === 0) return new Map();
    if (lock) await manager.query('SELECT rule_id FROM rule_budget_shares WHERE rule_id IN (?) ORDER BY rule_id, share FOR UPDATE', [ruleIds]);
    const rows: Array<{ id: string; budget: string | null; used: string }> = await manager.query(
      `SELECT r.id, ${BUDGET} AS budget,
              (SELECT COALESCE(SUM(s.used), 0) FROM rule_budget_shares s WHERE s.rule_id = r.id) AS used
         FROM reward_rules r WHERE r.id IN (?) ORDER BY r.id${lock ? ' FOR UPDATE' : ''}`,
      [ruleIds],
    );
    return new Map(rows.map((row) => [String(row.id), { budget: row.budget, used: formatCents(toCents(String(row.used))) }]));
  }

  /**
   * Adds each claim to the share's use. Throws BudgetClaimLost when the share's room and what the
   * budget has left to grant do not cover a claim (other shares hold the rest, or used it since the
   * use was read); the caller rolls back and runs again with `collect`, having read the budgets
   * locked: every share's unused grant then goes back to the rule first, so the last room of a
   * budget is filled exactly.
   */
  async claim(manager: EntityManager, claims: readonly BudgetClaim[], share: number, collect: boolean): Promise<void> {
    for (const claim of claims) {
      if (collect) await this.collect(manager, claim.ruleId);
      await this.take(manager, claim, share);
    }
  }

  /**
   * Grants each of the `shares` a first slice of the rule's budget, as far as it has room left, so
   * the partitions' first claims do not all take the rule's row at once. For a rule just created or
   * whose budget just changed (after collect), in the admin's transaction.
   */
  async spread(manager: EntityManager, ruleId: string, shares: number): Promise<void> {
    const [rule]: Array<{ budget: string | null; granted: string }> = await manager.query(
      `SELECT ${BUDGET} AS budget, budget_granted AS granted FROM reward_rules WHERE id = ? FOR UPDATE`,
      [ruleId],
    );
    if (!rule || rule.budget === null) return;
    const each = spreadGrant(toCents(rule.budget), toCents(rule.granted), shares);
    if (each === 0n) return;
    const rows = Array.from({ length: shares }, (_, share) => [ruleId, share, formatCents(each)]);
    await manager.query(
      `INSERT INTO rule_budget_shares (rule_id, share, granted) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE granted = granted + VALUES(granted)`,
      rows.flat(),
    );
    await manager.query(
      `UPDATE reward_rules SET budget_granted = budget_granted + ${SQL_POINTS}, updated_at = updated_at WHERE id = ?`,
      [formatCents(each * BigInt(shares)), ruleId],
    );
  }

  /** Every share's unused grant back to the rule's row: shares locked first, then the row. */
  async collect(manager: EntityManager, ruleId: string): Promise<void> {
    await manager.query('UPDATE rule_budget_shares SET granted = used WHERE rule_id = ? AND granted <> used', [ruleId]);
    await manager.query(
      `UPDATE reward_rules SET updated_at = updated_at,
              budget_granted = (SELECT COALESCE(SUM(s.used), 0) FROM rule_budget_shares s WHERE s.rule_id = ?)
        WHERE id = ?`,
      [ruleId, ruleId],
    );
  }

  private async take(manager: EntityManager, claim: BudgetClaim, share: number): Promise<void> {
    const points = toCents(claim.points);
    const [row]: Array<{ granted: string; used: string }> = await manager.query(
      'SELECT granted, used FROM rule_budget_shares WHERE rule_id = ? AND share = ? FOR UPDATE',
      [claim.ruleId, share],
    );
    const room = row ? toCents(row.granted) - toCents(row.used) : 0n;
    const grant = room >= points ? 0n : await this.grant(manager, claim.ruleId, points - room);
    if (row) {
      await manager.query(
        `UPDATE rule_budget_shares SET granted = granted + ${SQL_POINTS}, used = used + ${SQL_POINTS} WHERE rule_id = ? AND share = ?`,
        [formatCents(grant), claim.points, claim.ruleId, share],
      );
    } else {
      // The first claim of this share; should another job of the partition have added the row
      // meanwhile, both claims count (the grant covers this claim whatever that row holds).
      await manager.query(
        `INSERT INTO rule_budget_shares (rule_id, share, granted, used) VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE granted = granted + VALUES(granted), used = used + VALUES(used)`,
        [claim.ruleId, share, formatCents(grant), claim.points],
      );
    }
  }

  /** Takes a slice (at least `lacking`) from what the rule's budget has left to grant, or throws BudgetClaimLost. */
  private async grant(manager: EntityManager, ruleId: string, lacking: bigint): Promise<bigint> {
    const [rule]: Array<{ budget: string | null; granted: string }> = await manager.query(
      `SELECT ${BUDGET} AS budget, budget_granted AS granted FROM reward_rules WHERE id = ? FOR UPDATE`,
      [ruleId],
    );
    const grant = rule ? shareGrant(lacking, rule.budget === null ? null : toCents(rule.budget), toCents(rule.granted)) : null;
    if (grant === null) throw new BudgetClaimLost(ruleId);
    await manager.query(
      `UPDATE reward_rules SET budget_granted = budget_granted + ${SQL_POINTS}, updated_at = updated_at WHERE id = ?`,
      [formatCents(grant), ruleId],
    );
    return grant;
  }
}
