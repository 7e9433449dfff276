import type { PinnedPolicy, Role } from '@dandang/contracts';
import { DEFAULT_POLICY } from '@dandang/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../password-hash';

/** Demo password of every seeded user (README); only the embedded default seeds them. */
export const DEMO_PASSWORD = 'dandang-demo';

export const DEMO_ORG_UNITS = {
  commission: { id: '00000000-0000-4000-8000-000000000001', code: 'CITY', name: '市纪委监委 (City Discipline Commission)' },
  districtA: { id: '00000000-0000-4000-8000-000000000002', code: 'DIST-A', name: '东城区纪委监委 (Dongcheng District Commission)' },
  districtB: { id: '00000000-0000-4000-8000-000000000003', code: 'DIST-B', name: '西城区纪委监委 (Xicheng District Commission)' },
} as const;

type DemoUser = { id: string; username: string; displayName: string; roles: Role[]; orgUnitId: string };
const city = DEMO_ORG_UNITS.commission.id;

export const DEMO_USERS = {
  intake1: { id: '00000000-0000-4000-8000-000000000101', username: 'intake1', displayName: '受理员 王芳', roles: ['INTAKE_OFFICER'], orgUnitId: city },
  officer1: { id: '00000000-0000-4000-8000-000000000102', username: 'officer1', displayName: '承办人 李强', roles: ['CASE_OFFICER'], orgUnitId: city },
  officer2: { id: '00000000-0000-4000-8000-000000000103', username: 'officer2', displayName: '承办人 赵敏', roles: ['CASE_OFFICER'], orgUnitId: city },
  /** A third officer, for an inquiry team when officer2 is recused. */
  officer3: { id: '00000000-0000-4000-8000-000000000112', username: 'officer3', displayName: '承办人 孙伟', roles: ['CASE_OFFICER'], orgUnitId: city },
  supervisor1: { id: '00000000-0000-4000-8000-000000000104', username: 'supervisor1', displayName: '审批领导 陈刚', roles: ['SUPERVISOR'], orgUnitId: city },
  supervisor2: { id: '00000000-0000-4000-8000-000000000105', username: 'supervisor2', displayName: '审批领导 刘洋', roles: ['SUPERVISOR'], orgUnitId: city },
  auditor1: { id: '00000000-0000-4000-8000-000000000106', username: 'auditor1', displayName: '审计员 周婷', roles: ['AUDITOR'], orgUnitId: city },
  admin1: { id: '00000000-0000-4000-8000-000000000107', username: 'admin1', displayName: '管理员 孙磊', roles: ['ADMIN'], orgUnitId: city },
  supervisor3: { id: '00000000-0000-4000-8000-000000000108', username: 'supervisor3', displayName: '审批领导 郑华', roles: ['SUPERVISOR'], orgUnitId: city },
  /** 保密责任人: the custodian the demo policy names, who approves or refuses requests to see a reporter. */
  custodian1: { id: '00000000-0000-4000-8000-000000000110', username: 'custodian1', displayName: '保密责任人 吴静', roles: ['SUPERVISOR'], orgUnitId: city },
  /** 案件审理室: reviews the file of a discipline case (审理) apart from its investigators. */
  reviewer1: { id: '00000000-0000-4000-8000-000000000111', username: 'reviewer1', displayName: '审理人员 钱明', roles: ['TRIAL_OFFICER'], orgUnitId: city },
  /** The official concerned in a case (linked as its subject's user account): sees only their own cases. */
  subject1: { id: '00000000-0000-4000-8000-000000000109', username: 'subject1', displayName: '张三（被反映人）', roles: ['SUBJECT'], orgUnitId: DEMO_ORG_UNITS.districtA.id },
} as const satisfies Record<string, DemoUser>;

/** Inserts an org unit under `parentId` (or as a root), computing its path. */
export async function insertOrgUnit(
  dataSource: DataSource,
  unit: { id: string; code: string; name: string },
  parentId: string | null,
): Promise<void> {
  const parentPath = parentId
    ? ((await dataSource.query('SELECT path FROM org_units WHERE id = $1', [parentId]))[0]?.path as string | undefined)
    : '/';
  if (parentPath === undefined) throw new Error(`parent org unit ${parentId} not found`);
  await dataSource.query(
    'INSERT INTO org_units (id, code, name, parent_id, path) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
    [unit.id, unit.code, unit.name, parentId, `${parentPath}${unit.id}/`],
  );
}

export async function insertUser(dataSource: DataSource, user: DemoUser, password: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO users (id, username, display_name, password_hash, roles, org_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
    [user.id, user.username, user.displayName, await hashPassword(password), user.roles, user.orgUnitId],
  );
}

/**
 * The demo's policy: the default, naming the demo custodian (保密责任人) of reporter identities, whose approval lets
 * an intake officer see a reporter for a day. Published just after the default, so any later publication wins.
 */
export const DEMO_POLICY: PinnedPolicy = {
  ...DEFAULT_POLICY,
  version: `${DEFAULT_POLICY.version}-demo`,
  reporterIdentity: { custodianUserIds: [DEMO_USERS.custodian1.id], custodianRoles: [], revealSeconds: 24 * 3600 },
};

/** Seeds the demo org units, users and policy; running it again changes nothing. */
export async function seedDemoData(dataSource: DataSource): Promise<void> {
  await insertOrgUnit(dataSource, DEMO_ORG_UNITS.commission, null);
  await insertOrgUnit(dataSource, DEMO_ORG_UNITS.districtA, DEMO_ORG_UNITS.commission.id);
  await insertOrgUnit(dataSource, DEMO_ORG_UNITS.districtB, DEMO_ORG_UNITS.commission.id);
  for (const user of Object.values(DEMO_USERS)) await insertUser(dataSource, user, DEMO_PASSWORD);
  await dataSource.query(
    `INSERT INTO policies (version, data, published_at) VALUES ($1, $2, '2026-01-01T00:00:01Z') ON CONFLICT (version) DO NOTHING`,
    [DEMO_POLICY.version, JSON.stringify(DEMO_POLICY)],
  );
}
