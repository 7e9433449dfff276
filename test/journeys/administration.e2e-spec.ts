// Administration in the product (issue 17, §1): an administrator creates units and accounts; a new officer signs in
// with a one-time password, must change it, then works; deactivation ends their sessions; the unit tree's rules;
// roles that may not go together (三员分立); only administrators; every change in the security-event log with why.
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { aClue } from '../support/clue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

describe('administration: units and accounts in the product', () => {
  let h: ApiHarness;
  let admin: string;
  const as = (token: string) => ({
    get: (path: string) => h.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => h.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const signIn = (username: string, password: string) => h.http.post('/api/auth/login').send({ username, password });
  const fields = (res: { body: { fields?: { field: string }[] } }) => (res.body.fields ?? []).map((f) => f.field);
  const newUnit = async (code: string, parentId: string | null = DEMO_ORG_UNITS.commission.id) =>
    (await as(admin).post('/api/admin/org-units', { code, name: `${code} 单位`, parentId, reason: '机构设置' }).expect(201)).body;
  const newUser = async (username: string, orgUnitId: string, roles = ['INTAKE_OFFICER']) =>
    (await as(admin).post('/api/admin/users', { username, displayName: `用户 ${username}`, roles, orgUnitId, reason: '新入职' }).expect(201)).body;
  /** Signs in with the one-time password and changes it: a token that works. */
  const firstSignIn = async (username: string, oneTimePassword: string) => {
    const token = (await signIn(username, oneTimePassword).expect(200)).body.accessToken;
    await as(token).post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Worked-2026!' }).expect(204);
    return token;
  };

  beforeAll(async () => {
    h = await startApiHarness();
    admin = await h.token('admin1');
  });
  afterAll(() => h.close());

  it('a new officer signs in with the one-time password, must change it, then registers a clue', async () => {
    const unit = await newUnit('DIST-N');
    expect(unit).toMatchObject({ code: 'DIST-N', parentId: DEMO_ORG_UNITS.commission.id, retiredAt: null, path: `/${DEMO_ORG_UNITS.commission.id}/${unit.id}/` });
    const created = await newUser('zhao.lei', unit.id);
    expect(created.user).toMatchObject({ username: 'zhao.lei', roles: ['INTAKE_OFFICER'], orgUnitId: unit.id, active: true, mustChangePassword: true });
    expect(created.oneTimePassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    // Shown once: no answer about the account carries it again.
    expect(JSON.stringify((await as(admin).get(`/api/admin/users/${created.user.id}`).expect(200)).body)).not.toContain(created.oneTimePassword);

    const login = await signIn('zhao.lei', created.oneTimePassword).expect(200);
    expect(login.body.user).toMatchObject({ username: 'zhao.lei', mustChangePassword: true });
    const officer = as(login.body.accessToken);
    const refused = await officer.get('/api/tasks');
    expect(refused.body).toMatchObject({ statusCode: 403, reason: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('POST /api/auth/password') });
    expect((await officer.post('/api/cases', aClue())).body.reason).toBe('PASSWORD_CHANGE_REQUIRED');

    const same = await officer.post('/api/auth/password', { currentPassword: created.oneTimePassword, newPassword: created.oneTimePassword });
    expect(fields(same)).toEqual(['newPassword']);
    await officer.post('/api/auth/password', { currentPassword: created.oneTimePassword, newPassword: 'Zhao-Lei-2026!' }).expect(204);
    expect((await officer.get('/api/tasks')).status).toBe(200);
    const registered = await officer.post('/api/cases', aClue({ title: '新单位登记的线索' })).expect(201);
    expect(registered.body).toMatchObject({ orgUnitId: unit.id });
    expect((await signIn('zhao.lei', created.oneTimePassword)).status).toBe(401); // one time only
    expect((await signIn('zhao.lei', 'Zhao-Lei-2026!')).body.user.mustChangePassword).toBe(false);
  });

  it('deactivation ends the sessions at once and refuses sign-in; reactivation lets them back; a reset issues a new one-time password', async () => {
    const created = await newUser('qian.li', DEMO_ORG_UNITS.commission.id, ['CASE_OFFICER']);
    const token = await firstSignIn('qian.li', created.oneTimePassword);
    expect((await as(token).get('/api/tasks')).status).toBe(200);

    const deactivated = await as(admin).post(`/api/admin/users/${created.user.id}/deactivate`, { reason: '调离 (transferred out)' }).expect(200);
    expect(deactivated.body).toMatchObject({ active: false });
    expect((await as(token).get('/api/tasks')).status).toBe(401);
    expect((await signIn('qian.li', 'Worked-2026!')).status).toBe(401);
    expect((await as(admin).get(`/api/admin/users?active=false&q=qian`).expect(200)).body).toMatchObject({ total: 1, items: [{ username: 'qian.li' }] });

    await as(admin).post(`/api/admin/users/${created.user.id}/reactivate`, { reason: '返岗' }).expect(200);
    const again = (await signIn('qian.li', 'Worked-2026!').expect(200)).body.accessToken;
    const reset = await as(admin).post(`/api/admin/users/${created.user.id}/reset-password`, { reason: '忘记密码' }).expect(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    expect((await as(again).get('/api/tasks')).status).toBe(401); // a reset ends the sessions too
    expect((await signIn('qian.li', 'Worked-2026!')).status).toBe(401);
    expect((await signIn('qian.li', reset.body.oneTimePassword).expect(200)).body.user.mustChangePassword).toBe(true);
    // An administrator's own account is not theirs to deactivate here.
    expect(fields(await as(admin).post(`/api/admin/users/${DEMO_USERS.admin1.id}/deactivate`, { reason: '试' }))).toEqual(['id']);
  });

  it('moves a unit with its subtree and its cases, never under its own descendant; retires only an empty unit, which keeps its history', async () => {
    const branch = await newUnit('BRANCH');
    const office = await newUnit('OFFICE', branch.id);
    const created = await newUser('sun.bo', office.id);
    const officer = as(await firstSignIn('sun.bo', created.oneTimePassword));
    const registered = (await officer.post('/api/cases', aClue({ title: '分支单位的线索' })).expect(201)).body;

    const loop = await as(admin).post(`/api/admin/org-units/${branch.id}/move`, { parentId: office.id, reason: '调整' });
    expect(loop.body).toMatchObject({ statusCode: 400 });
    expect(fields(loop)).toEqual(['parentId']);

    const moved = await as(admin).post(`/api/admin/org-units/${branch.id}/move`, { parentId: DEMO_ORG_UNITS.districtB.id, reason: '划归西城区' }).expect(200);
    const branchPath = `/${DEMO_ORG_UNITS.commission.id}/${DEMO_ORG_UNITS.districtB.id}/${branch.id}/`;
    expect(moved.body).toMatchObject({ parentId: DEMO_ORG_UNITS.districtB.id, path: branchPath });
    const units = (await as(admin).get('/api/admin/org-units').expect(200)).body as { id: string; path: string }[];
    expect(units.find((u) => u.id === office.id)!.path).toBe(`${branchPath}${office.id}/`);
    const [row] = await h.workers.dataSource.query('SELECT org_path FROM cases WHERE id = $1', [registered.id]);
    expect(row.org_path).toBe(`${branchPath}${office.id}/`);
    expect((await officer.get(`/api/cases/${registered.id}`)).status).toBe(200);

    // Not while someone works there or a unit under it is in service.
    const busy = await as(admin).post(`/api/admin/org-units/${branch.id}/retire`, { reason: '撤并' });
    expect(busy.body).toMatchObject({ statusCode: 409, reason: 'UNIT_IN_USE' });
    await as(admin).post(`/api/admin/users/${created.user.id}/deactivate`, { reason: '撤并' }).expect(200);
    expect((await as(admin).post(`/api/admin/org-units/${office.id}/retire`, { reason: '撤并' }).expect(200)).body.retiredAt).toEqual(expect.any(String));

    // Retired: no new units, users or cases; its case stays where it was, seen as before.
    expect(fields(await as(admin).post('/api/admin/org-units', { code: 'UNDER-OLD', name: '下属', parentId: office.id, reason: 'x' }))).toEqual(['parentId']);
    expect(fields(await as(admin).post('/api/admin/users', { username: 'late.user', displayName: '迟到', roles: ['CASE_OFFICER'], orgUnitId: office.id, reason: 'x' }))).toEqual(['orgUnitId']);
    expect(fields(await as(admin).post(`/api/admin/users/${created.user.id}/reactivate`, { reason: 'x' }))).toEqual(['orgUnitId']);
    expect(fields(await as(await h.token('intake1')).post('/api/cases', aClue({ orgUnitId: office.id })))).toEqual(['orgUnitId']);
    expect((await as(await h.token('supervisor1')).get(`/api/cases/${registered.id}`)).status).toBe(200);
    expect(fields(await as(admin).post(`/api/admin/org-units/${office.id}/move`, { parentId: DEMO_ORG_UNITS.districtA.id, reason: 'x' }))).toEqual(['parentId']);
  });

  it('refuses roles that may not go together, naming the field', async () => {
    const both = await as(admin).post('/api/admin/users', { username: 'zhou.yi', displayName: '周一', roles: ['ADMIN', 'CASE_OFFICER'], orgUnitId: DEMO_ORG_UNITS.commission.id, reason: 'x' });
    expect(both.body).toMatchObject({ statusCode: 400, fields: [{ field: 'roles', message: expect.stringContaining('三员分立') }] });
    const auditor = await as(admin).post(`/api/admin/users/${DEMO_USERS.auditor1.id}/roles`, { roles: ['AUDITOR', 'SUPERVISOR'], reason: 'x' });
    expect(auditor.body).toMatchObject({ statusCode: 400, fields: [{ field: 'roles', message: expect.stringContaining('AUDITOR') }] });
    const invalid = await as(admin).post('/api/admin/users', { username: 'bad name', displayName: '', roles: [], orgUnitId: DEMO_ORG_UNITS.commission.id, reason: '' });
    expect(new Set(fields(invalid))).toEqual(new Set(['username', 'displayName', 'roles', 'reason']));
    const taken = await as(admin).post('/api/admin/users', { username: 'officer1', displayName: '重名', roles: ['CASE_OFFICER'], orgUnitId: DEMO_ORG_UNITS.commission.id, reason: 'x' });
    expect(fields(taken)).toEqual(['username']);
    const changed = await as(admin).post(`/api/admin/users/${DEMO_USERS.officer2.id}/roles`, { roles: ['CASE_OFFICER', 'SUPERVISOR'], reason: '兼任审批' }).expect(200);
    expect(changed.body.roles).toEqual(['CASE_OFFICER', 'SUPERVISOR']);
    await as(admin).post(`/api/admin/users/${DEMO_USERS.officer2.id}/unit`, { orgUnitId: DEMO_ORG_UNITS.districtA.id, reason: '交流任职' }).expect(200);
  });

  it('is for administrators only', async () => {
    for (const user of ['officer1', 'supervisor1', 'auditor1'] as const) {
      const token = await h.token(user);
      expect((await as(token).get('/api/admin/users')).status).toBe(403);
      expect((await as(token).get('/api/admin/org-units')).status).toBe(403);
      expect((await as(token).post('/api/admin/org-units', { code: 'X', name: 'x', parentId: null, reason: 'x' })).status).toBe(403);
      expect((await as(token).post(`/api/admin/users/${DEMO_USERS.officer1.id}/deactivate`, { reason: 'x' })).status).toBe(403);
      expect((await as(token).post('/api/admin/import')).status).toBe(403);
    }
  });

  it('records every change in the security-event log with who and why', async () => {
    const auditor = as(await h.token('auditor1'));
    const kinds = ['ORG_UNIT_CREATED', 'ORG_UNIT_MOVED', 'ORG_UNIT_RETIRED', 'USER_CREATED', 'USER_ROLES_CHANGED', 'USER_UNIT_CHANGED', 'USER_DEACTIVATED', 'USER_REACTIVATED', 'USER_PASSWORD_RESET'];
    const page = (await auditor.get(`/api/audit/security-events?kind=${kinds.join(',')}&pageSize=200`).expect(200)).body;
    expect(new Set(page.items.map((e: { kind: string }) => e.kind))).toEqual(new Set(kinds));
    for (const event of page.items) expect(event).toMatchObject({ actorId: DEMO_USERS.admin1.id, actorName: 'admin1', reason: expect.stringMatching(/\S/), subject: expect.any(String) });
    type Event = { kind: string; details: { username?: string } };
    expect(page.items.find((e: Event) => e.kind === 'USER_DEACTIVATED' && e.details.username === 'qian.li')).toMatchObject({ reason: '调离 (transferred out)', details: { username: 'qian.li', sessionsEnded: 1 } });
    expect(page.items.find((e: { kind: string }) => e.kind === 'ORG_UNIT_MOVED')).toMatchObject({ reason: '划归西城区', details: { units: 2, cases: 1 } });
    expect(JSON.stringify(page.items)).not.toMatch(/[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}"/);
    expect((await auditor.get('/api/audit/security-events/verify').expect(200)).body.valid).toBe(true);
  });
});
