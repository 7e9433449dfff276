import { aCaseSubject, aUuid, refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { assertRegistrable, caseNumberAt, caseRegistrationOf, registrationProblems, type ClueRegistration } from './registration';

const now = new Date('2026-03-02T01:00:00.000Z');
const registrant = aUuid();
const known = { registrantId: registrant, subjectOrgUnitKnown: true, subjectUserKnown: true };
const aClue = (overrides: Partial<ClueRegistration> = {}): ClueRegistration => ({
  title: '  某局长长期不作为 ',
  summary: ' 宅基地审批长期搁置。 ',
  channel: 'PUBLIC',
  intakeMethod: 'LETTER',
  subject: aCaseSubject({ name: ' 张某 ', position: ' 局长 ' }),
  reporter: { name: '李某', contact: '13800000000' },
  receivedAt: '2026-03-01T10:00:00+08:00',
  ...overrides,
});
const fieldsOf = (clue: ClueRegistration, facts = known) => registrationProblems(clue, facts, now).map((p) => `${p.field}: ${p.message}`);

describe('registering a clue', () => {
  it('accepts a named report, and an anonymous one without a reporter', () => {
    expect(fieldsOf(aClue())).toEqual([]);
    expect(fieldsOf(aClue({ reporter: undefined, anonymous: true }))).toEqual([]);
  });

  it('wants a reporter unless the report is anonymous, and none when it is', () => {
    expect(fieldsOf(aClue({ reporter: undefined }))).toEqual(['reporter: is required unless anonymous is true']);
    expect(fieldsOf(aClue({ anonymous: true }))).toEqual(['reporter: must be omitted for an anonymous report']);
  });

  it('allows five minutes of clock skew on the time received, no more', () => {
    expect(fieldsOf(aClue({ receivedAt: new Date(now.getTime() + 5 * 60_000).toISOString() }))).toEqual([]);
    expect(fieldsOf(aClue({ receivedAt: new Date(now.getTime() + 5 * 60_000 + 1).toISOString() }))).toEqual(['receivedAt: must not be in the future']);
  });

  it('refuses unknown references and a clue about the registrant, naming every problem at once', () => {
    const aboutMe = aClue({ subject: aCaseSubject({ userId: registrant }) });
    expect(fieldsOf(aboutMe, { ...known, subjectOrgUnitKnown: false, subjectUserKnown: false })).toEqual([
      'subject.orgUnitId: is not a known org unit',
      'subject.userId: is not a known user',
      'subject.userId: you cannot register a clue about yourself',
    ]);
    expect(refusalOf(() => assertRegistrable(aboutMe, known, now))).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'subject.userId' }] });
  });

  it('refuses texts of spaces alone, which would be recorded empty', () => {
    const blank = aClue({ title: ' ', summary: '\t\n', subject: aCaseSubject({ name: '\u3000', position: '  ' }) });
    expect(fieldsOf(blank)).toEqual(['title: must not be blank', 'summary: must not be blank', 'subject.name: must not be blank', 'subject.position: must not be blank']);
  });

  it('does not ask about the user of a subject who has no account', () => {
    expect(fieldsOf(aClue(), { ...known, subjectUserKnown: false })).toEqual([]);
  });

  it('records trimmed texts, the time in UTC, and anonymity when no reporter is named', () => {
    const unit = aUuid();
    expect(caseRegistrationOf(aClue(), unit)).toMatchObject({
      title: '某局长长期不作为',
      summary: '宅基地审批长期搁置。',
      subject: { name: '张某', position: '局长' },
      anonymousReport: false,
      receivedAt: '2026-03-01T02:00:00.000Z',
      orgUnitId: unit,
    });
    expect(caseRegistrationOf(aClue({ reporter: undefined, anonymous: true }), unit).anonymousReport).toBe(true);
  });

  it('numbers cases by the year in China Standard Time', () => {
    expect(caseNumberAt(new Date('2026-12-31T15:59:59Z'), 7)).toBe('DD-2026-000007');
    expect(caseNumberAt(new Date('2026-12-31T16:00:00Z'), 8)).toBe('DD-2027-000008');
  });
});
