import {
  REVIEW_ACTION_SPECS,
  reviewStream,
  type FaultToleranceAssessment,
  type ReviewActionName,
  type ReviewActionPayloads,
  type ReviewRequest,
  type ReviewResult,
  type ReviewState,
  type ReviewStatus,
  type Role,
} from '@dandang/contracts';
import { conflict, forbidden, invalidInput } from '../errors';
import { validatePayloadFields } from '../payload-validation';
import { recommendOutcome } from './assessment';
import { checkDetermination } from './determination';

/** The status each review step needs, and who may take it. */
const STEP_RULES: Readonly<Record<ReviewActionName, { from: ReviewStatus; roles: readonly Role[] }>> = {
  acceptApplication: { from: 'APPLIED', roles: ['CASE_OFFICER', 'SUPERVISOR'] },
  declineApplication: { from: 'APPLIED', roles: ['CASE_OFFICER', 'SUPERVISOR'] },
  submitAssessment: { from: 'ACCEPTED', roles: ['CASE_OFFICER', 'SUPERVISOR'] },
  determineTolerance: { from: 'ASSESSED', roles: ['SUPERVISOR'] },
  notifyApplicant: { from: 'DETERMINED', roles: ['CASE_OFFICER', 'SUPERVISOR'] },
  fileForRecord: { from: 'NOTIFIED', roles: ['CASE_OFFICER', 'SUPERVISOR'] },
};

/** Whether the review has run its course (its workflow may end). */
export const isReviewOver = (review: ReviewState): boolean => review.status === 'FILED' || review.status === 'DECLINED';

/** Throws the DomainError that refuses a review step, or returns when it may proceed. Pure: the validators call it. */
export function checkReviewAction(review: ReviewState, action: ReviewActionName, request: ReviewRequest, now: Date): void {
  void now;
  const { actor } = request;
  if (request.expectedVersion !== undefined && request.expectedVersion !== review.version) {
    throw conflict('STALE_VERSION', `the review is at version ${review.version}, not ${request.expectedVersion}; reload and retry`);
  }
  if (actor.userId === review.subjectUserId || actor.userId === review.applicant.userId) {
    throw forbidden('RECUSAL', '申请人及被审查干部本人不能办理容错审查 (the applicant and the official concerned take no review step)');
  }
  const rule = STEP_RULES[action];
  if (review.status !== rule.from) throw conflict('WRONG_STEP', `${action} is not possible while the review is ${review.status}`);
  if (!rule.roles.some((r) => actor.roles.includes(r))) throw forbidden('ROLE', `${action} needs one of the roles ${rule.roles.join(', ')}`);
  const { history: _computed, ...typed } = request.payload as Partial<ReviewActionPayloads['submitAssessment']>;
  const problems = validatePayloadFields(REVIEW_ACTION_SPECS[action].fields, action === 'submitAssessment' ? typed : request.payload);
  if (problems.length) throw invalidInput(problems);
  if (action === 'submitAssessment') {
    if (!_computed) throw invalidInput([{ field: 'history', message: 'is computed from the earlier cases and must be given' }]);
    recommendOutcome(request.payload as FaultToleranceAssessment, review.policy);
  }
  if (action === 'determineTolerance') tally(review, request as ReviewRequest<'determineTolerance'>);
}

function tally(review: ReviewState, request: ReviewRequest<'determineTolerance'>) {
  const p = request.payload;
  return checkDetermination(
    { assessorId: review.assessorId!, handlerIds: review.handlerIds, recommendation: review.recommendation!, votes: review.votes },
    { voter: request.actor, outcome: p.outcome, ...(p.mitigation ? { mitigation: p.mitigation } : {}), ...(p.reason ? { reason: p.reason } : {}) },
    review.policy,
  );
}

/** Applies an accepted review step: the new review state (version + 1) and the event of its audit stream. */
export function applyReviewAction(review: ReviewState, action: ReviewActionName, request: ReviewRequest, now: Date): ReviewResult {
  checkReviewAction(review, action, request, now);
  const at = now.toISOString();
  const by = request.actor.userId;
  const next: ReviewState = JSON.parse(JSON.stringify(review)) as ReviewState;
  let reason: string | undefined;
  switch (action) {
    case 'acceptApplication': {
      const p = request.payload as ReviewActionPayloads['acceptApplication'];
      next.acceptance = { by, at, ...(p.note ? { note: p.note } : {}) };
      next.status = 'ACCEPTED';
      reason = p.note;
      break;
    }
    case 'declineApplication': {
      const p = request.payload as ReviewActionPayloads['declineApplication'];
      next.decline = { explanation: p.explanation, by, at };
      next.status = 'DECLINED';
      reason = p.explanation;
      break;
    }
    case 'submitAssessment': {
      const assessment = request.payload as FaultToleranceAssessment;
      next.assessment = assessment;
      next.assessorId = by;
      next.assessedAt = at;
      next.recommendation = recommendOutcome(assessment, review.policy);
      next.status = 'ASSESSED';
      break;
    }
    case 'determineTolerance': {
      const result = tally(review, request as ReviewRequest<'determineTolerance'>);
      next.votes = result.votes;
      if (result.decision) {
        next.determination = { ...result.decision, at };
        next.status = 'DETERMINED';
      }
      reason = (request.payload as ReviewActionPayloads['determineTolerance']).reason;
      break;
    }
    case 'notifyApplicant': {
      const p = request.payload as ReviewActionPayloads['notifyApplicant'];
      next.notification = { ...p, by, at };
      next.status = 'NOTIFIED';
      reason = p.note;
      break;
    }
    case 'fileForRecord': {
      const p = request.payload as ReviewActionPayloads['fileForRecord'];
      next.filing = { ...p, by, at };
      next.status = 'FILED';
      reason = p.note;
      break;
    }
  }
  next.version = review.version + 1;
  const role = STEP_RULES[action].roles.find((r) => request.actor.roles.includes(r))!;
  return {
    state: next,
    event: {
      caseId: review.caseId,
      version: next.version,
      action,
      actorId: by,
      actorName: request.actor.displayName,
      actorRole: role,
      occurredAt: at,
      reason,
      fromStage: review.status,
      toStage: next.status,
      payload: { reviewId: review.reviewId, ...(request.payload as object) },
      stream: reviewStream(review.seq),
    },
  };
}
