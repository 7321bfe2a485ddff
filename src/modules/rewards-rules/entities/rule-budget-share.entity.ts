import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One share of a budgeted rule's budget: what the rule's row granted to it and what awards of its
 * partition used. A rule's budget use is the sum of its shares' `used`.
 */
@Entity('rule_budget_shares')
export class RuleBudgetShareEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'bigint', unsigned: true }) ruleId: string;
  @PrimaryColumn({ type: 'smallint', unsigned: true }) share: number;
  @Column({ type: 'decimal', precision: 18, scale: 2 }) granted: string;
  @Column({ type: 'decimal', precision: 18, scale: 2 }) used: string;
}
