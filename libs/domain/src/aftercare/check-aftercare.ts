import { FIRST_PERSON, STAGE_LABELS, bilingual, type Actor, type AccountabilityFormChoice, type CaseState, type CorrectionItem } from '@dandang/contracts';
import type { PayloadCheck, PayloadChecks, Preconditions, Refusal } from '../case/action-handlers';
import { conflict, forbidden, invalidInput } from '../errors';
import { isApplicationWindowOpen } from '../fault-tolerance/policy';
import { isLighter } from '../fault-tolerance/severity';
import { hasRole } from '../access/participants';
import { openReview } from './open-aftercare';
import { openCorrectionOrder } from './apply-aftercare';
import { checkExemptionNotice, exemptionNoticeDue } from './exemption-aftercare';
import { faultTolerancePolicyOf } from './policy-of';
import { appealOf, appellantOf, appellants, decidedFormsOf, filedAppeals } from './person-appeals';
import { concernedPersonId } from '../access/participants';
import type { AftercareActionName } from './apply-aftercare';

const SKEW_MS = 5 * 60_000;

const noCorrectionPlan = (state: CaseState) =>
  state.correction ? undefined : () => conflict('NO_CORRECTION_PLAN', '尚无纠错方案 (there is no correction plan)');

/** The refusals that the case alone makes of an aftercare action (and of approving while a review is open). */
export const AFTERCARE_PRECONDITIONS: Preconditions = {
  approve: (state) =>
    state.pendingApproval?.kind === 'INVESTIGATION_REPORT' && openReview(state)
      ? () => conflict('REVIEW_OPEN', '容错审查尚未结束，不能批准问责调查报告 (a fault-tolerance review is open: the report cannot be approved yet)')
      : undefined,
  applyFaultTolerance: (state) => {
    const policy = faultTolerancePolicyOf(state);
    if (!isApplicationWindowOpen(policy, state.stage)) {
      return () => {
        const stages = policy.applicationWindow.openStages.map((s) => bilingual(STAGE_LABELS[s])).join(', ');
        return conflict(
          'APPLICATION_WINDOW_CLOSED',
          `容错申请须在问责启动后、作出决定前提出 (an application is accepted only from the start of accountability until the decision: ${stages}); the case is in ${bilingual(STAGE_LABELS[state.stage])}`,
        );
      };
    }
    if (openReview(state)) return () => conflict('REVIEW_OPEN', '已有容错申请正在审查 (a review of an earlier application is still open)');
    if (state.tolerance) return () => conflict('ALREADY_DETERMINED', '本案已作出容错认定 (fault tolerance was already determined for this case)');
    return undefined;
  },
  openCorrectionPlan: (state) => {
    if (!state.tolerance) return () => conflict('NO_DETERMINATION', '容错认定作出后方可制定纠错方案 (a correction plan follows a determination)');
    if (state.correction) return () => conflict('PLAN_EXISTS', '纠错方案已制定 (the correction plan exists already)');
    return undefined;
  },
  recordCorrectionProgress: noCorrectionPlan,
  completeCorrectionItem: noCorrectionPlan,
  verifyCorrectionItem: noCorrectionPlan,
  // Open while someone the decision concerns has not appealed; whose appeal it is, the actor's or the payload's, is
  // checked with them (AFTERCARE_ACTOR_CHECKS, the payload checks).
  fileAppeal: (state) => appealOpen(state),
  recordPaperAppeal: (state) => appealOpen(state),
  decideAppeal: (state) => {
    const filed = filedAppeals(state);
    if (filed.length === 0) return () => conflict('NO_APPEAL', '没有待复查的申诉 (no appeal was filed)');
    if (filed.every((a) => a.decision)) return () => conflict('APPEAL_DECIDED', '申诉已作出决定 (the appeal was decided already)');
    return undefined;
  },
  orderDecisionCorrection: (state) => {
    if (!state.decision) return () => conflict('NO_DECISION', '本案没有问责决定 (the case has no decision to correct)');
    if (openCorrectionOrder(state)) return () => conflict('CORRECTION_ORDERED', '已责令纠正，尚待纠正 (a correction was ordered and is still to be made)');
    return undefined;
  },
  correctDecision: (state) =>
    openCorrectionOrder(state) ? undefined : () => conflict('NO_CORRECTION_ORDER', '没有待执行的纠正要求 (no correction was ordered)'),
  recordNameClearing: (state) =>
    state.nameClearing?.status === 'DUE' ? undefined : () => conflict('NO_CLEARING_DUE', '本案没有待办的澄清正名 (no name clearing is due)'),
  recordFollowUpVisit: (state) =>
    state.followUp?.some((v) => !v.record) ? undefined : () => conflict('NO_VISIT_DUE', '没有待进行的回访 (no follow-up visit is scheduled)'),
  recordExemptionNotice: exemptionNoticeDue,
};

