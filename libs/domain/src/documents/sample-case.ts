import type { CaseState } from '@dandang/contracts';
import { DEFAULT_POLICY } from '../policy/default-policy';

const AT = (day: string): string => `${day}T02:00:00.000Z`;
const SAMPLE_USER = '00000000-0000-4000-8000-00000000d0c5';

/**
 * A made-up case that has taken every step a document records (inquiry, verification, filing, decision with a
 * mitigation, service, appeal, name clearing): an uploaded template is rendered with it before it replaces the
 * built-in one, so a template that names an unknown tag or breaks is refused. No real person's data.
 */
export function sampleDocumentCase(): CaseState {
  return {
    caseId: '00000000-0000-4000-8000-0000000d0c00',
    number: 'DD-2026-000000',
    registration: {
      title: '示例：宅基地审批长期搁置',
      summary: '示例：群众反映宅基地审批长期搁置，相关负责人推诿不办。',
      channel: 'PUBLIC',
      intakeMethod: 'LETTER',
      subject: { name: '示例干部', position: '示例局局长', orgUnitId: '00000000-0000-4000-8000-0000000d0c01' },
      anonymousReport: true,
      receivedAt: AT('2026-03-01'),
      orgUnitId: '00000000-0000-4000-8000-0000000d0c01',
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
    verification: { finding: 'PROPOSE_CASE_FILING', summary: '示例：初核查明存在不作为问题', approvedBy: SAMPLE_USER },
    evidence: [{ seq: 1, kind: 'DOCUMENT', description: '示例：审批台账', addedBy: SAMPLE_USER, addedAt: AT('2026-04-01') }],
    decision: {
      forms: [{ form: 'ADMONISHMENT' }],
      responsibilityLevel: 'DIRECT',
      leniency: 'LIGHTER',
      facts: '示例：宅基地审批积压十四个月未办。',
      proposedBy: SAMPLE_USER,
      approvedBy: SAMPLE_USER,
      approvedAt: AT('2026-05-06'),
    },
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
