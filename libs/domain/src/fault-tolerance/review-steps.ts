import {
  REVIEW_ACTION_SPECS,
  reviewStream,
  type Actor,
  type FaultToleranceAssessment,
  type PolicyDuration,
  type ReviewActionName,
  type ReviewActionPayloads,
  type ReviewRequest,
  type ReviewResult,
  type ReviewState,
  type ReviewStatus,
  type Role,
} from '@dandang/contracts';
import { conflict, forbidden, invalidInput } from '../errors';
import { isPlainObject, validatePayloadFields } from '../case/payload-validation';
import { recommendOutcome } from './assessment';
import { checkDetermination } from './determination';
import type { ClockContext } from '../deadlines/duration';
import { extendClock } from '../deadlines/stage-clock';
import { withReviewClock } from './review-clock';

interface StepContext {
  /** The review before the step. */
  review: ReviewState;
  actor: Actor;
  at: string;
  /** The case's calendar, when the review keeps step clocks. */
  clock?: ClockContext;
}

/** One step of a review: the status it needs, who may take it, what else refuses it, and what it changes. */
interface ReviewStep<A extends ReviewActionName> {
  from: ReviewStatus;
  roles: readonly Role[];
  /** Payload fields the API computes and adds: no field spec describes them, the step's own check does. */
  computed?: readonly string[];
  /** Refusals of a payload whose fields are well formed. */
  check?: (review: ReviewState, payload: ReviewActionPayloads[A], actor: Actor) => void;
  /** Applies the step to `next` (a copy of the review, changed in place); returns the event's reason. */
  apply: (next: ReviewState, payload: ReviewActionPayloads[A], ctx: StepContext) => string | undefined;
}

/** The assessment with the history the API computed; refused without one. */
function assessmentOf(payload: ReviewActionPayloads['submitAssessment']): FaultToleranceAssessment {
  const { history } = payload;
  if (!history) throw invalidInput([{ field: 'history', message: 'is computed from the earlier cases and must be given' }]);
  return { ...payload, history };
}

/** The determination with the ballot just cast counted (refused when the voter may not vote). */
function tally(review: ReviewState, actor: Actor, p: ReviewActionPayloads['determineTolerance']) {
  return checkDetermination(
    { assessorId: review.assessorId!, handlerIds: review.handlerIds, recommendation: review.recommendation!, votes: review.votes },
    { voter: actor, outcome: p.outcome, ...(p.mitigation ? { mitigation: p.mitigation } : {}), ...(p.reason ? { reason: p.reason } : {}) },
    review.policy,
  );
}

/**
 * The extension the pinned policy grants the running verification clock (§e row 23), or the refusal: approved by a
 * supervisor who handled no part of the investigation (and who then does not assess: `submitAssessment`), once, on a
 * review that keeps a VERIFY clock, when the policy sets an extension in that clock's unit.
 */
function verificationExtension(review: ReviewState, actor: Actor): PolicyDuration {
  if (review.handlerIds.includes(actor.userId)) {
    throw forbidden('HANDLER_CANNOT_EXTEND', '承办人员不能批准延长核实期限 (whoever handled the investigation cannot approve more time to verify)');
  }
  if (review.verificationExtension) {
    throw conflict('ALREADY_EXTENDED', `the verification was already extended once (to ${review.verificationExtension.dueAt}); it is extended only once`);
  }
  const deadline = review.deadline;
  if (!deadline || deadline.step !== 'VERIFY') throw conflict('NO_CLOCK', 'the review keeps no verification clock to extend');
  const extension = review.policy.verifyExtension;
  if (!extension) throw conflict('NO_EXTENSION', `the review's policy ${review.policy.version} grants no extension of the verification`);
  if (extension.unit !== deadline.limit.unit) {
    throw conflict('NO_EXTENSION', `the policy's extension (${extension.unit}) is not in the unit of the verification clock (${deadline.limit.unit})`);
  }
  return extension;
}

