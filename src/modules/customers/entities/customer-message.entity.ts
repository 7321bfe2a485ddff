import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('customer_messages')
export class CustomerMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'customer_id', type: 'char', length: 36 }) customerId: string;
  @Column() text: string;
  @Column({ name: 'show_count', type: 'int' }) showCount: number;
  @Column({ name: 'show_till', type: 'datetime', precision: 3, nullable: true }) showTill: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
