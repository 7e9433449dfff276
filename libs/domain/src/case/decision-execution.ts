import type { AccountabilityFormChoice, CaseState, PersonDecision } from '@dandang/contracts';
import type { Evolve, PayloadCheck, Refusal } from './action-handlers';
import { conflict, invalidInput } from '../errors';
import { startStepClock } from '../deadlines/step-clock';
import type { ClockContext } from '../deadlines/duration';
import { notInFuture } from './action-times';
import { personNamed } from './persons';

/**
 * What follows a decision besides its service: a sanction is announced (宣布) to the person and their party
 * organisation within a month (监督执纪规则 art. 56), and the post and pay changes of an organisational measure or a
 * heavy sanction are carried out within a month (纪律处分条例; 政务处分法 art. 54; 问责条例), each on its clock.
 */

const SANCTIONS = ['DISCIPLINARY_SANCTION', 'GOVERNMENT_SANCTION'];
/** 撤销党内职务 or heavier, 降级 or heavier: the sanctions that change a post or pay. */
const HEAVY_SUBTYPES: Record<string, readonly string[]> = {
  DISCIPLINARY_SANCTION: ['REMOVAL_FROM_PARTY_POST', 'PROBATION_1Y', 'PROBATION_2Y', 'EXPULSION'],
  GOVERNMENT_SANCTION: ['GRADE_DEMOTION', 'DISMISSAL_FROM_POST', 'EXPULSION'],
};

const changesPostOrPay = (f: AccountabilityFormChoice): boolean =>
  f.form === 'ORGANIZATIONAL_MEASURE' || f.form === 'REORGANIZATION' || Boolean(f.subtype && HEAVY_SUBTYPES[f.form]?.includes(f.subtype));

/** The decision is made: each person's, the first's as the case's decision, and the announcement and measures owed. */
export function takeDecision(s: CaseState, decisions: PersonDecision[], approvedBy: string, at: string, clock: ClockContext | undefined): void {
  // A mitigation (减责) of the registered subject is their leniency (从轻 / 减轻).
  const mitigation = s.tolerance?.outcome === 'MITIGATION' ? s.tolerance.mitigation : undefined;
  if (mitigation && decisions[0]) decisions[0] = { ...decisions[0], leniency: mitigation };
  s.personDecisions = decisions;
  const first = decisions[0];
  s.decision = {
    forms: first.forms,
    responsibilityLevel: first.responsibilityLevel,
    leniency: first.leniency,
    ...(first.grounds ? { grounds: first.grounds } : {}),
    facts: s.report!.facts,
    proposedBy: s.report!.proposedBy,
    approvedBy,
    approvedAt: at,
  };
  const start = new Date(at);
  if (s.procedure === 'DISCIPLINE' || decisions.some((d) => d.forms.some((f) => SANCTIONS.includes(f.form)))) {
    const deadline = startStepClock(s, 'ANNOUNCEMENT', 'DECIDED', start, clock);
    s.announcement = deadline ? { deadline } : {};
  }
  const executions = decisions.filter((d) => d.forms.some(changesPostOrPay));
  if (executions.length) {
    s.measureExecutions = executions.map((d) => {
      const deadline = startStepClock(s, 'MEASURE_EXECUTION', 'DECIDED', start, clock);
      return { personId: d.personId, ...(deadline ? { deadline } : {}) };
    });
  }
}

export const announcementOwed = (state: CaseState): boolean => Boolean(state.announcement && !state.announcement.announcedAt);
export const openMeasureExecutions = (state: CaseState) => (state.measureExecutions ?? []).filter((m) => !m.completedAt);

export const announcementDue = (state: CaseState): Refusal | undefined =>
  announcementOwed(state) ? undefined : () => conflict('NOTHING_TO_ANNOUNCE', '没有待宣布的处分决定 (no decision waits to be announced)');

export const measuresDue = (state: CaseState): Refusal | undefined =>
  openMeasureExecutions(state).length ? undefined : () => conflict('NO_MEASURES_DUE', '没有待办理的组织处理手续 (no measures wait to be carried out)');

export const checkAnnouncement: PayloadCheck<'announceDecision'> = (state, p, { now }) => {
  notInFuture(p.announcedAt, 'announcedAt', now);
  if (state.decision && Date.parse(p.announcedAt) < Date.parse(state.decision.approvedAt)) {
    throw invalidInput([{ field: 'announcedAt', message: 'must not be before the decision' }]);
  }
};

export const announceDecision: Evolve<'announceDecision'> = (s, p, { actor }) => {
  s.announcement = { announcedAt: new Date(p.announcedAt).toISOString(), to: p.to, recordedBy: actor.userId };
  return p.to;
};

export const checkMeasureExecution: PayloadCheck<'recordMeasureExecution'> = (state, p, { now }) => {
  const person = personNamed(state, p.personId);
  if (!openMeasureExecutions(state).some((m) => m.personId === p.personId)) {
    throw invalidInput([{ field: 'personId', message: `${person.name} has no measures waiting to be carried out` }]);
  }
  notInFuture(p.completedAt, 'completedAt', now);
  if (state.decision && Date.parse(p.completedAt) < Date.parse(state.decision.approvedAt)) {
    throw invalidInput([{ field: 'completedAt', message: 'must not be before the decision' }]);
  }
};

export const recordMeasureExecution: Evolve<'recordMeasureExecution'> = (s, p, { actor }) => {
  s.measureExecutions = s.measureExecutions!.map((m) =>
    m.personId === p.personId ? { personId: m.personId, completedAt: new Date(p.completedAt).toISOString(), note: p.note, recordedBy: actor.userId } : m,
  );
  return p.note;
};