function appealOpen(state: CaseState): Refusal | undefined {
  if (!state.appeal) return () => conflict('NO_APPEAL_WINDOW', '本案没有申诉期 (the case has no appeal window)');
  if (appellants(state).every((id) => appealOf(state, id)?.filed)) return () => conflict('APPEAL_FILED', '已提出申诉 (the appeal was filed already)');
  return undefined;
}

/** The appeal filed online is the filer's own: a person the decision concerns, who has not appealed yet. */
export const AFTERCARE_ACTOR_CHECKS: Partial<Record<AftercareActionName, (state: CaseState, actor: Actor) => void>> = {
  fileAppeal: (state, actor) => {
    const personId = concernedPersonId(state, actor.userId) ?? FIRST_PERSON;
    if (!appellants(state).includes(personId)) throw conflict('NO_DECISION', '本案未对您作出决定 (the decision does not concern you)');
    if (appealOf(state, personId)?.filed) throw conflict('APPEAL_FILED', '已提出申诉 (the appeal was filed already)');
  },
};

/** Forms only with VARIED, and then lighter than the decision's (never heavier: 政务处分法 art. 56; 问责条例 art. 21). */
function checkDecisionChange(decided: readonly AccountabilityFormChoice[], p: { outcome: string; forms?: AccountabilityFormChoice[] }, heavier: string): void {
  if (p.outcome !== 'VARIED' && p.forms !== undefined) throw invalidInput([{ field: 'forms', message: 'are given only with VARIED' }]);
  if (p.outcome === 'VARIED') {
    if (!p.forms?.length) throw invalidInput([{ field: 'forms', message: 'are required with VARIED' }]);
    if (isLighter(decided, p.forms)) throw conflict('HEAVIER', heavier);
  }
}

/** The person an appeal action names must be one the decision concerns. */
function checkAppellant(state: CaseState, personId: string | undefined): void {
  if (personId !== undefined && !appellants(state).includes(personId)) {
    throw invalidInput([{ field: 'personId', message: `is not a person the decision concerns (${appellants(state).join(', ')})` }]);
  }
}

function itemOf(state: CaseState, itemId: string): CorrectionItem {
  const item = state.correction?.items.find((i) => i.id === itemId);
  if (!item) throw invalidInput([{ field: 'itemId', message: `is not an item of the correction plan (${state.correction?.items.map((i) => i.id).join(', ')})` }]);
  return item;
}

/** Progress and completion are the item owner's; a supervisor may also record progress. */
const ownerWorksOpenItem: PayloadCheck<'recordCorrectionProgress' | 'completeCorrectionItem'> = (state, { itemId }, { action, actor }) => {
  const item = itemOf(state, itemId);
  if (item.status !== 'OPEN') throw conflict('ITEM_NOT_OPEN', `整改事项 ${item.id} 已完成 (item ${item.id} is ${item.status})`);
  const supervisorMay = action === 'recordCorrectionProgress' && hasRole(actor, 'SUPERVISOR');
  if (item.ownerId !== actor.userId && !supervisorMay) throw forbidden('NOT_OWNER', `整改事项 ${item.id} 由其责任人办理 (item ${item.id} is for its owner)`);
};

