import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('bonus_accounts')
export class BonusAccountEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'customer_id', type: 'char', length: 36 }) customerId: string;
  /** `ACR` + 10 digits (CRM accounts receivable number). */
  @Column({ type: 'varchar', nullable: true }) number: string | null;
  /** `RP` + 10 digits (CRM rewards participant number). */
  @Column({ name: 'participant_number', type: 'varchar', nullable: true }) participantNumber: string | null;
  @Column({ type: 'varchar', nullable: true }) name: string | null;
  /** DECIMAL(18,2) as a string: always equal to the sum of the account's operations. */
  @Column({ type: 'decimal', precision: 18, scale: 2 }) balance: string;
  @Column({ name: 'referred_by_account_id', type: 'bigint', unsigned: true, nullable: true }) referredByAccountId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
