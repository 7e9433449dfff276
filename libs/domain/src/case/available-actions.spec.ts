import { ACTION_NAMES, isDocumentActionName, type ActionName, type Actor } from '@dandang/contracts';
import {
  aCaseAt,
  aCaseOfficer,
  anActor,
  anAdmin,
  anAuditor,
  andThen,
  minutesAfter,
  withStatementsHeard,
  type DrivenCase,
} from '@dandang/testing/factories';
import { availableActions, awaitedTasks, taskActions } from './available-actions';
import { checkAction } from './check-action';

const dualRole = () => anActor({ roles: ['CASE_OFFICER', 'SUPERVISOR'] });
const withEvidence = (c: DrivenCase) => withStatementsHeard(andThen(c, 'addEvidence', c.cast.caseOfficer));
const recused = aCaseOfficer();

/** The first officer (also a supervisor) was reassigned away; their successor's report waits. */
const reportedBySuccessor = (() => {
  const c = aCaseAt('VERIFICATION', { cast: { caseOfficer: dualRole() } });
  const successor = aCaseOfficer();
  const reassigned = andThen(c, 'reassign', c.cast.supervisor, { toUserId: successor.userId, reason: '工作调整' });
  return andThen(reassigned, 'submitVerificationReport', successor);
})();

const SITUATIONS = {
  INTAKE: aCaseAt('INTAKE'),
  DISPOSITION: aCaseAt('DISPOSITION'),
  'DISPOSITION, pending, assignee also supervises': aCaseAt('DISPOSITION', { pendingProposal: true, cast: { caseOfficer: dualRole() } }),
  INQUIRY: aCaseAt('INQUIRY'),
  VERIFICATION: aCaseAt('VERIFICATION'),
  'VERIFICATION, pending, assignee also supervises': aCaseAt('VERIFICATION', { pendingProposal: true, cast: { caseOfficer: dualRole() } }),
  "VERIFICATION, successor's report pending": reportedBySuccessor,
  'INVESTIGATION, no evidence': aCaseAt('INVESTIGATION'),
  'INVESTIGATION, with evidence': withEvidence(aCaseAt('INVESTIGATION')),
  'INVESTIGATION, report pending': aCaseAt('INVESTIGATION', { pendingProposal: true }),
  DECIDED: aCaseAt('DECIDED', { initial: { recusedUserIds: [recused.userId] } }),
  SERVED: aCaseAt('SERVED'),
  SHELVED: aCaseAt('SHELVED'),
  CLOSED: aCaseAt('CLOSED'),
} satisfies Record<string, DrivenCase>;
type Situation = keyof typeof SITUATIONS;

/** People by their relation to the case. */
const PEOPLE = {
  'the intake officer': (c: DrivenCase) => c.cast.intakeOfficer,
  'the assignee': (c: DrivenCase) => c.cast.caseOfficer,
  'the first assignee': (c: DrivenCase) => c.cast.caseOfficer,
  'another case officer': () => aCaseOfficer(),
  'an uninvolved supervisor': (c: DrivenCase) => c.cast.supervisor,
  'an auditor': () => anAuditor(),
  'an administrator': () => anAdmin(),
  'a recused case officer': () => recused,
} satisfies Record<string, (c: DrivenCase) => Actor>;
type Person = keyof typeof PEOPLE;

const actionsOf = (situation: Situation, person: Person): ActionName[] => {
  const c = SITUATIONS[situation];
  return availableActions(c.state, PEOPLE[person](c), minutesAfter(c.at, 60));
};

