import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('directory_policies')
export class DirectoryPolicyEntity {
  @PrimaryColumn() kind: string;
  @Column({ type: 'boolean' }) closed: boolean;
}
