import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('org_units')
export class OrgUnitEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('text') path!: string;
  @Column('text', { name: 'region_code', nullable: true }) regionCode!: string | null;
  /** Set once retired (撤销): the unit keeps its history and takes nothing new. */
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
}
