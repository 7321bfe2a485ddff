import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
  /** Counted only by processing (`budget_used + …` in SQL): an admin change never writes it back. */
  @Column({ name: 'budget_used', type: 'decimal', precision: 18, scale: 2, update: false }) budgetUsed: string;
  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
