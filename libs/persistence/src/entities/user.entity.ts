import type { Role } from '@dandang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') username!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('uuid', { name: 'org_unit_id' }) orgUnitId!: string;
  @Column('boolean') active!: boolean;
  @Column('boolean', { name: 'must_change_password' }) mustChangePassword!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
