// 登录失败处理: a run of failed logins locks the username for a while, whatever password comes next, and says when to
// try again; other usernames, known or not, are not affected; the lock ends by itself. 修改密码: users change their own
// password under the complexity policy, and a wrong current password counts as a failed login. One address cannot
// stall everyone's sign-in: a per-address limit (429), and a bounded wait for password checks (503 when full).
import { DEMO_PASSWORD } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

describe('failed logins lock the username for a while', () => {
  let h: ApiHarness;
  const login = (username: string, password: string) => h.http.post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    h = await startApiHarness({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '2' } });
  });
  afterAll(() => h.close());

  it('a success ends a run of failures before it reaches the limit', async () => {
    for (let i = 0; i < 2; i++) expect((await login('officer2', 'wrong')).status).toBe(401);
    expect((await login('officer2', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('officer2', 'wrong')).status).toBe(401);
    expect((await login('officer2', DEMO_PASSWORD)).status).toBe(200);
  });

  it('locks after three failures, refuses even the right password with 429 and Retry-After, then lets it in again', async () => {
    const signedInBefore = await h.token('officer1');
    for (let i = 0; i < 3; i++) expect((await login('officer1', 'wrong')).body).toMatchObject({ statusCode: 401, reason: 'UNAUTHENTICATED' });
    const refused = await login('officer1', DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', reason: 'LOGIN_LOCKED', message: expect.stringContaining('登录失败次数过多') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(2);
    // Someone else signs in as ever, and a token issued before the lock still works.
    expect((await login('supervisor1', DEMO_PASSWORD)).status).toBe(200);
    expect((await h.http.get('/api/tasks').set('Authorization', `Bearer ${signedInBefore}`)).status).toBe(200);

    // The lock ends by itself: wait for the right password to be let in again (at most a few seconds).
    const deadline = Date.now() + 10_000;
    let status = refused.status;
    while (status === 429 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await login('officer1', DEMO_PASSWORD)).status;
    }
    expect(status).toBe(200);
  });

  it('lets at most three of twenty wrong passwords sent at once be checked: the rest are refused unchecked (429)', async () => {
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => login('supervisor2', 'wrong')))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s !== 401)).toEqual(Array(statuses.filter((s) => s !== 401).length).fill(429));
  });

  it('locks a username nobody has in the same way, so a lock tells nothing of who exists', async () => {
    for (let i = 0; i < 3; i++) expect((await login('nobody-here', 'wrong')).status).toBe(401);
    expect((await login('nobody-here', 'wrong')).body).toMatchObject({ statusCode: 429, reason: 'LOGIN_LOCKED' });
  });
});

describe('changing one’s password (修改密码)', () => {
  let h: ApiHarness;
  const login = (username: string, password: string) => h.http.post('/api/auth/login').send({ username, password });
  const change = async (username: 'officer2' | 'auditor1', body: object) =>
    h.http.post('/api/auth/password').set('Authorization', `Bearer ${await h.token(username)}`).send(body);

  beforeAll(async () => {
    h = await startApiHarness({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '600' } });
  });
  afterAll(() => h.close());

  it('refuses a weak new password or a wrong current one by field, then changes it: the old one fails, the new one signs in', async () => {
    expect((await h.http.post('/api/auth/password').send({ currentPassword: DEMO_PASSWORD, newPassword: 'Spring-2026!' })).status).toBe(401);
    const weak = await change('officer2', { currentPassword: DEMO_PASSWORD, newPassword: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.map((f: { field: string }) => f.field)).toEqual(['newPassword', 'newPassword']);
    const withName = await change('officer2', { currentPassword: DEMO_PASSWORD, newPassword: 'Officer2-is-me' });
    expect(withName.body.fields).toEqual([{ field: 'newPassword', message: 'must not contain your username' }]);
    const wrong = await change('officer2', { currentPassword: 'not-it', newPassword: 'Spring-2026!' });
    expect(wrong.body).toMatchObject({ statusCode: 400, fields: [{ field: 'currentPassword', message: 'is not your current password' }] });
    expect((await login('officer2', DEMO_PASSWORD)).status).toBe(200);

    expect((await change('officer2', { currentPassword: DEMO_PASSWORD, newPassword: 'Spring-2026!' })).status).toBe(204);
    expect((await login('officer2', DEMO_PASSWORD)).status).toBe(401);
    expect((await login('officer2', 'Spring-2026!')).status).toBe(200);
  });

  it('counts wrong current passwords as failed logins, so a stolen token cannot guess the password', async () => {
    for (let i = 0; i < 3; i++) expect((await change('auditor1', { currentPassword: `guess-${i}`, newPassword: 'Spring-2026!' })).status).toBe(400);
    const locked = await change('auditor1', { currentPassword: DEMO_PASSWORD, newPassword: 'Spring-2026!' });
    expect(locked.body).toMatchObject({ statusCode: 429, reason: 'LOGIN_LOCKED' });
    expect((await login('auditor1', DEMO_PASSWORD)).status).toBe(429);
  });
});

describe('one client cannot stall everyone’s sign-in', () => {
  let h: ApiHarness;
  // The API trusts the loopback proxy here, so each request may name its client's address as a proxy would.
  const from = (address: string) => ({
    login: (username: string, password: string) => h.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password }),
  });

  beforeAll(async () => {
    h = await startApiHarness({ env: { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60', TRUST_PROXY: 'loopback', PASSWORD_CHECK_QUEUE: '2' } });
  });
  afterAll(() => h.close());

  it('limits sign-in attempts per address, whichever usernames they name: past the limit 429 with Retry-After, other addresses unaffected', async () => {
    const busy = from('203.0.113.7');
    expect((await busy.login('officer1', DEMO_PASSWORD)).status).toBe(200);
    expect((await busy.login('officer2', 'wrong')).status).toBe(401);
    expect((await busy.login('someone-else', 'wrong')).status).toBe(401);
    const limited = await busy.login('supervisor1', DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, reason: 'SIGN_IN_RATE_LIMITED', message: expect.stringContaining('登录尝试过于频繁') });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    // A password change checks a password too, so it counts against the same address.
    const token = (await from('203.0.113.8').login('officer1', DEMO_PASSWORD)).body.accessToken;
    const change = await h.http.post('/api/auth/password').set('X-Forwarded-For', '203.0.113.7').set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Spring-2026!' });
    expect(change.body).toMatchObject({ statusCode: 429, reason: 'SIGN_IN_RATE_LIMITED' });

    expect((await from('198.51.100.20').login('supervisor1', DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers a flood of password checks from many addresses with 503 and Retry-After once the wait is full, while the checks let in finish', async () => {
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) => from(`192.0.2.${i + 1}`).login(`flood-${i}`, 'wrong')),
    );
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s !== 401 && s !== 503)).toEqual([]);
    // Two checks run and two wait at any time; the rest were answered at once rather than queued behind them.
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(4);
    const refused = flood.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].body).toMatchObject({ statusCode: 503, reason: 'SIGN_IN_BUSY', message: expect.stringContaining('登录人数过多') });
    expect(refused.every((r) => r.headers['retry-after'] === '1')).toBe(true);

    // The flood is over as soon as it is answered: the next sign-in goes straight through.
    expect((await from('198.51.100.21').login('officer2', DEMO_PASSWORD)).status).toBe(200);
  });
});
