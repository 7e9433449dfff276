import type { Actor, CaseState } from '@dandang/contracts';
import type { Evolutions, PayloadChecks, Preconditions, Refusal } from './action-handlers';
import { conflict } from '../errors';
import { addPersonConcerned, checkAddPerson } from './persons';
import { checkPresentFacts, checkRecordStatement, presentFactMaterials, recordStatement, statementAwaited } from './statements';
import { acceptForTrial, checkTrialOpinion, checkTrialOpinionAuthor, checkTrialReviewer, recordTrialOpinion, trialAccepted, trialNotAccepted } from './trial';
import { checkCollectiveDecision, noOpenReview, recordMeeting } from './collective-decision';
import { checkDesignation, checkUpperLevel, designateAccountabilityBody, notOrderedYet, orderAccountabilityStart } from './start-order';
import {
  announceDecision,
  announcementDue,
  checkAnnouncement,
  checkMeasureExecution,
  measuresDue,
  recordMeasureExecution,
  takeDecision,
} from './decision-execution';

/**
 * The actions of the two procedures after verification (docs/domain.md "Two procedures"): persons concerned, the facts
 * shown and their statements, 审理, the collective decision, the announcement and the measures carried out.
 */
export type ProcedureActionName =
  | 'addPersonConcerned'
  | 'presentFactMaterials'
  | 'recordStatement'
  | 'acceptForTrial'
  | 'recordTrialOpinion'
  | 'recordCollectiveDecision'
  | 'announceDecision'
  | 'recordMeasureExecution'
  | 'orderAccountabilityStart'
  | 'designateAccountabilityBody';

const withProcedure = (state: CaseState): Refusal | undefined =>
  state.procedure ? undefined : () => conflict('NO_PROCEDURE', '本案立案时尚无问责、纪律审查程序之分 (the case was filed before the two procedures; it keeps the single approval)');

const both =
  (...refusals: ((s: CaseState) => Refusal | undefined)[]) =>
  (state: CaseState): Refusal | undefined => {
    for (const r of refusals) {
      const refusal = r(state);
      if (refusal) return refusal;
    }
    return undefined;
  };

export const PROCEDURE_PRECONDITIONS: Preconditions<ProcedureActionName> = {
  addPersonConcerned: withProcedure,
  presentFactMaterials: withProcedure,
  recordStatement: both(withProcedure, statementAwaited),
  acceptForTrial: trialNotAccepted,
  recordTrialOpinion: trialAccepted,
  recordCollectiveDecision: noOpenReview,
  announceDecision: announcementDue,
  recordMeasureExecution: measuresDue,
  orderAccountabilityStart: notOrderedYet,
  designateAccountabilityBody: notOrderedYet,
};

export const PROCEDURE_ACTOR_CHECKS: Partial<Record<ProcedureActionName, (state: CaseState, actor: Actor) => void>> = {
  acceptForTrial: checkTrialReviewer,
  recordTrialOpinion: checkTrialOpinionAuthor,
  orderAccountabilityStart: checkUpperLevel,
  designateAccountabilityBody: checkUpperLevel,
};

export const PROCEDURE_PAYLOAD_CHECKS: PayloadChecks<ProcedureActionName> = {
  addPersonConcerned: checkAddPerson,
  presentFactMaterials: checkPresentFacts,
  recordStatement: checkRecordStatement,
  recordTrialOpinion: checkTrialOpinion,
  recordCollectiveDecision: checkCollectiveDecision,
  announceDecision: checkAnnouncement,
  recordMeasureExecution: checkMeasureExecution,
  designateAccountabilityBody: checkDesignation,
};

export const PROCEDURE_EVOLUTIONS: Evolutions<ProcedureActionName> = {
  addPersonConcerned,
  presentFactMaterials,
  recordStatement,
  acceptForTrial,
  recordTrialOpinion: (s, p, ctx) => {
    const reason = recordTrialOpinion(s, p, ctx);
    s.stage = p.opinion === 'RETURN_FOR_INVESTIGATION' ? 'INVESTIGATION' : 'DELIBERATION';
    return reason;
  },
  recordCollectiveDecision: (s, p, { actor, at, clock }) => {
    const { decisions } = recordMeeting(s, p, actor, at);
    if (decisions) {
      takeDecision(s, decisions, actor.userId, at, clock);
      s.stage = 'DECIDED';
    }
    return p.minutes;
  },
  announceDecision,
  recordMeasureExecution,
  orderAccountabilityStart,
  designateAccountabilityBody,
};
