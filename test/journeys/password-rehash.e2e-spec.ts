import { hash } from 'argon2';
import { DEMO_PASSWORD, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

/** Hashes made with argon2's 64 MiB defaults are replaced by the lighter parameters at the next good login. */
describe('password hash upgrade at login', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  const storedHash = async (id: string): Promise<string> =>
    (await h.workers.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [id]))[0].password_hash;

  it('logs in with an old hash, and stores a new one only when the password was right', async () => {
    const user = DEMO_USERS.officer2;
    const old = await hash(DEMO_PASSWORD);
    await h.workers.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, old]);

    const refused = await h.http.post('/api/auth/login').send({ username: user.username, password: 'not the password' });
    expect(refused.status).toBe(401);
    expect(await storedHash(user.id)).toBe(old);

    const accepted = await h.http.post('/api/auth/login').send({ username: user.username, password: DEMO_PASSWORD });
    expect(accepted.status).toBe(200);
    const upgraded = await storedHash(user.id);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);

    // The new hash works, and is not rewritten again.
    expect((await h.http.post('/api/auth/login').send({ username: user.username, password: DEMO_PASSWORD })).status).toBe(200);
    expect(await storedHash(user.id)).toBe(upgraded);
  });

  it('answers an unknown user as a wrong password', async () => {
    const res = await h.http.post('/api/auth/login').send({ username: 'nobody-here', password: DEMO_PASSWORD });
    expect(res.status).toBe(401);
  });
});
