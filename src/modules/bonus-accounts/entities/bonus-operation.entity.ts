import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const OPERATION_TYPES = ['accrual', 'spend', 'expiry', 'reversal', 'adjustment'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/** One immutable ledger line. Accruals (and positive adjustments) are lots whose `remaining` spends and expiry consume. */
@Entity('bonus_operations')
export class BonusOperationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'account_id', type: 'bigint', unsigned: true }) accountId: string;
  @Column({ type: 'varchar' }) type: OperationType;
  @Column({ type: 'decimal', precision: 18, scale: 2 }) points: string;
  @Column({ type: 'decimal', precision: 18, scale: 2, nullable: true }) remaining: string | null;
  @Column({ name: 'event_id', type: 'char', length: 32, nullable: true }) eventId: string | null;
  /** The integrator's eventId of a command accrual that has no register event. */
  @Column({ name: 'external_event_id', type: 'varchar', nullable: true }) externalEventId: string | null;
  @Column({ name: 'rule_id', type: 'bigint', unsigned: true, nullable: true }) ruleId: string | null;
  @Column({ name: 'lot_id', type: 'bigint', unsigned: true, nullable: true }) lotId: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'varchar', nullable: true }) comment: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true }) expiresAt: Date | null;
}