/** Refusals of aftercare payloads (and of approve's forms) that depend on the case, the actor and the time. */
export const AFTERCARE_PAYLOAD_CHECKS: PayloadChecks = {
  approve: (state, { forms }) => {
    const pending = state.pendingApproval;
    // A case with a procedure applies a mitigation when its collective body decides (recordCollectiveDecision).
    const mitigated = pending?.kind === 'INVESTIGATION_REPORT' && !state.procedure && state.tolerance?.outcome === 'MITIGATION';
    if (!mitigated) {
      if (forms !== undefined) throw invalidInput([{ field: 'forms', message: 'are given only when a fault-tolerance mitigation applies' }]);
      return;
    }
    if (pending.forms.length === 0) return;
    if (!forms) throw invalidInput([{ field: 'forms', message: 'are required: a fault-tolerance mitigation (减责) applies, approve lighter forms' }]);
    if (!isLighter(forms, pending.forms)) {
      throw conflict('NOT_LIGHTER', '减责须批准较原拟问责方式更轻的方式 (a mitigation requires forms lighter than those proposed)');
    }
  },
  openCorrectionPlan: (state, { items }, { now }) => {
    items.forEach((item, i) => {
      if (item.dueDate && Date.parse(item.dueDate) <= now.getTime()) {
        throw invalidInput([{ field: `items[${i}].dueDate`, message: 'must be in the future' }]);
      }
      if (item.owner === state.registration.subject.userId) {
        throw invalidInput([{ field: `items[${i}].owner`, message: 'the correction is carried out by the unit, not the official concerned' }]);
      }
    });
  },
  recordCorrectionProgress: ownerWorksOpenItem,
  completeCorrectionItem: ownerWorksOpenItem,
  verifyCorrectionItem: (state, { itemId }, { actor }) => {
    const item = itemOf(state, itemId);
    if (item.status !== 'COMPLETED') throw conflict('ITEM_NOT_COMPLETED', `整改事项 ${item.id} 尚未报告完成 (item ${item.id} is ${item.status})`);
    if (item.ownerId === actor.userId) throw forbidden('FOUR_EYES', '责任人不能验收自己的整改 (the owner cannot verify their own item)');
  },
  fileAppeal: (state, _p, { now }) => {
    if (now.getTime() > Date.parse(state.appeal!.windowEndsAt)) {
      throw conflict('APPEAL_WINDOW_CLOSED', `申诉期已于 ${state.appeal!.windowEndsAt} 届满 (the appeal window closed at ${state.appeal!.windowEndsAt})`);
    }
  },
  recordPaperAppeal: (state, p, { now }) => {
    checkAppellant(state, p.personId);
    if (appealOf(state, appellantOf(p))?.filed) throw conflict('APPEAL_FILED', `${appellantOf(p)} 已提出申诉 (${appellantOf(p)} has appealed already)`);
    const receivedAt = Date.parse(p.receivedAt);
    if (receivedAt > now.getTime() + SKEW_MS) throw invalidInput([{ field: 'receivedAt', message: 'must not be in the future' }]);
    if (state.service && receivedAt < Date.parse(state.service.servedAt)) {
      throw invalidInput([{ field: 'receivedAt', message: 'must not be before the decision was served' }]);
    }
    if (receivedAt > Date.parse(state.appeal!.windowEndsAt)) {
      throw conflict('APPEAL_WINDOW_CLOSED', `申诉期已于 ${state.appeal!.windowEndsAt} 届满 (the appeal was received after the window closed at ${state.appeal!.windowEndsAt})`);
    }
  },
  decideAppeal: (state, p, { actor }) => {
    checkAppellant(state, p.personId);
    const appeal = appealOf(state, appellantOf(p));
    if (!appeal?.filed) throw conflict('NO_APPEAL', `${appellantOf(p)} 没有待复查的申诉 (${appellantOf(p)} filed no appeal)`);
    if (appeal.decision) throw conflict('APPEAL_DECIDED', `${appellantOf(p)} 的申诉已作出决定 (the appeal of ${appellantOf(p)} was decided already)`);
    const decision = state.decision!;
    // 复议复查与审查审理分离: nobody who investigated, approved the report or reviewed it (审理) decides the appeal.
    const tookPart = [decision.proposedBy, decision.approvedBy, state.report?.approvedBy, state.trial?.reviewerId, state.assigneeId, ...state.investigatorIds];
    if (tookPart.includes(actor.userId)) {
      throw forbidden('TOOK_PART', '申诉由未参与原案的领导复查 (the appeal is reviewed by a supervisor who took no part in the case)');
    }
    checkDecisionChange(decidedFormsOf(state, appellantOf(p)), p, '申诉不加重处理 (an appeal never makes the outcome heavier)');
  },
  // The upper level orders: a supervisor of the deciding body (the case's unit) corrects, but does not order itself.
  orderDecisionCorrection: (state, p, { actor }) => {
    if (actor.orgUnitId === state.registration.orgUnitId) {
      throw forbidden('NOT_UPPER_LEVEL', '责令纠正由上级机关作出 (a correction is ordered by the upper level, not by the deciding body)');
    }
    if (p.grounds.length === 0) throw invalidInput([{ field: 'grounds', message: 'must name at least one ground of art. 21' }]);
  },
  correctDecision: (state, p) =>
    checkDecisionChange(state.decision!.forms, p, '纠正不加重处理 (a correction of improper accountability never makes it heavier)'),
  recordNameClearing: (_state, p, { now }) => {
    if (new Set(p.methods).size !== p.methods.length) throw invalidInput([{ field: 'methods', message: 'must not repeat a method' }]);
    if (p.methods.length > 0 && !p.methods.includes('WRITTEN')) {
      throw invalidInput([{ field: 'methods', message: 'must include WRITTEN: any other method comes with a written clearing' }]);
    }
    if (p.harmed && p.methods.length === 0) throw invalidInput([{ field: 'methods', message: 'are required when the report harmed the official' }]);
    if (Date.parse(p.completedAt) > now.getTime() + SKEW_MS) throw invalidInput([{ field: 'completedAt', message: 'must not be in the future' }]);
  },
  recordExemptionNotice: checkExemptionNotice,
  recordFollowUpVisit: (state, { visitId }) => {
    const visit = state.followUp?.find((v) => v.id === visitId);
    if (!visit) throw invalidInput([{ field: 'visitId', message: 'is not a scheduled visit of the case' }]);
    if (visit.record) throw conflict('VISIT_RECORDED', `回访 ${visitId} 已登记 (visit ${visitId} is recorded already)`);
  },
};
