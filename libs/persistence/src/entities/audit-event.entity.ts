import type { Role } from '@dandang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  /** 'case', or a review's own stream ('review-1', …); each stream is chained on its own. */
  @Column('text') stream!: string;
  @Column('integer') version!: number;
  @Column('text') action!: string;
  @Column('uuid', { name: 'actor_id' }) actorId!: string;
  @Column('text', { name: 'actor_name' }) actorName!: string;
  @Column('text', { name: 'actor_role' }) actorRole!: Role | 'SYSTEM';
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'from_stage', nullable: true }) fromStage!: string | null;
  @Column('text', { name: 'to_stage' }) toStage!: string;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('char', { name: 'prev_hash', length: 64 }) prevHash!: string;
  @Column('char', { length: 64 }) hash!: string;
}
