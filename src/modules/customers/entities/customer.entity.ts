import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const CUSTOMER_STATUSES = ['new', 'active', 'blocked'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', nullable: true }) guid: string | null;
  @Column({ name: 'uniq_id', type: 'varchar', nullable: true }) uniqId: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) info: string | null;
  @Column({ type: 'varchar' }) status: CustomerStatus;
  @Column({ name: 'customer_type1', type: 'varchar', nullable: true }) customerType1: string | null;
  @Column({ name: 'customer_type2', type: 'varchar', nullable: true }) customerType2: string | null;
  @Column({ name: 'customer_type3', type: 'varchar', nullable: true }) customerType3: string | null;
  @Column({ name: 'customer_type4', type: 'varchar', nullable: true }) customerType4: string | null;
  @Column({ name: 'customer_type5', type: 'varchar', nullable: true }) customerType5: string | null;
  @Column({ name: 'link_token', type: 'char', length: 32 }) linkToken: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
