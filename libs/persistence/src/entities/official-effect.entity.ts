import type { OfficialEffectKind, OfficialEffectSource } from '@dandang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One line of the register of effects (official_effects, migration OfficialEffects1766044800000): written with the
 * case's row by the projection (official-effects.repository.ts), never by hand.
 */
@Entity('official_effects')
export class OfficialEffectEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('text', { name: 'effect_key' }) effectKey!: string;
  @Column('text', { name: 'case_number' }) caseNumber!: string;
  @Column('text', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'person_name' }) personName!: string;
  @Column('text') position!: string;
  @Column('text', { name: 'org_unit_id' }) orgUnitId!: string;
  /** The path of the official's unit (the case's when the unit is unknown): the register lists a unit's subtree. */
  @Column('text', { name: 'org_path' }) orgPath!: string;
  @Column('text', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text') kind!: OfficialEffectKind;
  @Column('text') source!: OfficialEffectSource;
  @Column('text', { nullable: true }) form!: string | null;
  @Column('text', { nullable: true }) subtype!: string | null;
  @Column('timestamptz', { name: 'from_at' }) fromAt!: Date;
  @Column('timestamptz', { name: 'until_at', nullable: true }) untilAt!: Date | null;
  @Column('integer', { name: 'appraisal_year', nullable: true }) appraisalYear!: number | null;
  /** The case no longer imposes it (its decision was revoked): kept so that the withdrawal is told. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('timestamptz', { name: 'start_notified_at', nullable: true }) startNotifiedAt!: Date | null;
  @Column('timestamptz', { name: 'end_notified_at', nullable: true }) endNotifiedAt!: Date | null;
  @Column('timestamptz', { name: 'withdrawal_notified_at', nullable: true }) withdrawalNotifiedAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
