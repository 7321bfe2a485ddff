import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('access_tokens')
export class AccessTokenEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'customer_id', type: 'char', length: 36 }) customerId: string;
  @Column({ name: 'authentication_code' }) authenticationCode: string;
  @Column({ type: 'varchar', nullable: true }) identifier: string | null;
  /** Salted scrypt (see common/crypto/pass-code-hash); older rows: unsalted SHA-256 until first use. */
  @Column({ name: 'pass_code_hash', type: 'varchar', length: 255, nullable: true }) passCodeHash: string | null;
  @Column() status: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
