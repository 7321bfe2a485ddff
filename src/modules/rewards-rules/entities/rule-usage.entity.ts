import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Points a rule has awarded to one account in one period (`D2025-01-31` or `M2025-01`), for the per-day/month limits. */
@Entity('rule_usage')
export class RuleUsageEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'bigint', unsigned: true }) ruleId: string;
  @PrimaryColumn({ name: 'account_id', type: 'bigint', unsigned: true }) accountId: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) period: string;
  @Column({ type: 'decimal', precision: 18, scale: 2 }) points: string;
}
