import { aCaseAt, aUuid, refusalOf } from '@dandang/testing/factories';
import type { Stage } from '@dandang/contracts';
import { DomainError } from '../errors';
import { assertMayFilter, assertMaySearch, caseListScope, isOfficialConcerned, maySeeCase, subjectWasTold, type CaseInSight, type Viewer } from './case-sight';

const UNIT = '/root/district/';
const official: Viewer = { id: aUuid(), roles: ['SUBJECT'], orgPath: '/root/street/' };
const officer: Viewer = { id: aUuid(), roles: ['CASE_OFFICER'], orgPath: UNIT };
const aCase = (over: Partial<CaseInSight> = {}): CaseInSight => ({
  orgPath: `${UNIT}street/`,
  subjectUserId: official.id,
  concernedUserIds: [official.id],
  recusedUserIds: [official.id],
  subjectTold: true,
  ...over,
});

describe('who may see a case', () => {
  it('is staff of the unit above it, or of its own unit', () => {
    expect(maySeeCase(officer, aCase())).toBe(true);
    expect(maySeeCase({ ...officer, orgPath: '/root/other/' }, aCase())).toBe(false);
  });

  it('is never a staff member recused from it: a declared conflict, or a staff account of the official concerned', () => {
    expect(maySeeCase(officer, aCase({ recusedUserIds: [official.id, officer.id] }))).toBe(false);
    expect(maySeeCase(officer, aCase({ subjectUserId: officer.id, recusedUserIds: [] }))).toBe(false);
  });

  it('is never an administrator, who manages the system and reads no case (三员分立)', () => {
    expect(maySeeCase({ ...officer, roles: ['ADMIN'] }, aCase())).toBe(false);
    expect(maySeeCase({ ...officer, roles: ['ADMIN', 'SUPERVISOR'] }, aCase())).toBe(true);
    expect(caseListScope({ ...officer, roles: ['ADMIN'] })).toBeUndefined();
  });

  it('is the official concerned only once told of it, and never another official', () => {
    expect(maySeeCase(official, aCase())).toBe(true);
    expect(maySeeCase(official, aCase({ subjectTold: false }))).toBe(false);
    expect(maySeeCase({ ...official, id: aUuid() }, aCase())).toBe(false);
  });

  it('is any person concerned with an account (a member of a leading group), once told of it', () => {
    const member: Viewer = { id: aUuid(), roles: ['SUBJECT'], orgPath: '/root/street/' };
    const group = aCase({ concernedUserIds: [official.id, member.id], recusedUserIds: [official.id, member.id] });
    expect(maySeeCase(member, group)).toBe(true);
    expect(maySeeCase(member, { ...group, subjectTold: false })).toBe(false);
    // Never as staff: a member who also works in the unit is recused.
    expect(maySeeCase({ ...member, roles: ['CASE_OFFICER'], orgPath: UNIT }, group)).toBe(false);
  });
});

describe('when the official concerned has been told of their case', () => {
  it.each<[Stage, boolean]>([
    ['INTAKE', false],
    ['DISPOSITION', false],
    ['INQUIRY', false],
    ['VERIFICATION', false],
    ['SHELVED', false],
    ['INVESTIGATION', true],
    ['DECIDED', true],
    ['SERVED', true],
  ])('in %s: %s', (stage, told) => {
    expect(subjectWasTold(aCaseAt(stage).state)).toBe(told);
  });

  it('after an end that came from the filing, not a clue closed or transferred before it', () => {
    const closed = (kind: 'EXEMPTED' | 'DECISION_FINAL' | 'DISPOSITION_CLOSED' | 'VERIFICATION_CLOSED' | 'UNTRUE' | 'TRANSFERRED') =>
      subjectWasTold({ stage: 'CLOSED', closure: { kind, at: '2026-05-06T01:00:00Z' } });
    expect([closed('EXEMPTED'), closed('DECISION_FINAL')]).toEqual([true, true]);
    expect([closed('DISPOSITION_CLOSED'), closed('VERIFICATION_CLOSED'), closed('UNTRUE'), closed('TRANSFERRED')]).toEqual([false, false, false, false]);
  });
});

describe('the scope of a case list', () => {
  it("is the official's own told cases for the official concerned, else the subtree without the cases one is recused from", () => {
    expect(caseListScope(official)).toEqual({ orgPath: '/', subjectUserId: official.id });
    expect(caseListScope(officer)).toEqual({ orgPath: UNIT, notRecused: officer.id });
  });

  it('takes a user with the SUBJECT role and a staff role as staff', () => {
    expect(isOfficialConcerned({ roles: ['SUBJECT', 'CASE_OFFICER'] })).toBe(false);
    expect(isOfficialConcerned({ roles: ['SUBJECT'] })).toBe(true);
  });
});

describe('text search', () => {
  it('is refused to the official concerned, naming the field, and open to staff', () => {
    let refusal: unknown;
    try {
      assertMaySearch(official, '挪用');
    } catch (e) {
      refusal = e;
    }
    expect(refusal instanceof DomainError && refusal.fields).toEqual([{ field: 'q', message: expect.any(String) }]);
    expect(() => assertMaySearch(official, undefined)).not.toThrow();
    expect(() => assertMaySearch(officer, '挪用')).not.toThrow();
  });
});

describe('filters of a case list', () => {
  it('are refused on what the viewer’s rows leave out: channel and assignee for the official concerned, channel for an auditor', () => {
    const auditor: Viewer = { ...officer, roles: ['AUDITOR'] };
    expect(refusalOf(() => assertMayFilter(official, { channel: 'PUBLIC', assignee: officer.id }))).toMatchObject({ fields: [{ field: 'channel' }, { field: 'assignee' }] });
    expect(refusalOf(() => assertMayFilter(auditor, { channel: 'PUBLIC' }))).toMatchObject({ fields: [{ field: 'channel' }] });
    expect(() => assertMayFilter(auditor, { assignee: officer.id })).not.toThrow();
    expect(() => assertMayFilter(officer, { channel: 'PUBLIC', assignee: officer.id })).not.toThrow();
  });
});
