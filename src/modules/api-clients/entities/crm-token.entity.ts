import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('crm_tokens')
export class CrmTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'client_id', type: 'bigint', unsigned: true }) clientId: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
