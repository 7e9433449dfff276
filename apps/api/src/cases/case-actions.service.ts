import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  REVIEW_ACTION_SPECS,
  isActionName,
  isReviewActionName,
  type ActionName,
  type ActionPayloads,
  type ReviewActionName,
  type ReviewActionPayloads,
} from '@dandang/contracts';
import { DomainError, DomainErrorCode, invalidInput, isPlainObject, validateActionPayload, validatePayloadFields } from '@dandang/domain';
import { ReporterRepository, ReviewRepository, UserRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { CaseAccessService } from './case-access.service';
import { caseViewFor, seesReporter } from './case-view';

/** Fields naming a user who will be given the case: they must be an active case officer who can see it. */
const ASSIGNEE_FIELDS: Partial<Record<ActionName, 'assigneeId' | 'toUserId'>> = { acceptClue: 'assigneeId', reassign: 'toUserId' };

@Injectable()
export class CaseActionsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly users: UserRepository,
    private readonly reporters: ReporterRepository,
    private readonly workflows: CaseWorkflowClient,
    private readonly reviews: ReviewRepository,
  ) {}

  /** Sends an officer action to the case's workflow; answers once the change is in the read model. */
  async perform(user: AuthUser, caseId: string, action: string, body: unknown, idempotencyKey?: string) {
    if (isReviewActionName(action)) return this.performReviewStep(user, caseId, action, body, idempotencyKey);
    if (!isActionName(action)) throw new DomainError(DomainErrorCode.NOT_FOUND, `unknown action ${action}`, 'UNKNOWN_ACTION');
    const record = await this.access.visibleCase(user, caseId);
    const { expectedVersion, payload } = splitBody(body);
    const problems = validateActionPayload(action, payload);
    if (problems.length) throw invalidInput(problems);
    await this.checkAssignee(action, payload as Record<string, unknown>, record.orgPath);
    if (action === 'linkSubjectAccount') await this.checkSubjectAccount((payload as { userId: string }).userId);
    const result = await this.workflows.act(
      caseId,
      action,
      { actor: actorOf(user), payload: payload as ActionPayloads[ActionName], expectedVersion },
      idempotencyKey ? `${action}:${user.id}:${idempotencyKey}` : randomUUID(),
    );
    return caseViewFor(result.state, user, new Date(), seesReporter(user) ? await this.reporters.findByCaseId(caseId) : null);
  }

  /**
   * A step of a fault-tolerance review: the body names the review (`reviewId`, from the case's `reviews`); the step
   * goes to the review's workflow. An assessment gets the official's record computed here, never typed in.
   */
  private async performReviewStep(user: AuthUser, caseId: string, action: ReviewActionName, body: unknown, idempotencyKey?: string) {
    const record = await this.access.visibleCase(user, caseId);
    const { expectedVersion, payload } = splitBody(body);
    const { reviewId, ...fields } = isPlainObject(payload) ? payload : ({} as Record<string, unknown>);
    const review = record.state.reviews?.find((r) => r.reviewId === reviewId);
    if (typeof reviewId !== 'string' || !review) {
      throw invalidInput([{ field: 'reviewId', message: 'must name a fault-tolerance review of this case' }]);
    }
    const problems = validatePayloadFields(REVIEW_ACTION_SPECS[action].fields, fields);
    if (problems.length) throw invalidInput(problems);
    const step = action === 'submitAssessment' ? { ...fields, history: await this.reviews.errorHistory(caseId) } : fields;
    const result = await this.workflows.actOnReview(
      review.workflowId,
      action,
      { actor: actorOf(user), payload: step as ReviewActionPayloads[ReviewActionName], expectedVersion },
      idempotencyKey ? `${action}:${user.id}:${idempotencyKey}` : randomUUID(),
    );
    return result.state;
  }

  /** Only an active account of an official concerned (role SUBJECT) can be linked as a case's subject. */
  private async checkSubjectAccount(userId: string): Promise<void> {
    const account = await this.users.findById(userId);
    if (!account || !account.active || !account.roles.includes('SUBJECT')) {
      throw invalidInput([{ field: 'userId', message: 'must be an active account of an official concerned (role SUBJECT)' }]);
    }
  }

  private async checkAssignee(action: ActionName, payload: Record<string, unknown>, caseOrgPath: string): Promise<void> {
    const field = ASSIGNEE_FIELDS[action];
    const userId = field ? payload[field] : undefined;
    if (typeof userId !== 'string') return;
    const assignee = await this.users.findById(userId);
    const unitOk = assignee && (await this.access.visibleCaseOrgFor(assignee.orgUnitId, caseOrgPath));
    if (!assignee || !assignee.active || !assignee.roles.includes('CASE_OFFICER') || !unitOk) {
      throw invalidInput([{ field: field!, message: 'must be an active case officer who can see this case' }]);
    }
  }
}

function splitBody(body: unknown): { expectedVersion?: number; payload: unknown } {
  if (!isPlainObject(body)) return { payload: body };
  const { expectedVersion, ...payload } = body;
  if (expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || (expectedVersion as number) < 1)) {
    throw invalidInput([{ field: 'expectedVersion', message: 'must be a positive integer' }]);
  }
  return { expectedVersion: expectedVersion as number | undefined, payload };
}