describe('availableActions', () => {
  it.each<[Situation, Person, ActionName[]]>([
    ['INTAKE', 'the intake officer', ['acceptClue', 'transferClue', 'declareConflict']],
    ['INTAKE', 'another case officer', ['acceptClue', 'transferClue', 'declareConflict']],
    ['INTAKE', 'an uninvolved supervisor', ['declareConflict']],
    ['INTAKE', 'an auditor', ['declareConflict']],
    ['DISPOSITION', 'the assignee', ['transferClue', 'declareConflict', 'proposeDisposition']],
    ['DISPOSITION', 'the intake officer', ['declareConflict']],
    ['DISPOSITION', 'another case officer', ['declareConflict']],
    ['DISPOSITION', 'an uninvolved supervisor', ['declareConflict', 'reassign']],
    ['DISPOSITION, pending, assignee also supervises', 'the intake officer', ['declareConflict']],
    ['DISPOSITION, pending, assignee also supervises', 'the assignee', ['declareConflict', 'reassign']],
    ['DISPOSITION, pending, assignee also supervises', 'an uninvolved supervisor', ['declareConflict', 'approve', 'return', 'reassign']],
    ['INQUIRY', 'the assignee', ['declareConflict', 'recordInquiryTalk', 'sendInquiryLetter']],
    ['INQUIRY', 'another case officer', ['declareConflict']],
    ['INQUIRY', 'an uninvolved supervisor', ['declareConflict', 'reassign']],
    ['VERIFICATION', 'the assignee', ['declareConflict', 'submitVerificationReport']],
    ['VERIFICATION', 'an uninvolved supervisor', ['declareConflict', 'reassign']],
    ['VERIFICATION, pending, assignee also supervises', 'the assignee', ['declareConflict', 'reassign']],
    ['VERIFICATION, pending, assignee also supervises', 'an uninvolved supervisor', ['declareConflict', 'approve', 'return', 'reassign']],
    ["VERIFICATION, successor's report pending", 'the first assignee', ['declareConflict', 'reassign']],
    ["VERIFICATION, successor's report pending", 'an uninvolved supervisor', ['declareConflict', 'approve', 'return', 'reassign']],
    // Under investigation the unit (a case officer) or the body (a supervisor) may also apply for fault tolerance.
    [
      'INVESTIGATION, no evidence',
      'the assignee',
      ['declareConflict', 'addEvidence', 'attachEvidence', 'addPersonConcerned', 'presentFactMaterials', 'proposeNoAccountability', 'applyFaultTolerance'],
    ],
    [
      'INVESTIGATION, with evidence',
      'the assignee',
      ['declareConflict', 'addEvidence', 'attachEvidence', 'submitInvestigationReport', 'addPersonConcerned', 'presentFactMaterials', 'proposeNoAccountability', 'applyFaultTolerance'],
    ],
    ['INVESTIGATION, with evidence', 'another case officer', ['declareConflict', 'applyFaultTolerance']],
    ['INVESTIGATION, report pending', 'the assignee', ['declareConflict', 'applyFaultTolerance']],
    ['INVESTIGATION, report pending', 'an uninvolved supervisor', ['declareConflict', 'approve', 'return', 'reassign', 'applyFaultTolerance']],
    ['DECIDED', 'the assignee', ['declareConflict', 'serveDecision']],
    ['DECIDED', 'another case officer', ['declareConflict']],
    ['DECIDED', 'an uninvolved supervisor', ['declareConflict', 'serveDecision', 'reassign']],
    ['DECIDED', 'an administrator', ['declareConflict']],
    ['DECIDED', 'a recused case officer', []],
    // Serving schedules the follow-up visits (回访), which the handlers record.
    ['SERVED', 'the assignee', ['declareConflict', 'recordPaperAppeal', 'recordFollowUpVisit']],
    // The factory's supervisor sits in another unit than the case's: an upper level, who may order a correction.
    ['SERVED', 'an uninvolved supervisor', ['declareConflict', 'recordPaperAppeal', 'orderDecisionCorrection', 'recordFollowUpVisit']],
    ['SHELVED', 'the assignee', ['declareConflict', 'reviewShelvedClue']],
    ['SHELVED', 'an uninvolved supervisor', ['declareConflict', 'reassign']],
    ['CLOSED', 'the assignee', []],
    ['CLOSED', 'an uninvolved supervisor', []],
  ])('in %s, %s may take %j', (situation, person, expected) => {
    // Linking the official's account is open wherever a case can be handled; its own tests cover it.
    expect(actionsOf(situation, person).filter((a) => a !== 'linkSubjectAccount').sort()).toEqual([...expected].sort());
  });
});

