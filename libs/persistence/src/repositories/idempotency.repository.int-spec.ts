import { randomUUID } from 'node:crypto';
import { useTestDataSource } from '@dandang/testing';
import { DEMO_USERS } from '../seed/demo-data';
import { ABANDONED_CLAIM_MS, IdempotencyRepository } from './idempotency.repository';

describe('IdempotencyRepository against PostgreSQL', () => {
  const db = useTestDataSource(2);
  let keys: IdempotencyRepository;
  const user = DEMO_USERS.officer1.id;
  const claim = (key: string) => keys.claim(user, key, 'POST', '/api/cases/x/actions/approve', 'a'.repeat(64));

  beforeAll(async () => {
    keys = new IdempotencyRepository(db.dataSource);
  });

  it('tells a retry that the first request is still running, then replays its answer', async () => {
    const key = randomUUID();
    expect(await claim(key)).toEqual({ kind: 'claimed' });
    expect(await claim(key)).toEqual({ kind: 'in-progress' });
    await keys.complete(user, key, 200, { version: 2 });
    expect(await claim(key)).toEqual({ kind: 'replay', statusCode: 200, response: { version: 2 } });
  });

  it('lets a retry take over a claim nobody answered or released (PostgreSQL went down under the first request)', async () => {
    const key = randomUUID();
    expect(await claim(key)).toEqual({ kind: 'claimed' });
    // The first request's release failed; the claim has aged past the limit.
    await db.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(secs => $3) WHERE user_id = $1 AND key = $2`, [
      user,
      key,
      ABANDONED_CLAIM_MS / 1000 + 1,
    ]);
    expect(await claim(key)).toEqual({ kind: 'claimed' });
    // The new claim is fresh: a third request waits for it.
    expect(await claim(key)).toEqual({ kind: 'in-progress' });
  });

  it('never takes over an answered claim, however old', async () => {
    const key = randomUUID();
    await claim(key);
    await keys.complete(user, key, 201, { id: 'c1' });
    await db.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '1 day' WHERE user_id = $1 AND key = $2`, [user, key]);
    expect(await claim(key)).toEqual({ kind: 'replay', statusCode: 201, response: { id: 'c1' } });
  });
});