const STEPS: { readonly [A in ReviewActionName]: ReviewStep<A> } = {
  acceptApplication: {
    from: 'APPLIED',
    roles: ['CASE_OFFICER', 'SUPERVISOR'],
    apply: (next, p, { actor, at }) => {
      next.acceptance = { by: actor.userId, at, ...(p.note ? { note: p.note } : {}) };
      next.status = 'ACCEPTED';
      return p.note;
    },
  },
  declineApplication: {
    from: 'APPLIED',
    roles: ['CASE_OFFICER', 'SUPERVISOR'],
    apply: (next, p, { actor, at }) => {
      next.decline = { explanation: p.explanation, by: actor.userId, at };
      next.status = 'DECLINED';
      return p.explanation;
    },
  },
  submitAssessment: {
    from: 'ACCEPTED',
    roles: ['CASE_OFFICER', 'SUPERVISOR'],
    computed: ['history'],
    check: (review, p, actor) => {
      if (review.verificationExtension?.by === actor.userId) {
        throw forbidden('EXTENDER_CANNOT_ASSESS', 'the supervisor who approved more time to verify does not submit the verification');
      }
      void recommendOutcome(assessmentOf(p), review.policy);
    },
    apply: (next, p, { review, actor, at }) => {
      const assessment = assessmentOf(p);
      next.assessment = assessment;
      next.assessorId = actor.userId;
      next.assessedAt = at;
      next.recommendation = recommendOutcome(assessment, review.policy);
      next.status = 'ASSESSED';
      return undefined;
    },
  },
  extendVerification: {
    from: 'ACCEPTED',
    roles: ['SUPERVISOR'],
    check: (review, _p, actor) => void verificationExtension(review, actor),
    apply: (next, p, { review, actor, at, clock }) => {
      const extension = verificationExtension(review, actor);
      if (!clock) throw conflict('NO_CLOCK', "the review keeps no verification clock to extend (no case calendar)");
      const deadline = extendClock(review.deadline!, { amount: extension.amount, reason: p.reason, approvedBy: actor.userId }, new Date(at), clock);
      next.deadline = deadline;
      next.verificationExtension = { by: actor.userId, at, reason: p.reason, extension, dueAt: deadline.dueAt };
      return p.reason;
    },
  },
  determineTolerance: {
    from: 'ASSESSED',
    roles: ['SUPERVISOR'],
    check: (review, p, actor) => void tally(review, actor, p),
    apply: (next, p, { review, actor, at }) => {
      const result = tally(review, actor, p);
      next.votes = result.votes;
      if (result.decision) {
        next.determination = { ...result.decision, at };
        next.status = 'DETERMINED';
      }
      return p.reason;
    },
  },
  notifyApplicant: {
    from: 'DETERMINED',
    roles: ['CASE_OFFICER', 'SUPERVISOR'],
    apply: (next, p, { actor, at }) => {
      next.notification = { ...p, by: actor.userId, at };
      next.status = 'NOTIFIED';
      return p.note;
    },
  },
  fileForRecord: {
    from: 'NOTIFIED',
    roles: ['CASE_OFFICER', 'SUPERVISOR'],
    apply: (next, p, { actor, at }) => {
      next.filing = { ...p, by: actor.userId, at };
      next.status = 'FILED';
      return p.note;
    },
  },
};

/** Whether the review has run its course (its workflow may end). */
export const isReviewOver = (review: ReviewState): boolean => review.status === 'FILED' || review.status === 'DECLINED';

/** The payload without the fields the API computes: what the step's field specs describe. */
function typedFields(payload: unknown, computed: readonly string[] = []): unknown {
  return isPlainObject(payload) ? Object.fromEntries(Object.entries(payload).filter(([k]) => !computed.includes(k))) : payload;
}

/** Throws the DomainError that refuses a review step, or returns when it may proceed. Pure: the validators call it. */
export function checkReviewAction<A extends ReviewActionName>(review: ReviewState, action: A, request: ReviewRequest<A>, now: Date): void {
  void now;
  const { actor } = request;
  if (request.expectedVersion !== undefined && request.expectedVersion !== review.version) {
    throw conflict('STALE_VERSION', `the review is at version ${review.version}, not ${request.expectedVersion}; reload and retry`);
  }
  if (actor.userId === review.subjectUserId || actor.userId === review.applicant.userId) {
    throw forbidden('RECUSAL', '申请人及被审查干部本人不能办理容错审查 (the applicant and the official concerned take no review step)');
  }
  const step = STEPS[action];
  if (review.status !== step.from) throw conflict('WRONG_STEP', `${action} is not possible while the review is ${review.status}`);
  if (!step.roles.some((r) => actor.roles.includes(r))) throw forbidden('ROLE', `${action} needs one of the roles ${step.roles.join(', ')}`);
  const problems = validatePayloadFields(REVIEW_ACTION_SPECS[action].fields, typedFields(request.payload, step.computed));
  if (problems.length) throw invalidInput(problems);
  step.check?.(review, request.payload, actor);
}

/**
 * Applies an accepted review step: the new review state (version + 1) and the event of its audit stream. Given the
 * case's calendar (`clock`), a step that moves the review on starts the clock of the step it then waits on
 * (`reviewStepTiming`); a vote that does not yet decide leaves the running clock, and the rungs it fired, as they are.
 */
export function applyReviewAction<A extends ReviewActionName>(
  review: ReviewState,
  action: A,
  request: ReviewRequest<A>,
  now: Date,
  clock?: ClockContext,
): ReviewResult {
  checkReviewAction(review, action, request, now);
  const at = now.toISOString();
  const step = STEPS[action];
  let next: ReviewState = JSON.parse(JSON.stringify(review)) as ReviewState;
  const reason = step.apply(next, request.payload, { review, actor: request.actor, at, ...(clock ? { clock } : {}) });
  if (clock && next.status !== review.status) next = withReviewClock(next, clock);
  next.version = review.version + 1;
  const role = step.roles.find((r) => request.actor.roles.includes(r))!;
  return {
    state: next,
    event: {
      caseId: review.caseId,
      version: next.version,
      action,
      actorId: request.actor.userId,
      actorName: request.actor.displayName,
      actorRole: role,
      occurredAt: at,
      reason,
      fromStage: review.status,
      toStage: next.status,
      payload: { reviewId: review.reviewId, ...request.payload },
      stream: reviewStream(review.seq),
    },
  };
}
