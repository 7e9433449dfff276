import { caseExportColumns } from './case-export';

describe('the columns of a case list export', () => {
  it('gives staff who handle cases every column', () => {
    expect(caseExportColumns({ roles: ['CASE_OFFICER'] })).toContain('title');
  });

  it("gives an auditor no title, official concerned, channel or intake method (their list rows' columns)", () => {
    const columns = caseExportColumns({ roles: ['AUDITOR'] });
    for (const hidden of ['title', 'subjectName', 'subjectPosition', 'channel', 'intakeMethod']) expect(columns).not.toContain(hidden);
    expect(columns).toEqual(expect.arrayContaining(['number', 'stage', 'dueAt', 'card']));
  });

  it('reads an auditor who also handles cases as that role', () => {
    expect(caseExportColumns({ roles: ['AUDITOR', 'SUPERVISOR'] })).toContain('title');
  });

  it('gives the official concerned neither who handles their cases nor their clock', () => {
    const columns = caseExportColumns({ roles: ['SUBJECT'] });
    for (const hidden of ['assignee', 'channel', 'dueAt', 'hasPendingApproval']) expect(columns).not.toContain(hidden);
  });
});
