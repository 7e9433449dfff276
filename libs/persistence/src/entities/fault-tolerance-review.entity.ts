import type { ReviewState, ReviewStatus } from '@dandang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The read model of one fault-tolerance review (its workflow id is its id). */
@Entity('fault_tolerance_reviews')
export class FaultToleranceReviewEntity {
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('integer') seq!: number;
  @Column('integer') version!: number;
  @Column('text') status!: ReviewStatus;
  @Column('jsonb') state!: ReviewState;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