describe('taskActions', () => {
  it.each<[Situation, Person, boolean]>([
    ['INTAKE', 'the intake officer', true],
    ['INTAKE', 'another case officer', true],
    ['INTAKE', 'an uninvolved supervisor', false],
    ['DISPOSITION', 'the assignee', true],
    ['DISPOSITION', 'an uninvolved supervisor', false],
    ['DISPOSITION, pending, assignee also supervises', 'the assignee', false],
    ['DISPOSITION, pending, assignee also supervises', 'an uninvolved supervisor', true],
    ['INQUIRY', 'the assignee', true],
    ['INQUIRY', 'another case officer', false],
    ['INQUIRY', 'an uninvolved supervisor', false],
    ['VERIFICATION', 'the assignee', true],
    ['VERIFICATION, pending, assignee also supervises', 'the assignee', false],
    ['VERIFICATION, pending, assignee also supervises', 'an uninvolved supervisor', true],
    ["VERIFICATION, successor's report pending", 'the first assignee', false],
    ['INVESTIGATION, no evidence', 'the assignee', true],
    ['INVESTIGATION, report pending', 'the assignee', false],
    ['INVESTIGATION, report pending', 'an uninvolved supervisor', true],
    ['DECIDED', 'the assignee', true],
    ['DECIDED', 'an uninvolved supervisor', true],
    ['DECIDED', 'another case officer', false],
    ['DECIDED', 'a recused case officer', false],
    ['SERVED', 'the assignee', true],
    ['SHELVED', 'an uninvolved supervisor', false],
    ['CLOSED', 'the intake officer', false],
    ['VERIFICATION, pending, assignee also supervises', 'an auditor', false],
  ])('in %s, the case waits on %s: %s', (situation, person, expected) => {
    const c = SITUATIONS[situation];
    expect(taskActions(c.state, PEOPLE[person](c), minutesAfter(c.at, 60)).length > 0).toBe(expected);
  });
});

describe('availableActions and checkAction', () => {
  // Documents are generated from their own panel and routes, never listed among the actions.
  const LISTABLE = ACTION_NAMES.filter((a) => !isDocumentActionName(a));
  // availableActions passes over what the rules alone refuse before calling checkAction: the two must still agree.
  it('list exactly the actions checkAction lets through, in every situation, for everyone', () => {
    let compared = 0;
    for (const [situation, c] of Object.entries(SITUATIONS)) {
      for (const [person, who] of Object.entries(PEOPLE)) {
        const actor = who(c);
        const now = minutesAfter(c.at, 60);
        const listed = availableActions(c.state, actor, now);
        for (const action of LISTABLE) {
          let allowed = true;
          try {
            checkAction(c.state, action, { actor, payload: {} as never }, now, { ignorePayload: true });
          } catch {
            allowed = false;
          }
          expect({ situation, person, action, listed: listed.includes(action) }).toEqual({ situation, person, action, listed: allowed });
          compared++;
        }
      }
    }
    expect(compared).toBe(Object.keys(SITUATIONS).length * Object.keys(PEOPLE).length * LISTABLE.length);
  });
});

describe('awaitedTasks', () => {
  it('keeps the cases that wait on the actor, in their order, each with what it awaits', () => {
    const records = (['INQUIRY', 'CLOSED', 'VERIFICATION'] as const).map((s) => ({ id: s, state: SITUATIONS[s].state }));
    const officer = SITUATIONS.INQUIRY.cast.caseOfficer;
    const now = minutesAfter(SITUATIONS.INQUIRY.at, 60);
    const tasks = awaitedTasks(records, officer, now);
    expect(tasks.map((t) => t.record.id)).toEqual(
      records.filter((r) => taskActions(r.state, officer, now).length > 0).map((r) => r.id),
    );
    expect(tasks.find((t) => t.record.id === 'INQUIRY')?.actions).toEqual(['recordInquiryTalk', 'sendInquiryLetter']);
    expect(tasks.some((t) => t.record.id === 'CLOSED')).toBe(false);
  });
});
