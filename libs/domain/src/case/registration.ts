import { caseNumber, type CaseRegistration, type CaseSubject, type IntakeMethod, type SupervisionChannel } from '@dandang/contracts';
import { invalidInput, type FieldProblem } from '../errors';
import { calendarDayOf } from '../calendar/calendar-day';

/** Clocks of offices differ a little; a clue received "in the future" beyond this is a typing error. */
const RECEIVED_AT_SKEW_MS = 5 * 60_000;

/** A problem clue as an officer registers it (问题线索登记), its fields well formed. */
export interface ClueRegistration {
  title: string;
  summary: string;
  channel: SupervisionChannel;
  intakeMethod: IntakeMethod;
  subject: CaseSubject;
  /** Who reported it; absent for an anonymous report. */
  reporter?: { name: string; contact: string };
  anonymous?: boolean;
  receivedAt: string;
}

/** What the API looked up about the clue's references; the rule decides what follows from it. */
export interface RegistrationFacts {
  registrantId: string;
  subjectOrgUnitKnown: boolean;
  /** Whether the subject's `userId`, when one is given, names a known user. */
  subjectUserKnown: boolean;
}

/** Problems with a clue to register, each naming its field; empty when it may be registered. */
export function registrationProblems(
  clue: Pick<ClueRegistration, 'title' | 'summary' | 'reporter' | 'anonymous' | 'receivedAt'> & {
    subject: Pick<CaseSubject, 'userId' | 'name' | 'position'>;
  },
  facts: RegistrationFacts,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Texts are recorded trimmed (caseRegistrationOf): one of spaces alone would be recorded empty.
  const texts = { title: clue.title, summary: clue.summary, 'subject.name': clue.subject.name, 'subject.position': clue.subject.position };
  for (const [field, text] of Object.entries(texts)) if (!text.trim()) problems.push({ field, message: 'must not be blank' });
  if (clue.anonymous && clue.reporter) problems.push({ field: 'reporter', message: 'must be omitted for an anonymous report' });
  if (!clue.anonymous && !clue.reporter) problems.push({ field: 'reporter', message: 'is required unless anonymous is true' });
  if (Date.parse(clue.receivedAt) > now.getTime() + RECEIVED_AT_SKEW_MS) problems.push({ field: 'receivedAt', message: 'must not be in the future' });
  if (!facts.subjectOrgUnitKnown) problems.push({ field: 'subject.orgUnitId', message: 'is not a known org unit' });
  if (clue.subject.userId && !facts.subjectUserKnown) problems.push({ field: 'subject.userId', message: 'is not a known user' });
  if (clue.subject.userId === facts.registrantId) problems.push({ field: 'subject.userId', message: 'you cannot register a clue about yourself' });
  return problems;
}

/** Refuses (INVALID_INPUT) a clue that may not be registered, naming every problem at once. */
export function assertRegistrable(...args: Parameters<typeof registrationProblems>): void {
  const problems = registrationProblems(...args);
  if (problems.length) throw invalidInput(problems);
}

/** What the case records of the clue, registered in `orgUnitId`: trimmed texts; anonymous when no reporter is named. */
export function caseRegistrationOf(clue: ClueRegistration, orgUnitId: string): CaseRegistration {
  const { subject } = clue;
  return {
    title: clue.title.trim(),
    summary: clue.summary.trim(),
    channel: clue.channel,
    intakeMethod: clue.intakeMethod,
    subject: { name: subject.name.trim(), position: subject.position.trim(), orgUnitId: subject.orgUnitId, userId: subject.userId },
    anonymousReport: !clue.reporter,
    receivedAt: new Date(clue.receivedAt).toISOString(),
    orgUnitId,
  };
}

/** The 线索编号 of the `sequence`-th case registered at `now`: numbered by the year in China Standard Time. */
export const caseNumberAt = (now: Date, sequence: number): string => caseNumber(Number(calendarDayOf(now).slice(0, 4)), sequence);
