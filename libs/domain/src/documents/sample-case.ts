import type { CaseDeadline, CaseState, DocumentKind, NoAccountabilityOutcome, ReporterNoticeKind, StepClock } from '@dandang/contracts';
import { DEFAULT_POLICY } from '../policy/default-policy';

const AT = (day: string): string => `${day}T02:00:00.000Z`;
const SAMPLE_USER = '00000000-0000-4000-8000-00000000d0c5';
const SAMPLE_UNIT = '00000000-0000-4000-8000-0000000d0c01';

const clock = (step: StepClock, startedAt: string, dueAt: string): CaseDeadline => ({
  stage: 'DECIDED',
  step,
  limit: { amount: 15, unit: 'WORKING_DAY' },
  startedAt: AT(startedAt),
  dueAt: AT(dueAt),
  calendarVersion: 'sample',
  unpublishedYears: [],
  fired: [],
  card: 'NONE',
  supervised: false,
  extensions: [],
});

const notice = (kind: ReporterNoticeKind, step: StepClock, from: string, due: string, told: string) => ({
  kind,
  deadline: clock(step, from, due),
  record: { method: 'WRITTEN' as const, notifiedAt: AT(told), note: '示例：书面告知', by: SAMPLE_USER },
});

/** The two ends of an investigation that hold nobody accountable: each its own document, so the sample has one of them. */
const NO_ACCOUNTABILITY_KINDS: Partial<Record<DocumentKind, NoAccountabilityOutcome>> = {
  CASE_WITHDRAWAL_DECISION: 'CASE_WITHDRAWN',
  NO_ACCOUNTABILITY_DECISION: 'NOT_HELD_ACCOUNTABLE',
};

/**
 * A made-up case that has taken every step a document records (inquiry, verification, an accountability inquiry of
 * two persons with their statements, the report, 审理 of the second's 党纪处分, the collective decision with a
 * mitigation, service, appeal, name clearing, both notices to the real-name reporter): an uploaded template is
 * rendered with it before it replaces the built-in one, so a template that names an unknown tag or breaks is refused.
 * A 撤销案件 or 不予问责 excludes a decision, so for those two kinds (`kind`) the sample ended that way instead. No real
 * person's data, and no reporter's identity (a case never holds it).
 */
export function sampleDocumentCase(kind?: DocumentKind): CaseState {
  const sample = decidedSample();
  const outcome = kind && NO_ACCOUNTABILITY_KINDS[kind];
  if (!outcome) return sample;
  const ended: CaseState = { ...sample, stage: 'CLOSED' };
  for (const key of ['decision', 'personDecisions', 'collectiveDecisions', 'announcement', 'service', 'appeal', 'documents'] as const) delete ended[key];
  return {
    ...ended,
    noAccountability: {
      outcome,
      ...(outcome === 'NOT_HELD_ACCOUNTABLE' ? { grounds: ['REFORM_EXPLORATION' as const] } : {}),
      allegationUntrue: false,
      reason: '示例：现有证据不足以认定其负有责任。',
      proposedBy: SAMPLE_USER,
      approvedBy: SAMPLE_USER,
      approvedAt: AT('2026-05-06'),
    },
  };
}

