import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ApiClientRole = 'integrator' | 'admin';

@Entity('api_clients')
export class ApiClientEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column() name: string;
  @Column({ type: 'varchar' }) role: ApiClientRole;
  /** The integrator operations the client may call (see domain/client-scopes). */
  @Column({ type: 'json' }) scopes: string[];
  /** SHA-256 of the key: keys are random 256-bit values, so a fast hash is enough and allows lookup. */
  @Column({ name: 'key_hash', type: 'char', length: 64 }) keyHash: string;
  @Column({ name: 'key_prefix' }) keyPrefix: string;
  @Column({ type: 'boolean' }) active: boolean;
  /** The admin client of ADMIN_API_KEY: replaced (deactivated) when the variable changes. */
  @Column({ name: 'from_environment', type: 'boolean' }) fromEnvironment: boolean;
  /** Requests per rate-limit window; null = the default (RATE_LIMIT), 0 = unlimited. */
  @Column({ name: 'rate_limit', type: 'int', unsigned: true, nullable: true }) rateLimit: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
