import type { CaseEvent, Stage, TimelineEntry } from '@dandang/contracts';
import { aCaseAt, aCaseOfficer, aPendingApproval, aReviewState, aSupervisor, aUuid, anActor, anAuditor, refusalOf } from '@dandang/testing/factories';
import { auditCaseSummary, auditCaseView, auditReviewView, auditTimelineEntry, readsAsAuditor } from './audit-view';
import { assertMaySearch } from './case-sight';

const asEntry = (e: CaseEvent): TimelineEntry => ({
  stream: 'case',
  version: e.version,
  action: e.action,
  actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
  occurredAt: e.occurredAt,
  reason: e.reason ?? null,
  fromStage: e.fromStage ?? null,
  toStage: e.toStage,
  payload: e.payload,
  hash: 'h',
});

/** Every string a person wrote into the case: what an auditor must never read. */
const WRITTEN = ['某局长对群众反映的问题长期不作为', '群众多次反映宅基地审批长期搁置', '张某', '某县自然资源局局长'];

describe('who reads cases as an auditor (三员分立)', () => {
  it('is an auditor who handles no case; one who also handles cases reads as a handler', () => {
    expect(readsAsAuditor(anAuditor())).toBe(true);
    expect(readsAsAuditor(anActor({ roles: ['AUDITOR', 'SUPERVISOR'] }))).toBe(false);
    expect(readsAsAuditor(aCaseOfficer())).toBe(false);
  });

  it('is refused a text search, which would read the content their view leaves out', () => {
    const auditor = { id: aUuid(), roles: anAuditor().roles, orgPath: '/root/' };
    expect(refusalOf(() => assertMaySearch(auditor, '宅基地'))).toMatchObject({ fields: [{ field: 'q' }] });
    expect(() => assertMaySearch(auditor, undefined)).not.toThrow();
  });
});

describe("an auditor's view of a case", () => {
  it.each<Stage>(['DISPOSITION', 'INVESTIGATION', 'SERVED'])('in %s: its course, never its title, summary, official or what anyone wrote', (stage) => {
    const { state } = aCaseAt(stage);
    const view = auditCaseView(state);
    expect(view).toMatchObject({ view: 'audit', id: state.caseId, number: state.number, stage, registeredBy: state.registeredBy, availableActions: [] });
    const text = JSON.stringify(view);
    for (const written of [...WRITTEN, ...(state.decision ? [state.decision.facts] : [])]) expect(text).not.toContain(written);
    for (const field of ['title', 'summary', 'subject', 'channel', 'intakeMethod', 'evidence', 'decision', 'reporter']) expect(view).not.toHaveProperty(field);
  });

  it('names a pending proposal by its kind and proposer, without its reasons; a clock without the reasons of its stops', () => {
    const { state } = aCaseAt('DISPOSITION');
    const view = auditCaseView({
      ...state,
      pendingApproval: aPendingApproval({ reason: '反映问题具体' } as never),
      deadline: {
        stage: 'DISPOSITION', limit: { amount: 1, unit: 'MONTH' }, startedAt: state.stageEnteredAt, dueAt: '2026-04-02T01:00:00.000Z',
        calendarVersion: 'c', unpublishedYears: [], fired: [], card: 'NONE', supervised: false,
        suspension: { since: state.stageEnteredAt, reason: '被反映人住院', remaining: { amount: 3, unit: 'WORKING_DAY' } },
        extensions: [{ amount: 5, reason: '案情复杂', approvedBy: 'sup', at: state.stageEnteredAt }],
      },
    });
    expect(view.pendingApproval).toEqual({ kind: 'DISPOSITION', action: 'proposeDisposition', proposedBy: expect.any(String), proposedByName: '承办人', proposedAt: expect.any(String) });
    expect(view.deadline?.suspension).toEqual({ since: state.stageEnteredAt, remaining: { amount: 3, unit: 'WORKING_DAY' } });
    expect(view.deadline?.extensions).toEqual([{ amount: 5, approvedBy: 'sup', at: state.stageEnteredAt }]);
    expect(JSON.stringify(view)).not.toMatch(/反映问题具体|住院|案情复杂/);
  });

  it('lists a case by where it stands, without its title, official, channel or intake method', () => {
    const row = auditCaseSummary({
      id: aUuid(), number: 'DD-2026-000001', title: '标题', channel: 'PUBLIC', intakeMethod: 'LETTER', stage: 'INTAKE',
      stageLabel: { zh: '受理', en: 'Intake' }, orgUnitId: aUuid(), subjectName: '张某', subjectPosition: '局长', assigneeId: null,
      hasPendingApproval: false, receivedAt: 'r', registeredAt: 'g', stageEnteredAt: 's', updatedAt: 'u', version: 1, dueAt: null, card: 'NONE', supervised: false,
    });
    expect(Object.keys(row).sort()).toEqual(
      ['assigneeId', 'card', 'dueAt', 'hasPendingApproval', 'id', 'number', 'orgUnitId', 'receivedAt', 'registeredAt', 'stage', 'stageEnteredAt', 'stageLabel', 'supervised', 'updatedAt', 'version'],
    );
  });
});

