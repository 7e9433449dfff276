import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  BULK_REASSIGNMENT_WORKFLOW_TYPE,
  reassignmentWorkflowId,
  type BulkReassignmentInput,
  type CaseHolder,
  type ReassignableCase,
  type ReassignmentProgress,
  type ReassignmentStarted,
  type ReassignmentView,
} from '@dandang/contracts';
import {
  DomainError,
  DomainErrorCode,
  assertMayReassignInBulk,
  assertReassignmentTarget,
  caseListScope,
  chooseReassignedCases,
  reassignmentTally,
  type CaseListScope,
} from '@dandang/domain';
import { ReassignmentRepository, UserRepository } from '@dandang/persistence';
import { reassignmentProgressQuery } from '@dandang/workflow-messages';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { ApiConfig } from '../infrastructure/api-config';
import { UnavailableError } from '../infrastructure/unavailable.error';
import type { StartReassignmentDto } from './start-reassignment.dto';

/** How long a progress query may wait for a worker before the caller is told to try again. */
const QUERY_DEADLINE_MS = 10_000;

const notFound = () => new DomainError(DomainErrorCode.NOT_FOUND, 'reassignment not found', 'NOT_FOUND');

/**
 * 批量改派: a supervisor moves an officer's open cases to another as one durable run (the `bulkReassignment`
 * workflow), each case through its own `reassign`; the run's progress comes from its query.
 */
@Injectable()
export class ReassignmentsService {
  constructor(
    private readonly client: Client,
    private readonly config: ApiConfig,
    private readonly users: UserRepository,
    private readonly reassignments: ReassignmentRepository,
  ) {}

  holders(user: AuthUser): Promise<CaseHolder[]> {
    return this.reassignments.holders(scopeOf(user));
  }

  openCases(user: AuthUser, fromUserId: string): Promise<ReassignableCase[]> {
    return this.reassignments.openCasesOf(scopeOf(user), fromUserId);
  }

  async start(user: AuthUser, body: StartReassignmentDto, idempotencyKey?: string): Promise<ReassignmentStarted> {
    const scope = scopeOf(user);
    assertReassignmentTarget(await this.users.findActiveWithOrgPath(body.toUserId), user.orgPath);
    const caseIds = chooseReassignedCases(await this.reassignments.openCasesOf(scope, body.fromUserId), body);
    // A key's run has a fixed id, so even a request whose answer was lost before the key was stored starts no second run.
    const id = idempotencyKey ? idOfKey(user.id, idempotencyKey) : randomUUID();
    const input: BulkReassignmentInput = {
      reassignmentId: id,
      requestedBy: actorOf(user),
      requestedAt: new Date().toISOString(),
      fromUserId: body.fromUserId,
      toUserId: body.toUserId,
      reason: body.reason,
      caseIds,
    };
    try {
      await this.client.workflow.start(BULK_REASSIGNMENT_WORKFLOW_TYPE, {
        workflowId: reassignmentWorkflowId(id),
        taskQueue: this.config.values.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      return this.started(user, id);
    }
    return { id, total: caseIds.length };
  }

  /** The run `id` names, as its requester started it (for a replayed POST). */
  async started(user: AuthUser, id: string): Promise<ReassignmentStarted> {
    const progress = await this.progressOf(user, id);
    return { id, total: progress.total };
  }

  /** The run's progress, each case with its number and title while the reader may still see it. */
  async view(user: AuthUser, id: string): Promise<ReassignmentView> {
    const progress = await this.progressOf(user, id);
    const inSight = new Map((await this.reassignments.casesInSight(scopeOf(user), progress.results.map((r) => r.caseId))).map((c) => [c.id, c]));
    const { applied, refused, failed, finished } = reassignmentTally(progress.results);
    return {
      id,
      status: progress.status,
      fromUserId: progress.fromUserId,
      toUserId: progress.toUserId,
      reason: progress.reason,
      requestedAt: progress.requestedAt,
      total: progress.total,
      finished,
      applied,
      refused,
      failed,
      cases: progress.results.map((r) => {
        const c = inSight.get(r.caseId);
        return { ...r, ...(c ? { number: c.number, title: c.title, stage: c.stage } : {}) };
      }),
    };
  }

  /** Only the supervisor who asked for a run reads it; to anyone else it does not exist. */
  private async progressOf(user: AuthUser, id: string): Promise<ReassignmentProgress> {
    scopeOf(user);
    let progress: ReassignmentProgress;
    try {
      progress = await this.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        this.client.workflow.getHandle(reassignmentWorkflowId(id)).query(reassignmentProgressQuery),
      );
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw notFound();
      throw new UnavailableError('改派进度暂时无法读取，请稍后再试 (the progress could not be read for now; try again shortly)');
    }
    if (progress.requestedBy !== user.id) throw notFound();
    return progress;
  }
}

function scopeOf(user: AuthUser): CaseListScope {
  assertMayReassignInBulk(user);
  const scope = caseListScope(user);
  if (!scope) throw notFound();
  return scope;
}

/** A UUID-shaped id from the requester and their Idempotency-Key. */
function idOfKey(userId: string, key: string): string {
  const h = createHash('sha256').update(`bulk-reassignment\n${userId}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
