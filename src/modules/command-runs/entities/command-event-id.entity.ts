import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per (client, eventId) of the Command API: the command that used the eventId first. */
@Entity('command_event_ids')
export class CommandEventIdEntity {
  @PrimaryColumn({ name: 'client_id', type: 'bigint', unsigned: true }) clientId: string;
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 64 }) eventId: string;
  @Column({ name: 'command_id', type: 'char', length: 36 }) commandId: string;
}
