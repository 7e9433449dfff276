import { DEMO_ORG_UNITS, DEMO_USERS, insertOrgUnit, insertUser } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

const STREET = { id: '00000000-0000-4000-8000-0000000002a1', code: 'DIST-A-ST1', name: '东城区某街道纪工委' };
const DISTRICT_OFFICER = { id: '00000000-0000-4000-8000-0000000002b1', username: 'districtA1', displayName: '区承办人 孙丽', roles: ['CASE_OFFICER' as const], orgUnitId: DEMO_ORG_UNITS.districtA.id };
const STREET_OFFICER = { id: '00000000-0000-4000-8000-0000000002b2', username: 'street1', displayName: '街道承办人 吴军', roles: ['CASE_OFFICER' as const], orgUnitId: STREET.id };
const WEST_OFFICER = { id: '00000000-0000-4000-8000-0000000002b3', username: 'districtB1', displayName: '西城承办人 冯雪', roles: ['CASE_OFFICER' as const], orgUnitId: DEMO_ORG_UNITS.districtB.id };
const RETIRED = { id: '00000000-0000-4000-8000-0000000002b4', username: 'retired1', displayName: '已停用 何平', roles: ['CASE_OFFICER' as const], orgUnitId: DEMO_ORG_UNITS.districtA.id };

describe('the directory: org units and users of the caller’s subtree, for pickers', () => {
  let h: ApiHarness;
  const tokenOf = async (username: string) =>
    (await h.http.post('/api/auth/login').send({ username, password: 'dandang-demo' }).expect(200)).body.accessToken as string;
  const get = async (username: string, path: string) => h.http.get(path).set('Authorization', `Bearer ${await tokenOf(username)}`);

  beforeAll(async () => {
    h = await startApiHarness();
    await insertOrgUnit(h.workers.dataSource, STREET, DEMO_ORG_UNITS.districtA.id);
    for (const user of [DISTRICT_OFFICER, STREET_OFFICER, WEST_OFFICER, RETIRED]) await insertUser(h.workers.dataSource, user, 'dandang-demo');
    await h.workers.dataSource.query('UPDATE users SET active = false WHERE id = $1', [RETIRED.id]);
  });
  afterAll(() => h.close());

  it('a district user sees only their unit and the units below it, ordered by path', async () => {
    const res = await get('districtA1', '/api/org-units');
    expect(res.status).toBe(200);
    expect(res.body.map((u: { id: string }) => u.id)).toEqual([DEMO_ORG_UNITS.districtA.id, STREET.id]);
    expect(res.body[1]).toEqual({ id: STREET.id, code: STREET.code, name: STREET.name, parentId: DEMO_ORG_UNITS.districtA.id, path: `/${DEMO_ORG_UNITS.commission.id}/${DEMO_ORG_UNITS.districtA.id}/${STREET.id}/` });

    const city = (await get('intake1', '/api/org-units')).body.map((u: { id: string }) => u.id);
    expect(city[0]).toBe(DEMO_ORG_UNITS.commission.id);
    expect(city).toEqual(expect.arrayContaining([DEMO_ORG_UNITS.districtA.id, DEMO_ORG_UNITS.districtB.id, STREET.id]));
  });

  it('a district user sees the active users of their subtree only, never a password hash', async () => {
    const res = await get('districtA1', '/api/users');
    expect(res.status).toBe(200);
    const names = res.body.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['districtA1', 'street1', 'subject1']);
    expect(res.body.find((u: { username: string }) => u.username === 'street1')).toEqual({
      id: STREET_OFFICER.id, username: 'street1', displayName: STREET_OFFICER.displayName, roles: ['CASE_OFFICER'], orgUnitId: STREET.id,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);

    const city = (await get('intake1', '/api/users')).body.map((u: { username: string }) => u.username);
    expect(city).toEqual(expect.arrayContaining(['officer1', 'districtA1', 'street1', 'districtB1']));
    expect(city).not.toContain('retired1');
  });

  it('the role filter narrows to holders of that role', async () => {
    const officers = (await get('intake1', '/api/users?role=CASE_OFFICER')).body as { username: string; roles: string[] }[];
    expect(officers.every((u) => u.roles.includes('CASE_OFFICER'))).toBe(true);
    expect(officers.map((u) => u.username)).toEqual(expect.arrayContaining(['officer1', 'officer2', 'districtA1']));
    expect(officers.map((u) => u.username)).not.toContain('supervisor1');

    const subjects = (await get('intake1', '/api/users?role=SUBJECT')).body;
    expect(subjects).toEqual([expect.objectContaining({ id: DEMO_USERS.subject1.id, roles: ['SUBJECT'] })]);
    expect((await get('districtA1', '/api/users?role=SUPERVISOR')).body).toEqual([]);
  });

  it('400 naming `role` for an unknown role', async () => {
    const res = await get('intake1', '/api/users?role=WIZARD');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ reason: 'INVALID_INPUT', fields: [expect.objectContaining({ field: 'role' })] });
  });

  it('401 without a token, 403 for the official concerned', async () => {
    expect((await h.http.get('/api/users')).status).toBe(401);
    expect((await h.http.get('/api/org-units')).status).toBe(401);
    expect((await get('subject1', '/api/users')).status).toBe(403);
    expect((await get('subject1', '/api/org-units')).status).toBe(403);
  });
});
