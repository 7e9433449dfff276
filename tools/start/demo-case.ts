import { DEMO_ORG_UNITS, DEMO_PASSWORD, DEMO_USERS } from '@dandang/persistence';

type DemoUser = keyof typeof DEMO_USERS;

/**
 * The seeded demo case about `subject1` (the official concerned), driven through the API to INVESTIGATION so the
 * official can apply for fault tolerance at once. Every request carries a fixed Idempotency-Key: a restart replays
 * the first answers and changes nothing.
 */
export async function seedDemoCase(apiBase: string): Promise<string> {
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
  const created = await call('POST', '/cases', 'intake1', {
    title: '某区住建局对老旧小区加装电梯申请长期不予答复',
    summary: '居民反映加装电梯申请提交一年未获答复，多次催办无果。',
    channel: 'PUBLIC',
    intakeMethod: 'ONLINE',
    subject: { name: '张三', position: '区住建局副局长', orgUnitId: DEMO_ORG_UNITS.districtA.id, userId: DEMO_USERS.subject1.id },
    anonymous: true,
    receivedAt: '2026-11-02T09:00:00+08:00',
  }, 'demo-case-subject1');
  const id: string = created.id;
  const steps: [DemoUser, string, Record<string, unknown>][] = [
    ['intake1', 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }],
    ['officer1', 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，拟初步核实' }],
    ['supervisor1', 'approve', { comment: '同意初核' }],
    ['officer1', 'submitVerificationReport', { finding: 'PROPOSE_CASE_FILING', summary: '初核发现答复超期属实，拟立案审查调查' }],
    ['supervisor2', 'approve', { comment: '同意立案' }],
  ];
  for (const [user, action, payload] of steps) {
    await call('POST', `/cases/${id}/actions/${action}`, user, payload, `demo-case-subject1-${action}-${user}`);
  }
  return id;
}
