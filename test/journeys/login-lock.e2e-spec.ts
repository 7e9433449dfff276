// 登录失败处理: a run of failed logins locks the username for a while, whatever password comes next, and says when to
// try again; other usernames, known or not, are not affected; the lock ends by itself.
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

  it('locks a username nobody has in the same way, so a lock tells nothing of who exists', async () => {
    for (let i = 0; i < 3; i++) expect((await login('nobody-here', 'wrong')).status).toBe(401);
    expect((await login('nobody-here', 'wrong')).body).toMatchObject({ statusCode: 429, reason: 'LOGIN_LOCKED' });
  });
});
