// Tokens can be revoked (issue 16, §7): signing out, a password change and an administrator's action end the sessions
// tokens stand for, and a session left unused for thirty minutes is refused by the server itself, whatever the
// token's own expiry says.
import { DEMO_PASSWORD, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

describe('sessions end on the server: sign-out, password change, revocation, idle time', () => {
  let h: ApiHarness;
  const signIn = async (username: string, password = DEMO_PASSWORD): Promise<string> =>
    (await h.http.post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken;
  const tasks = (token: string) => h.http.get('/api/tasks').set('Authorization', `Bearer ${token}`);
  const sql = (text: string, params: unknown[] = []) => h.workers.dataSource.query(text, params);
  /** The session a token stands for, by the token's id (jti). */
  const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti as string;

  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  it('signing out refuses that token from then on, and only that one', async () => {
    const [token, elsewhere] = [await signIn('officer1'), await signIn('officer1')];
    expect((await tasks(token)).status).toBe(200);
    expect((await h.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    const refused = await tasks(token);
    expect(refused.body).toMatchObject({ statusCode: 401, reason: 'UNAUTHENTICATED', message: expect.stringContaining('登录已退出或被注销') });
    expect((await h.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await tasks(elsewhere)).status).toBe(200);
  });

  it('a password change signs out every other session of the user; the one that changed it goes on', async () => {
    const [older, changing] = [await signIn('officer2'), await signIn('officer2')];
    const changed = await h.http.post('/api/auth/password').set('Authorization', `Bearer ${changing}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Spring-2026!' });
    expect(changed.status).toBe(204);
    expect((await tasks(older)).status).toBe(401);
    expect((await tasks(changing)).status).toBe(200);
    expect((await tasks(await signIn('officer2', 'Spring-2026!'))).status).toBe(200);
  });

  it('an administrator revokes every session of a user, with a reason; nobody else may', async () => {
    const [first, second] = [await signIn('supervisor1'), await signIn('supervisor1')];
    const admin = await signIn('admin1');
    const revoke = (token: string, userId: string, body: object) =>
      h.http.post(`/api/admin/users/${userId}/revoke-sessions`).set('Authorization', `Bearer ${token}`).send(body);

    expect((await revoke(await signIn('officer1'), DEMO_USERS.supervisor1.id, { reason: '设备遗失' })).status).toBe(403);
    const noReason = await revoke(admin, DEMO_USERS.supervisor1.id, {});
    expect(noReason.body).toMatchObject({ statusCode: 400 });
    expect(new Set(noReason.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set(['reason']));
    expect((await revoke(admin, '00000000-0000-4000-8000-00000000dead', { reason: '设备遗失' })).status).toBe(404);
    expect((await tasks(first)).status).toBe(200);

    expect((await revoke(admin, DEMO_USERS.supervisor1.id, { reason: '设备遗失 (device lost)' })).status).toBe(204);
    expect((await tasks(first)).status).toBe(401);
    expect((await tasks(second)).status).toBe(401);
    expect((await tasks(admin)).status).toBe(200);
    // The user signs in again as ever.
    expect((await tasks(await signIn('supervisor1'))).status).toBe(200);
  });

  it('refuses a token whose session went unused for thirty minutes, and keeps one in use alive', async () => {
    const [idle, busy] = [await signIn('intake1'), await signIn('intake1')];
    // Time is moved, not waited for: the sessions were last used 31 and 29 minutes ago.
    await sql(`UPDATE auth_sessions SET last_seen_at = now() - interval '31 minutes' WHERE jti = $1`, [sessionOf(idle)]);
    await sql(`UPDATE auth_sessions SET last_seen_at = now() - interval '29 minutes' WHERE jti = $1`, [sessionOf(busy)]);

    const refused = await tasks(idle);
    expect(refused.body).toMatchObject({ statusCode: 401, message: expect.stringContaining('长时间未操作') });
    expect(refused.body.message).toContain('30 minutes');
    expect((await tasks(busy)).status).toBe(200);
    // That use counts as the session's last: it stays alive for another thirty minutes.
    const [row] = await sql(`SELECT now() - last_seen_at < interval '1 minute' AS fresh FROM auth_sessions WHERE jti = $1`, [sessionOf(busy)]);
    expect(row.fresh).toBe(true);
  });

  it('refuses a token of a session it never recorded, such as one signed before sessions were kept', async () => {
    const token = await signIn('auditor1');
    await sql('DELETE FROM auth_sessions WHERE jti = $1', [sessionOf(token)]);
    expect((await tasks(token)).status).toBe(401);
  });
});
