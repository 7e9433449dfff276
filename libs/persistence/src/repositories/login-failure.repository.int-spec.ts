import { useTestDataSource } from '@dandang/testing';
import { LoginFailureRepository } from './login-failure.repository';

describe('LoginFailureRepository: runs of failed logins and the locks they bring', () => {
  const db = useTestDataSource(2);
  const policy = { maxFailures: 3, lockSeconds: 600 };
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 9, 0) + minutes * 60_000);
  let failures: LoginFailureRepository;
  beforeAll(() => {
    failures = new LoginFailureRepository(db.dataSource);
  });

  it('locks after the run reaches the limit, for lockSeconds from the last failure', async () => {
    expect(await failures.recordFailure('alice', at(0), policy)).toBeUndefined();
    expect(await failures.recordFailure('alice', at(1), policy)).toBeUndefined();
    expect(await failures.lockedUntil('alice', at(2))).toBeUndefined();
    expect(await failures.recordFailure('alice', at(2), policy)).toEqual(at(12));
    expect(await failures.lockedUntil('alice', at(11))).toEqual(at(12));
    expect(await failures.lockedUntil('alice', at(12))).toBeUndefined();
    expect(await failures.lockedUntil('bob', at(11))).toBeUndefined();
  });

  it('starts a new run after the lock has ended, after lockSeconds without a failure, and after a success', async () => {
    // alice's lock ended at 12: her next failure is the first of a new run.
    expect(await failures.recordFailure('alice', at(13), policy)).toBeUndefined();
    expect(await failures.recordFailure('alice', at(14), policy)).toBeUndefined();
    // Ten minutes without a failure: the run starts again.
    expect(await failures.recordFailure('alice', at(24), policy)).toBeUndefined();
    expect(await failures.recordFailure('alice', at(25), policy)).toBeUndefined();
    await failures.clear('alice');
    expect(await failures.recordFailure('alice', at(26), policy)).toBeUndefined();
    expect(await failures.recordFailure('alice', at(27), policy)).toBeUndefined();
    expect(await failures.recordFailure('alice', at(28), policy)).toEqual(at(38));
  });

  it('counts failures that arrive at once, every one of them', async () => {
    const locks = await Promise.all(Array.from({ length: 5 }, () => failures.recordFailure('carol', at(0), policy)));
    expect(locks.filter(Boolean)).toHaveLength(3);
    const [row] = await db.dataSource.query(`SELECT failures FROM login_failures WHERE username = 'carol'`);
    expect(row.failures).toBe(5);
  });
});
