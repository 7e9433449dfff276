import { ACTION_NAMES, LONG_TEXT, SHORT_TEXT, type ActionName, type FieldSpec } from '@dandang/contracts';
import { aPayload } from '@dandang/testing/factories';
import { checkField, validateActionPayload } from './payload-validation';

const withPayload = (action: ActionName, changes: Record<string, unknown>): Record<string, unknown> => ({
  ...aPayload(action),
  ...changes,
});
const fieldsOf = (action: ActionName, payload: unknown): string[] =>
  validateActionPayload(action, payload).map((p) => p.field);

describe('validateActionPayload', () => {
  it.each(ACTION_NAMES.map((a) => [a]))('accepts a well-formed %s payload', (action) => {
    expect(validateActionPayload(action, aPayload(action))).toEqual([]);
  });

  it.each([null, [], 'approve', 42])('refuses a body that is not an object: %j', (body) => {
    expect(validateActionPayload('approve', body)).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it('names each unknown field', () => {
    expect(validateActionPayload('approve', { comment: '同意', stage: 'DECIDED' })).toEqual([
      { field: 'stage', message: 'is not a field of this action' },
    ]);
    expect(fieldsOf('return', JSON.parse('{"reason":"补充","__proto__":{"admin":true}}'))).toEqual(['__proto__']);
  });

  it.each([
    ['transferClue', 'toBody'],
    ['transferClue', 'reason'],
    ['declareConflict', 'reason'],
    ['proposeDisposition', 'disposition'],
    ['proposeDisposition', 'reason'],
    ['recordInquiryOutcome', 'outcome'],
    ['recordInquiryOutcome', 'reason'],
    ['submitVerificationReport', 'finding'],
    ['submitVerificationReport', 'summary'],
    ['addEvidence', 'kind'],
    ['addEvidence', 'description'],
    ['submitInvestigationReport', 'facts'],
    ['return', 'reason'],
    ['serveDecision', 'servedAt'],
    ['serveDecision', 'method'],
    ['reassign', 'toUserId'],
    ['reassign', 'reason'],
  ] as const)('%s requires %s', (action, field) => {
    for (const missing of [undefined, null]) {
      expect(validateActionPayload(action, withPayload(action, { [field]: missing }))).toEqual([
        { field, message: 'is required' },
      ]);
    }
  });

  it.each([
    ['acceptClue', 'assigneeId'],
    ['acceptClue', 'note'],
    ['recordInquiryOutcome', 'measure'],
    ['addEvidence', 'sha256'],
    ['approve', 'comment'],
  ] as const)('%s may leave out %s', (action, field) => {
    expect(validateActionPayload(action, withPayload(action, { [field]: undefined }))).toEqual([]);
  });

  it.each([
    ['proposeDisposition', 'disposition', 'DISMISS'],
    ['recordInquiryOutcome', 'outcome', 'close'],
    ['recordInquiryOutcome', 'measure', 'EXPULSION'],
    ['submitVerificationReport', 'finding', 'PROPOSE_CASE_FILING '],
    ['addEvidence', 'kind', 42],
    ['submitInvestigationReport', 'responsibilityLevel', 'TOTAL'],
    ['submitInvestigationReport', 'leniency', ''],
    ['serveDecision', 'method', 'BY_EMAIL'],
  ] as const)('%s refuses %s = %j outside its enum', (action, field, value) => {
    const [problem] = validateActionPayload(action, withPayload(action, { [field]: value }));
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(/^must be one of /);
  });

  it.each([
    ['acceptClue', 'assigneeId', 'not-a-uuid'],
    ['acceptClue', 'assigneeId', '00000000-0000-4000-8000-00000000000'],
    ['reassign', 'toUserId', '{00000000-0000-4000-8000-000000000001}'],
    ['reassign', 'toUserId', 7],
  ] as const)('%s refuses %s = %j as a UUID', (action, field, value) => {
    expect(validateActionPayload(action, withPayload(action, { [field]: value }))).toEqual([
      { field, message: 'must be a UUID' },
    ]);
  });

  it.each(['ab'.repeat(31), 'ab'.repeat(33), 'g'.repeat(64), `sha256:${'ab'.repeat(32)}`])(
    'addEvidence refuses sha256 = %s',
    (sha256) => {
      expect(validateActionPayload('addEvidence', withPayload('addEvidence', { sha256 }))).toEqual([
        { field: 'sha256', message: 'must be 64 hexadecimal characters' },
      ]);
    },
  );

  it('addEvidence accepts an upper-case digest', () => {
    expect(fieldsOf('addEvidence', withPayload('addEvidence', { sha256: 'AB'.repeat(32) }))).toEqual([]);
  });

  it.each(['2026-05-01T09:30:00+08:00', '2026-05-01T01:30:00.123Z', '2026-05-01T09:30+08:00'])(
    'serveDecision accepts servedAt %s',
    (servedAt) => {
      expect(fieldsOf('serveDecision', withPayload('serveDecision', { servedAt }))).toEqual([]);
    },
  );

  it.each([
    ['without a time zone', '2026-05-01T09:30:00'],
    ['a date only', '2026-05-01'],
    ['a month that does not exist', '2026-13-01T09:30:00Z'],
    ['a day that does not exist (February 30)', '2026-02-30T09:30:00Z'],
    ['free text', 'yesterday'],
    ['epoch milliseconds', 1777600000000],
  ])('serveDecision refuses servedAt %s', (_what, servedAt) => {
    const [problem] = validateActionPayload('serveDecision', withPayload('serveDecision', { servedAt }));
    expect(problem).toEqual({ field: 'servedAt', message: expect.stringMatching(/^must be an ISO 8601 date-time/) });
  });

  it.each([
    ['submitInvestigationReport', 'facts', LONG_TEXT],
    ['transferClue', 'toBody', SHORT_TEXT],
    ['acceptClue', 'note', LONG_TEXT],
  ] as const)('%s limits %s to %i characters', (action, field, max) => {
    expect(fieldsOf(action, withPayload(action, { [field]: '查'.repeat(max) }))).toEqual([]);
    expect(validateActionPayload(action, withPayload(action, { [field]: '查'.repeat(max + 1) }))).toEqual([
      { field, message: `must be at most ${max} characters` },
    ]);
  });

  it('counts characters, not UTF-16 units, so a full-length text of astral characters passes', () => {
    expect(fieldsOf('transferClue', withPayload('transferClue', { toBody: '𠀀'.repeat(SHORT_TEXT) }))).toEqual([]);
  });

  it.each([
    ['blank', '   ', 'must not be empty'],
    ['not a string', 12, 'must be a string'],
    ['with a NUL character', 'a\u0000b', 'must not contain NUL characters'],
  ])('refuses a reason that is %s', (_what, reason, message) => {
    expect(validateActionPayload('return', { reason })).toEqual([{ field: 'reason', message }]);
  });

  it('allows an empty optional text', () => {
    expect(fieldsOf('approve', { comment: '' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf('serveDecision', { servedAt: 'soon', method: 'FAX', by: 'me' })).toEqual(['by', 'servedAt', 'method']);
  });
});

describe('accountability forms', () => {
  const formsProblem = (forms: unknown) =>
    validateActionPayload('submitInvestigationReport', withPayload('submitInvestigationReport', { forms }));

  it.each([
    [[]],
    [[{ form: 'CIRCULATED_CRITICISM' }, { form: 'ADMONISHMENT' }]],
    [[{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'REMOVAL' }, { form: 'DISCIPLINARY_SANCTION', subtype: 'SERIOUS_WARNING' }]],
    [[{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'REMOVAL' }, { form: 'ORGANIZATIONAL_MEASURE', subtype: 'DEMOTION' }]],
  ])('accepts %j', (forms) => {
    expect(formsProblem(forms)).toEqual([]);
  });

  it.each([
    ['not a list', { form: 'ADMONISHMENT' }, 'must be a list of {form, subtype?}'],
    ['more than ten entries', Array.from({ length: 11 }, () => ({ form: 'ADMONISHMENT' })), 'must have at most 10 entries'],
    ['an entry that is not an object', ['ADMONISHMENT'], '[0] must be an object {form, subtype?}'],
    ['an entry with an unknown field', [{ form: 'ADMONISHMENT', note: 'x' }], '[0] has unknown fields: note'],
    ['an unknown form', [{ form: 'ADMONISHMENT' }, { form: 'FINE' }], '[1].form must be one of'],
    ['a measure without its subtype', [{ form: 'ORGANIZATIONAL_MEASURE' }], '[0].subtype must be one of'],
    ['a sanction with a measure as subtype', [{ form: 'DISCIPLINARY_SANCTION', subtype: 'REMOVAL' }], '[0].subtype must be one of'],
    ['a subtype on a form that has none', [{ form: 'ADMONISHMENT', subtype: 'WARNING' }], '[0].subtype is not used with ADMONISHMENT'],
    ['a repeated form', [{ form: 'ADMONISHMENT' }, { form: 'ADMONISHMENT' }], '[1] repeats ADMONISHMENT/'],
    [
      'a repeated form and subtype',
      [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }, { form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }],
      '[1] repeats DISCIPLINARY_SANCTION/WARNING',
    ],
  ])('refuses %s', (_what, forms, message) => {
    const problems = formsProblem(forms).map((p) => [p.field, p.message.slice(0, message.length)]);
    expect(problems).toEqual([['forms', message]]);
  });
});

describe('checkField', () => {
  const optionalUuid: FieldSpec = { type: 'uuid', label: { zh: '承办人', en: 'Assignee' }, required: false };

  it.each([undefined, null])('lets an optional field be %s', (value) => {
    expect(checkField(optionalUuid, value)).toBeUndefined();
  });

  it('checks an optional field once it is given', () => {
    expect(checkField(optionalUuid, '')).toBe('must be a UUID');
  });
});