describe("an auditor's timeline", () => {
  const { events } = aCaseAt('SERVED');
  const entries = events.map(asEntry);

  it('keeps who did what and when, with its hash, and withholds what anyone wrote, naming what', () => {
    const audited = entries.map(auditTimelineEntry);
    expect(audited.map((e) => [e.action, e.actor.id, e.occurredAt, e.toStage, e.hash])).toEqual(entries.map((e) => [e.action, e.actor.id, e.occurredAt, e.toStage, e.hash]));
    const written = entries.flatMap((e) => [e.reason, ...Object.values(e.payload).filter((v) => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v))]).filter(Boolean);
    expect(written.length).toBeGreaterThan(3);
    const text = JSON.stringify(audited);
    for (const w of written) expect(text).not.toContain(w);
    const approval = audited.find((e) => e.action === 'proposeDisposition')!;
    expect(approval).toMatchObject({ reason: null, payload: { disposition: expect.any(String) }, withheld: ['reason', 'payload.reason'] });
  });

  it('keeps the ids and choices of a payload: whom a case was given to, and the rung of a clock with its system reason', () => {
    const reassign = auditTimelineEntry({ ...entries[1], action: 'reassign', reason: '工作调整', payload: { toUserId: 'u-2', reason: '工作调整' } });
    expect(reassign).toMatchObject({ reason: null, payload: { toUserId: 'u-2' }, withheld: ['reason', 'payload.reason'] });
    const rung = auditTimelineEntry({
      ...entries[1], action: 'deadlineRung', actor: { id: 's', name: '系统', role: 'SYSTEM' }, reason: 'YELLOW_CARD (due 2026-03-09)',
      payload: { rung: 'YELLOW_CARD', kind: 'YELLOW_CARD', dueAt: '2026-03-09' },
    });
    expect(rung).toMatchObject({ reason: 'YELLOW_CARD (due 2026-03-09)', payload: { rung: 'YELLOW_CARD', dueAt: '2026-03-09' }, withheld: [] });
  });

  it('leaves the official concerned unnamed when they acted, and the registration without title or official', () => {
    const appeal = auditTimelineEntry({ ...entries[1], action: 'fileAppeal', actor: { id: 'o', name: '张三', role: 'SUBJECT' }, reason: '处理过重', payload: { grounds: '处理过重' } });
    expect(appeal).toMatchObject({ actor: { id: 'o', name: '', role: 'SUBJECT' }, reason: null, payload: {}, withheld: ['reason', 'actor.name', 'payload.grounds'] });
    const registered = auditTimelineEntry({ ...entries[0], action: 'registerClue', reason: null, payload: { title: 't', subject: { name: '张某' }, orgUnitId: 'u', receivedAt: 'r' } });
    expect(registered).toMatchObject({ payload: { orgUnitId: 'u', receivedAt: 'r' }, withheld: ['payload.title', 'payload.subject'] });
  });
});

describe("an auditor's view of a fault-tolerance review", () => {
  it('keeps its course, the steps’ authors and the outcomes chosen, never the reasons, assessment, notes or applicant', () => {
    const [assessor, voter] = [aSupervisor(), aSupervisor()];
    const review = aReviewState({
      status: 'FILED',
      assessorId: assessor.userId,
      assessedAt: '2026-03-05T01:00:00.000Z',
      recommendation: { outcome: 'EXEMPTION', reasons: [] },
      votes: [{ voterId: voter.userId, outcome: 'MITIGATION', mitigation: 'LIGHTER', reason: '情节较轻' }],
      determination: { outcome: 'EXEMPTION', at: '2026-03-06T01:00:00.000Z' },
      notification: { method: 'IN_PERSON', note: '已当面反馈', by: voter.userId, at: '2026-03-07T01:00:00.000Z' },
      filing: { recipient: '上级纪委', note: '已报备', by: voter.userId, at: '2026-03-08T01:00:00.000Z' },
    });
    const view = auditReviewView(review);
    expect(view).toMatchObject({
      status: 'FILED',
      applicant: { kind: 'SUBJECT' },
      assessorId: assessor.userId,
      recommendation: { outcome: 'EXEMPTION' },
      votes: [{ voterId: voter.userId, outcome: 'MITIGATION', mitigation: 'LIGHTER' }],
      filing: { by: voter.userId, at: '2026-03-08T01:00:00.000Z' },
    });
    expect(JSON.stringify(view)).not.toMatch(/先行先试|情节较轻|已当面反馈|已报备|上级纪委|张三/);
  });
});
