import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('directory_entries')
export class DirectoryEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column() kind: string;
  @Column() code: string;
  @Column({ type: 'varchar', nullable: true }) name: string | null;
  @Column({ name: 'alternative_code', type: 'varchar', nullable: true }) alternativeCode: string | null;
  @Column({ name: 'parent_id', type: 'bigint', unsigned: true, nullable: true }) parentId: string | null;
  @Column({ type: 'json', nullable: true }) attributes: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
