import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EVENT_STATES = ['pending', 'processed', 'rejected', 'failed', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];
export type EventSource = 'command' | 'crm';

/** The event register: one row per accepted customer event, whatever protocol brought it. */
@Entity('customer_events')
export class CustomerEventEntity {
  /** Sequential number, shown as a string on the CRM wire. */
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) number: string;
  /** 32 upper-case hex characters. */
  @Column({ type: 'char', length: 32 }) id: string;
  @Column({ name: 'client_id', type: 'bigint', unsigned: true }) clientId: string;
  @Column({ type: 'varchar' }) source: EventSource;
  @Column() type: string;
  /** Namespaced idempotency key, unique per client: `cmd:<eventId>`, `ext:<length of system>:<system>/<ref>`, `ref:<reference_number>`. */
  @Column({ name: 'external_key', type: 'varchar', nullable: true }) externalKey: string | null;
  @Column({ name: 'command_id', type: 'char', length: 36, nullable: true }) commandId: string | null;
  @Column({ name: 'customer_id', type: 'char', length: 36, nullable: true }) customerId: string | null;
  @Column({ name: 'account_id', type: 'bigint', unsigned: true, nullable: true }) accountId: string | null;
  @Column({ name: 'performed_on', type: 'datetime', precision: 3 }) performedOn: Date;
  @Column({ type: 'decimal', precision: 18, scale: 4, nullable: true }) amount: string | null;
  /** The event as the rules see it. */
  @Column({ type: 'json' }) attributes: Record<string, unknown>;
  /** The type-specific request fields as received. */
  @Column({ type: 'json', nullable: true }) payload: Record<string, unknown> | null;
  @Column({ type: 'json', nullable: true }) udf: Record<string, unknown> | null;
  @Column({ type: 'varchar' }) state: EventState;
  @Column({ type: 'decimal', precision: 18, scale: 2, nullable: true }) points: string | null;
  @Column({ type: 'varchar', nullable: true }) error: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'processed_at', type: 'datetime', precision: 3, nullable: true }) processedAt: Date | null;
}
