import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a (user, Idempotency-Key): its status and the id of what it made or changed, never its body,
 * which could carry personal data and is rendered again for a replay under the caller's permissions at that time.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text') method!: string;
  @Column('text') path!: string;
  @Column('char', { name: 'request_hash', length: 64 }) requestHash!: string;
  /** Null while the first request is still being answered. */
  @Column('integer', { name: 'status_code', nullable: true }) statusCode!: number | null;
  /** The case (or other resource) the first answer was about; null when it named none. */
  @Column('text', { name: 'resource_id', nullable: true }) resourceId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
