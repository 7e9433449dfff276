import { DEMO_ORG_UNITS, DEMO_PASSWORD, DEMO_USERS } from '@dandang/persistence';

type DemoUser = keyof typeof DEMO_USERS;

/** The demo cases, one in each procedure. */
export interface DemoCases {
  /** A discipline case (立案审查调查) about subject1, under investigation: the official may apply for fault tolerance. */
  discipline: string;
  /** An accountability inquiry (问责) into a leading group: three persons heard, the report approved, before the meeting. */
  accountability: string;
}

/**
 * The seeded demo cases, driven through the API. Every request carries a fixed Idempotency-Key: a restart replays the
 * first answers and changes nothing.
 */
export async function seedDemoCases(apiBase: string): Promise<DemoCases> {
  const tokens = new Map<DemoUser, string>();
  const token = async (user: DemoUser) => {
    if (!tokens.has(user)) tokens.set(user, (await call('POST', '/auth/login', undefined, { username: user, password: DEMO_PASSWORD })).accessToken);
    return tokens.get(user)!;
  };
  async function call(method: string, path: string, user: DemoUser | undefined, body?: unknown, key?: string): Promise<{ accessToken: string; id: string }> {
    const response = await fetch(`${apiBase}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(user ? { authorization: `Bearer ${await token(user)}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { message?: string; accessToken: string; id: string };
    if (!response.ok) throw new Error(`demo case: ${method} ${path} answered ${response.status}: ${json.message}`);
    return json;
  }
  /** Registers the clue and takes the steps, each once (keyed by the case's name and the step's place). */
  async function seed(name: string, clue: Record<string, unknown>, steps: [DemoUser, string, Record<string, unknown>][]): Promise<string> {
    const { id } = await call('POST', '/cases', 'intake1', clue, `demo-case-${name}`);
    for (const [i, [user, action, payload]] of steps.entries()) {
      await call('POST', `/cases/${id}/actions/${action}`, user, payload, `demo-case-${name}-${i}-${action}-${user}`);
    }
    return id;
  }
  const verified = (finding: string, summary: string): [DemoUser, string, Record<string, unknown>][] => [
    ['intake1', 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }],
    ['officer1', 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，拟初步核实' }],
    ['supervisor1', 'approve', { comment: '同意初核' }],
    ['officer1', 'submitVerificationReport', { finding, summary }],
    // 问责调查 / 审查调查 by a team of at least two, named by the approval.
    ['supervisor2', 'approve', { comment: '同意', investigationTeam: [DEMO_USERS.officer2.id] }],
  ];
  const discipline = await seed(
    'subject1',
    {
      title: '某区住建局对老旧小区加装电梯申请长期不予答复',
      summary: '居民反映加装电梯申请提交一年未获答复，多次催办无果。',
      channel: 'PUBLIC',
      intakeMethod: 'ONLINE',
      subject: { name: '张三', position: '区住建局副局长', orgUnitId: DEMO_ORG_UNITS.districtA.id, userId: DEMO_USERS.subject1.id },
      anonymous: true,
      receivedAt: '2026-11-02T09:00:00+08:00',
    },
    verified('PROPOSE_CASE_FILING', '初核发现答复超期属实，拟立案审查调查'),
  );
  const heard = (personId: string): [DemoUser, string, Record<string, unknown>][] => [
    ['officer1', 'presentFactMaterials', { personId, presentedAt: '2026-11-20T10:00:00+08:00' }],
    ['officer1', 'recordStatement', { personId, receivedAt: '2026-11-21T10:00:00+08:00', summary: '对认定事实无异议', signature: 'SIGNED' }],
  ];
  const finding = (personId: string, responsibilityLevel: string, form: Record<string, string>) => ({ personId, responsibilityLevel, forms: [form], leniency: 'NORMAL' });
  const accountability = await seed(
    'leading-group',
    {
      title: '某街道党工委对辖区防汛隐患整改推诿拖延',
      summary: '巡察发现防汛隐患整改清单半年未落实，街道领导班子互相推诿。',
      channel: 'PARTY_INTERNAL',
      intakeMethod: 'INSPECTION_TOUR',
      subject: { name: '王五', position: '街道党工委书记', orgUnitId: DEMO_ORG_UNITS.districtB.id },
      anonymous: true,
      receivedAt: '2026-11-03T09:00:00+08:00',
    },
    [
      ...verified('PROPOSE_ACCOUNTABILITY', '初核查明整改推诿属实，拟启动问责调查'),
      ['officer1', 'addPersonConcerned', { kind: 'INDIVIDUAL', name: '赵六', position: '街道办事处副主任（分管应急）', orgUnitId: DEMO_ORG_UNITS.districtB.id, publicOfficial: true, reason: '分管防汛工作' }],
      ['officer1', 'addPersonConcerned', { kind: 'ORGANISATION', name: '某街道党工委', position: '领导班子', orgUnitId: DEMO_ORG_UNITS.districtB.id, reason: '履行主体责任不力' }],
      ['officer1', 'addEvidence', { kind: 'DOCUMENT', description: '巡察整改清单及督办记录' }],
      ...heard('P1'),
      ...heard('P2'),
      ...heard('P3'),
      [
        'officer1',
        'submitInvestigationReport',
        {
          facts: '防汛隐患整改清单半年未落实，领导班子互相推诿',
          findings: [
            finding('P1', 'PRINCIPAL_LEADERSHIP', { form: 'ADMONISHMENT' }),
            finding('P2', 'IMPORTANT_LEADERSHIP', { form: 'ORGANIZATIONAL_MEASURE', subtype: 'POSITION_ADJUSTMENT' }),
            finding('P3', 'OVERALL_LEADERSHIP', { form: 'CIRCULATED_NOTICE' }),
          ],
        },
      ],
      ['supervisor1', 'approve', { comment: '同意，提请常委会和组织部研究' }],
    ],
  );
  return { discipline, accountability };
}
