import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ACTION_SPECS,
  UPLOAD_ACTIONS,
  isActionName,
  isDocumentActionName,
  isReviewActionName,
  type ActionName,
  type ActionPayloads,
  type ReviewActionName,
  type ReviewActionPayloads,
} from '@dandang/contracts';
import {
  ASSIGNEE_FIELDS,
  DomainError,
  DomainErrorCode,
  assertEligibleAssignee,
  assertLinkableSubjectAccount,
  checkField,
  invalidInput,
  isPlainObject,
  isSecurityRefusal,
} from '@dandang/domain';
import { ReviewRepository, UserRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { CaseAccessService } from '../access/case-access.service';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { revealStepEvent } from '../reporter-identity/reveal-events';
import { caseViewFor } from './case-view';

@Injectable()
export class CaseActionsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly users: UserRepository,
    private readonly workflows: CaseWorkflowClient,
    private readonly reviews: ReviewRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  /** Sends an officer action to the case's workflow; a refusal under the four-eyes or recusal rule is a security event too. */
  async perform(user: AuthUser, caseId: string, action: string, body: unknown, idempotencyKey?: string) {
    try {
      return await this.performAction(user, caseId, action, body, idempotencyKey);
    } catch (e) {
      if (e instanceof DomainError && isSecurityRefusal(e.reason)) {
        await this.securityEvents.record({ kind: 'ACTION_REFUSED', actor: user, subject: caseId, reason: e.reason, details: { action } });
      }
      throw e;
    }
  }

  /** Answers once the change is in the read model. */
  private async performAction(user: AuthUser, caseId: string, action: string, body: unknown, idempotencyKey?: string) {
    if (isReviewActionName(action)) return this.performReviewStep(user, caseId, action, body, idempotencyKey);
    // Documents are generated and served through their own routes (the API hashes what it generated).
    if (!isActionName(action) || isDocumentActionName(action)) throw new DomainError(DomainErrorCode.NOT_FOUND, `unknown action ${action}`, 'UNKNOWN_ACTION');
    // An evidence file's hash and size are the server's to record, never typed: attachEvidence comes with its upload only.
    if (UPLOAD_ACTIONS.includes(action)) {
      throw new DomainError(DomainErrorCode.NOT_FOUND, `${action} is taken by uploading the file: POST /api/cases/:id/evidence`, 'UNKNOWN_ACTION');
    }
    const record = await this.access.visibleCase(user, caseId);
    const { expectedVersion, payload } = splitBody(body);
    // The payload's fields are checked once, by the workflow's Update validator, whose refusal comes back as the
    // same 400 naming each field. Only the checks that need I/O are made here, on ids that validator would accept.
    const fields = isPlainObject(payload) ? payload : {};
    await this.checkAssignee(action, fields, record.orgPath);
    // A designated body is a unit of the designating supervisor's own subtree.
    const designated = action === 'designateAccountabilityBody' ? idIn(action, fields, 'orgUnitId') : undefined;
    if (designated) await this.access.orgPathWithin(user, designated, 'orgUnitId');
    const subjectAccount = action === 'linkSubjectAccount' ? idIn(action, fields, 'userId') : undefined;
    if (subjectAccount) await this.checkSubjectAccount(subjectAccount);
    const result = await this.workflows.act(
      caseId,
      action,
      { actor: actorOf(user), payload: payload as ActionPayloads[ActionName], expectedVersion },
      idempotencyKey ? `${action}:${user.id}:${idempotencyKey}` : randomUUID(),
    );
    const revealStep = revealStepEvent(action, result.event);
    if (revealStep) await this.securityEvents.record({ ...revealStep, actor: user });
    return caseViewFor(result.state, user, new Date());
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
    // The review's workflow validates the fields; `history` alone is the API's to give, so a typed one is refused here.
    if (action === 'submitAssessment' && 'history' in fields) throw invalidInput([{ field: 'history', message: 'is not a field of this action' }]);
    const step = action === 'submitAssessment' ? { ...fields, history: await this.reviews.errorHistory(caseId) } : fields;
    const result = await this.workflows.actOnReview(
      review.workflowId,
      action,
      { actor: actorOf(user), payload: step as ReviewActionPayloads[ReviewActionName], expectedVersion },
      idempotencyKey ? `${action}:${user.id}:${idempotencyKey}` : randomUUID(),
    );
    return result.state;
  }

  private async checkSubjectAccount(userId: string): Promise<void> {
    assertLinkableSubjectAccount(await this.users.findActiveWithOrgPath(userId));
  }

  private async checkAssignee(action: ActionName, payload: Record<string, unknown>, caseOrgPath: string): Promise<void> {
    const field = ASSIGNEE_FIELDS[action];
    const userId = field ? idIn(action, payload, field) : undefined;
    if (userId) assertEligibleAssignee(await this.users.findActiveWithOrgPath(userId), caseOrgPath, field!);
    // The officers of an inquiry team (approving a filing) are eligible as an assignee is.
    const team = action === 'approve' ? payload['investigationTeam'] : undefined;
    if (Array.isArray(team) && checkField(ACTION_SPECS.approve.conditionalFields!.investigationTeam, team) === undefined) {
      for (const [i, member] of (team as string[]).entries()) {
        assertEligibleAssignee(await this.users.findActiveWithOrgPath(member), caseOrgPath, `investigationTeam[${i}]`);
      }
    }
  }
}

/** The id in `field` when the workflow's validator would take it for one (else it refuses the field itself). */
function idIn(action: ActionName, payload: Record<string, unknown>, field: string): string | undefined {
  const value = payload[field];
  return typeof value === 'string' && checkField(ACTION_SPECS[action].fields[field], value) === undefined ? value : undefined;
}

function splitBody(body: unknown): { expectedVersion?: number; payload: unknown } {
  if (!isPlainObject(body)) return { payload: body };
  const { expectedVersion, ...payload } = body;
  if (expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || (expectedVersion as number) < 1)) {
    throw invalidInput([{ field: 'expectedVersion', message: 'must be a positive integer' }]);
  }
  return { expectedVersion: expectedVersion as number | undefined, payload };
}
