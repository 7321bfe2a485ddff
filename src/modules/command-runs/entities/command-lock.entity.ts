import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per (client, command type): the command that holds the single in-flight slot. */
@Entity('command_locks')
export class CommandLockEntity {
  @PrimaryColumn({ name: 'client_id', type: 'bigint', unsigned: true }) clientId: string;
  @PrimaryColumn() type: string;
  @Column({ name: 'command_id', type: 'char', length: 36, nullable: true }) commandId: string | null;
}
