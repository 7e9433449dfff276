import { randomUUID } from 'node:crypto';
import type { Actor, CaseWorkflowInput } from '@dandang/contracts';
import { DEFAULT_POLICY } from '@dandang/domain';
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';

/** An actor for a seeded demo user, as the API would vouch for them. */
export function demoActor(name: keyof typeof DEMO_USERS): Actor {
  const u = DEMO_USERS[name];
  return { userId: u.id, username: u.username, displayName: u.displayName, roles: [...u.roles], orgUnitId: u.orgUnitId };
}

/** Input of a freshly registered case in the demo commission (seeded org units and users). */
export function aDemoCaseInput(overrides: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  const caseId = randomUUID();
  const now = new Date().toISOString();
  return {
    caseId,
    number: `T-${caseId.slice(0, 8)}`,
    registration: {
      title: '某街道办拖延办理群众诉求',
      summary: '群众反映多次申请未获答复',
      channel: 'PUBLIC',
      intakeMethod: 'LETTER',
      subject: { name: '张三', position: '街道办主任', orgUnitId: DEMO_ORG_UNITS.districtA.id },
      anonymousReport: true,
      receivedAt: now,
      orgUnitId: DEMO_ORG_UNITS.commission.id,
    },
    registeredBy: demoActor('intake1'),
    registeredAt: now,
    policy: DEFAULT_POLICY,
    recusedUserIds: [],
    ...overrides,
  };
}
