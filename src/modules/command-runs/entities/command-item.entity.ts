import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The outcome of one item of an asynchronous command, recorded by its step-2 processor. */
@Entity('command_items')
export class CommandItemEntity {
  @PrimaryColumn({ name: 'command_id', type: 'char', length: 36 }) commandId: string;
  @PrimaryColumn({ name: 'item_index', type: 'int' }) itemIndex: number;
  /** The item's own identifier (eventId, or uniqId/guid when it has no event). */
  @Column({ name: 'item_key', type: 'varchar', nullable: true }) itemKey: string | null;
  @Column({ type: 'json', nullable: true }) payload: Record<string, unknown> | null;
  @Column({ type: 'varchar' }) state: string;
  @Column({ name: 'customer_id', type: 'char', length: 36, nullable: true }) customerId: string | null;
  @Column({ type: 'decimal', precision: 18, scale: 2, nullable: true }) points: string | null;
  @Column({ type: 'varchar', nullable: true }) error: string | null;
}
