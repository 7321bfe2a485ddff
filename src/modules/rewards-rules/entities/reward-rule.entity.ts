import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';

@Entity('reward_rules')
export class RewardRuleEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column() name: string;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'int' }) priority: number;
  @Column({ name: 'valid_from', type: 'datetime', precision: 3, nullable: true }) validFrom: Date | null;
  @Column({ name: 'valid_to', type: 'datetime', precision: 3, nullable: true }) validTo: Date | null;
  /** The rule's `when` object. */
  @Column({ type: 'json' }) conditions: Record<string, unknown>;
  @Column({ type: 'json' }) award: Record<string, unknown>;
  @Column({ type: 'json', nullable: true }) limits: Record<string, unknown> | null;
  @Column({ name: 'expires_in_days', type: 'int', nullable: true }) expiresInDays: number | null;
  @Column({ type: 'boolean' }) exclusive: boolean;
  /** How much of the budget went to its shares (BudgetShares): written only in SQL, never by an admin change. */
  @Column({ name: 'budget_granted', type: 'decimal', precision: 18, scale: 2, insert: false, update: false, select: false }) budgetGranted: string;
  /** Points awarded against the budget: the sum of its shares' use. */
  @VirtualColumn({
    query: (alias) => `SELECT CAST(COALESCE(SUM(s.used), 0) AS DECIMAL(18,2)) FROM rule_budget_shares s WHERE s.rule_id = ${alias}.id`,
  })
  budgetUsed: string;
  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