function decidedSample(): CaseState {
  const facts = '示例：宅基地审批积压十四个月未办。';
  return {
    caseId: '00000000-0000-4000-8000-0000000d0c00',
    number: 'DD-2026-000000',
    registration: {
      title: '示例：宅基地审批长期搁置',
      summary: '示例：群众反映宅基地审批长期搁置，相关负责人推诿不办。',
      channel: 'PUBLIC',
      intakeMethod: 'LETTER',
      subject: { name: '示例干部', position: '示例局局长', orgUnitId: SAMPLE_UNIT },
      anonymousReport: false,
      receivedAt: AT('2026-03-01'),
      orgUnitId: SAMPLE_UNIT,
    },
    registeredBy: SAMPLE_USER,
    registeredAt: AT('2026-03-02'),
    stage: 'SERVED',
    version: 20,
    assigneeId: SAMPLE_USER,
    investigatorIds: [SAMPLE_USER],
    recusedUserIds: [],
    disposition: { disposition: 'TALK_OR_LETTER_INQUIRY', reason: '示例：先行函询', approvedBy: SAMPLE_USER },
    inquiry: { outcome: 'REPEAT_OR_VERIFY', reason: '示例：说明不清，转初步核实' },
    verification: { finding: 'PROPOSE_ACCOUNTABILITY', summary: '示例：初核查明存在不作为问题', approvedBy: SAMPLE_USER },
    procedure: 'ACCOUNTABILITY',
    evidence: [{ seq: 1, kind: 'DOCUMENT', description: '示例：审批台账', addedBy: SAMPLE_USER, addedAt: AT('2026-04-01') }],
    persons: [
      {
        personId: 'P1',
        kind: 'INDIVIDUAL',
        name: '示例干部',
        position: '示例局局长',
        orgUnitId: SAMPLE_UNIT,
        addedBy: SAMPLE_USER,
        addedAt: AT('2026-03-02'),
        statement: {
          presentedAt: AT('2026-04-02'),
          presentedBy: SAMPLE_USER,
          answer: { receivedAt: AT('2026-04-03'), summary: '示例：对事实无异议', signature: 'SIGNED', adopted: '示例：主动说明情况，予以采纳', recordedBy: SAMPLE_USER },
        },
      },
      {
        personId: 'P2',
        kind: 'INDIVIDUAL',
        name: '示例副局长',
        position: '示例局副局长',
        orgUnitId: SAMPLE_UNIT,
        publicOfficial: true,
        addedBy: SAMPLE_USER,
        addedAt: AT('2026-04-01'),
        statement: {
          presentedAt: AT('2026-04-02'),
          presentedBy: SAMPLE_USER,
          answer: { receivedAt: AT('2026-04-03'), summary: '示例：认为系执行上级决定', signature: 'REFUSED_TO_SIGN', recordedBy: SAMPLE_USER },
        },
      },
    ],
    report: {
      facts,
      findings: [
        { personId: 'P1', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'LIGHTER', grounds: ['TIMELY_REMEDY'] },
        { personId: 'P2', responsibilityLevel: 'IMPORTANT_LEADERSHIP', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }], leniency: 'NORMAL' },
      ],
      proposedBy: SAMPLE_USER,
      approvedBy: SAMPLE_USER,
      approvedAt: AT('2026-04-15'),
    },
    trial: {
      reviewerId: SAMPLE_USER,
      acceptedAt: AT('2026-04-16'),
      opinion: {
        opinion: 'AGREE',
        findings: [
          { personId: 'P1', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'LIGHTER', grounds: ['TIMELY_REMEDY'] },
          { personId: 'P2', responsibilityLevel: 'IMPORTANT_LEADERSHIP', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }], leniency: 'NORMAL' },
        ],
        reason: '示例：事实清楚，证据确凿，定性准确，处理恰当。',
        at: AT('2026-04-30'),
      },
    },
    collectiveDecisions: [
      {
        body: 'COMMISSION_STANDING_COMMITTEE',
        meetingAt: AT('2026-05-06'),
        memberCount: 9,
        votes: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ memberId: `00000000-0000-4000-8000-00000000d0d${n}`, vote: 'FOR' as const })),
        carried: true,
        minutes: '示例：常委会研究同意',
        recordedBy: SAMPLE_USER,
      },
    ],
    personDecisions: [
      { personId: 'P1', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'LIGHTER', grounds: ['TIMELY_REMEDY'], decidedAt: AT('2026-05-06'), bodies: ['COMMISSION_STANDING_COMMITTEE'] },
      {
        personId: 'P2',
        responsibilityLevel: 'IMPORTANT_LEADERSHIP',
        forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }],
        leniency: 'NORMAL',
        decidedAt: AT('2026-05-06'),
        bodies: ['COMMISSION_STANDING_COMMITTEE'],
      },
    ],
    decision: {
      forms: [{ form: 'ADMONISHMENT' }],
      responsibilityLevel: 'DIRECT',
      leniency: 'LIGHTER',
      grounds: ['TIMELY_REMEDY'],
      facts,
      proposedBy: SAMPLE_USER,
      approvedBy: SAMPLE_USER,
      approvedAt: AT('2026-05-06'),
    },
    announcement: { announcedAt: AT('2026-05-08'), to: '示例：本人及所在党支部', recordedBy: SAMPLE_USER },
    reporterNotices: [
      notice('ACCEPTANCE', 'REPORTER_ACCEPTANCE_NOTICE', '2026-03-01', '2026-03-20', '2026-03-05'),
      notice('RESULT', 'REPORTER_RESULT_NOTICE', '2026-05-06', '2026-05-27', '2026-05-10'),
    ],
    service: { servedAt: AT('2026-05-08'), method: 'IN_PERSON', recordedBy: SAMPLE_USER },
    policy: JSON.parse(JSON.stringify(DEFAULT_POLICY)) as CaseState['policy'],
    stageEnteredAt: AT('2026-05-08'),
    reviews: [
      {
        reviewId: '00000000-0000-4000-8000-0000000d0c02',
        seq: 1,
        workflowId: 'sample-review',
        applicantKind: 'SUBJECT',
        applicantId: SAMPLE_USER,
        appliedAt: AT('2026-04-10'),
        status: 'DETERMINED',
        outcome: 'MITIGATION',
        mitigation: 'LIGHTER',
        concludedAt: AT('2026-04-20'),
      },
    ],
    tolerance: { reviewId: '00000000-0000-4000-8000-0000000d0c02', outcome: 'MITIGATION', mitigation: 'LIGHTER', determinedAt: AT('2026-04-20') },
    appeal: {
      windowEndsAt: AT('2026-06-08'),
      filed: { grounds: '示例：事实认定有误', filedAt: AT('2026-05-20') },
      decision: { outcome: 'UPHELD', reason: '示例：原决定事实清楚、处理适当', by: SAMPLE_USER, at: AT('2026-06-01') },
    },
    nameClearing: {
      status: 'RECORDED',
      record: { harmed: true, methods: ['WRITTEN', 'MEETING'], completedAt: AT('2026-06-05'), note: '示例：已在会议上澄清', by: SAMPLE_USER },
    },
    documents: [
      {
        id: '00000000-0000-4000-8000-0000000d0c03',
        kind: 'ACCOUNTABILITY_DECISION',
        number: '纪问〔2026〕1号',
        sha256: '0'.repeat(64),
        templateVersion: 0,
        generatedBy: SAMPLE_USER,
        generatedByName: '示例承办人',
        generatedAt: AT('2026-05-07'),
        services: [{ recipient: '示例干部', method: 'IN_PERSON', servedAt: AT('2026-05-08'), recordedBy: SAMPLE_USER, recordedByName: '示例承办人', recordedAt: AT('2026-05-08') }],
      },
    ],
  };
}
