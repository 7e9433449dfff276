import { describe, expect, it } from '@jest/globals';
import { ACTION_SPECS, type CaseDetail } from '@dandang/contracts';
import { fieldsFor, problemPath, toPayload } from './action-payload';

describe('action payloads of the web forms', () => {
  it('places a server problem on the row and field it names', () => {
    expect(problemPath('findings[1].forms', 'cannot be imposed')).toEqual({ name: ['findings', 1, 'forms'], message: 'cannot be imposed' });
    expect(problemPath('votes[0].opinion', 'is required with AGAINST')).toEqual({ name: ['votes', 0, 'opinion'], message: 'is required with AGAINST' });
    expect(problemPath('votes', '[2].vote must be one of FOR, AGAINST, ABSTAIN')).toEqual({ name: ['votes', 2, 'vote'], message: 'must be one of FOR, AGAINST, ABSTAIN' });
    expect(problemPath('facts', 'is required')).toEqual({ name: ['facts'], message: 'is required' });
  });

  it('asks a case with a procedure for findings per person instead of the single fields, and a case without for the single fields', () => {
    const report = ACTION_SPECS.submitInvestigationReport.fields;
    const withProcedure = fieldsFor(report, { procedure: 'ACCOUNTABILITY' } as CaseDetail);
    expect(Object.keys(withProcedure)).toEqual(['facts', 'findings']);
    expect(withProcedure.findings.required).toBe(true);
    expect(Object.keys(fieldsFor(report, { procedure: null } as CaseDetail))).toEqual(['facts', 'responsibilityLevel', 'forms', 'leniency', 'grounds']);
    // An optional list beside no single fields (what a meeting decided otherwise) stays optional.
    expect(fieldsFor(ACTION_SPECS.recordCollectiveDecision.fields, { procedure: 'DISCIPLINE' } as CaseDetail).findings.required).toBe(false);
  });

  it('sends findings without empty form rows, votes with their dissent, and leaves an optional empty list out', () => {
    const { fields } = ACTION_SPECS.recordCollectiveDecision;
    const payload = toPayload(fields, {
      body: 'COMMISSION_STANDING_COMMITTEE',
      memberCount: 5,
      votes: [{ memberId: 'u1', vote: 'FOR', opinion: ' ' }, { memberId: 'u2', vote: 'AGAINST', opinion: ' 从轻 ' }],
      minutes: '纪要',
      findings: [],
    });
    expect(payload).toEqual({
      body: 'COMMISSION_STANDING_COMMITTEE',
      memberCount: 5,
      votes: [{ memberId: 'u1', vote: 'FOR' }, { memberId: 'u2', vote: 'AGAINST', opinion: '从轻' }],
      minutes: '纪要',
    });
    const report = toPayload({ findings: { ...ACTION_SPECS.submitInvestigationReport.fields.findings, required: true } }, {
      findings: [{ personId: 'P1', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }, {}], leniency: 'NORMAL', grounds: [] }],
    });
    expect(report).toEqual({ findings: [{ personId: 'P1', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'NORMAL' }] });
  });
});
