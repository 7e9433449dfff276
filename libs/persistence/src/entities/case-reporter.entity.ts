import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The reporter's identity, kept apart from the case and shown only to intake officers. */
@Entity('case_reporters')
export class CaseReporterEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('boolean') anonymous!: boolean;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text', { nullable: true }) contact!: string | null;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' }) recordedAt!: Date;
}
