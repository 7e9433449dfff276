import type { CardColour, CaseState, IntakeMethod, Stage, SupervisionChannel } from '@dandang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The read model of one case: columns for lists and filters, `state` for the detail view. */
@Entity('cases')
export class CaseRecordEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') number!: string;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text') channel!: SupervisionChannel;
  @Column('text', { name: 'intake_method' }) intakeMethod!: IntakeMethod;
  @Column('text') stage!: Stage;
  @Column('uuid', { name: 'org_unit_id' }) orgUnitId!: string;
  @Column('text', { name: 'org_path' }) orgPath!: string;
  @Column('text', { name: 'subject_name' }) subjectName!: string;
  @Column('text', { name: 'subject_position' }) subjectPosition!: string;
  @Column('uuid', { name: 'subject_org_unit_id' }) subjectOrgUnitId!: string;
  @Column('uuid', { name: 'subject_user_id', nullable: true }) subjectUserId!: string | null;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Column('boolean', { name: 'has_pending_approval' }) hasPendingApproval!: boolean;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'stage_entered_at' }) stageEnteredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('integer') version!: number;
  @Column('jsonb') state!: CaseState;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('text') card!: CardColour;
  @Column('boolean') supervised!: boolean;
  @Column('boolean', { name: 'clock_suspended' }) clockSuspended!: boolean;
  /** Users recused from the case (the domain's `maySeeCase`), so that lists leave it out for them. */
  @Column('text', { name: 'recused_user_ids', array: true }) recusedUserIds!: string[];
  /** Whether the official concerned has been told of the case (`subjectWasTold`): only then do they see it. */
  @Column('boolean', { name: 'subject_told' }) subjectTold!: boolean;
  /** The accounts of the persons concerned (`concernedUserIds`): each sees the case once told of it. */
  @Column('text', { name: 'concerned_user_ids', array: true }) concernedUserIds!: string[];
  /** Users a step of the case waits on beyond its stage (the domain's `taskHolders`): the task inbox finds it for them. */
  @Column('text', { name: 'waiting_user_ids', array: true }) waitingUserIds!: string[];
  /** Whether a supervisor's decision waits (an appeal, an ordered correction), whatever the stage. */
  @Column('boolean', { name: 'awaits_supervisor' }) awaitsSupervisor!: boolean;
}
