import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The reporter's identity, kept apart from the case. Name and contact are one sealed envelope (libs/sealing, context
 * `reporter:<case id>`): PostgreSQL never holds them in plaintext. Erasure (保存期限届满) deletes the envelope.
 */
@Entity('case_reporters')
export class CaseReporterEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('boolean') anonymous!: boolean;
  /** The sealed `{ name, contact }`; null for an anonymous report or once erased. */
  @Column('text', { nullable: true }) identity!: string | null;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' }) recordedAt!: Date;
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt!: Date | null;
}
