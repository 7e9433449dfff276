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

  it('tells a retry that the first request is still running, then replays its status and resource', async () => {
    const key = randomUUID();
    expect(await claim(key)).toEqual({ kind: 'claimed' });
    expect(await claim(key)).toEqual({ kind: 'in-progress' });
    await keys.complete(user, key, 200, 'c1');
    expect(await claim(key)).toEqual({ kind: 'replay', statusCode: 200, resourceId: 'c1' });
  });

  it('keeps no answer body: the table has no column for one', async () => {
    const columns = await db.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'idempotency_keys'`);
    expect(columns.map((c: { column_name: string }) => c.column_name).sort()).toEqual(
      ['created_at', 'key', 'method', 'path', 'request_hash', 'resource_id', 'status_code', 'user_id'],
    );
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
    await keys.complete(user, key, 201, 'c1');
    await db.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '1 day' WHERE user_id = $1 AND key = $2`, [user, key]);
    expect(await claim(key)).toEqual({ kind: 'replay', statusCode: 201, resourceId: 'c1' });
  });
});
