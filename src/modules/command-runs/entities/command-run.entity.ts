import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type CommandRunState = 'accepted' | 'processing' | 'done';

/** Bookkeeping of one asynchronous Command API call (its `commandId`). */
@Entity('command_runs')
export class CommandRunEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'client_id', type: 'bigint', unsigned: true }) clientId: string;
  @Column() type: string;
  @Column({ type: 'varchar' }) state: CommandRunState;
  @Column({ name: 'item_count', type: 'int' }) itemCount: number;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt: Date | null;
}
