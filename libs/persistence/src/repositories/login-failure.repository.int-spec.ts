import { useTestDataSource } from '@dandang/testing';
import { LoginFailureRepository } from './login-failure.repository';

describe('LoginFailureRepository: attempts counted as they begin, runs of failures and the locks they bring', () => {
  const db = useTestDataSource(2);
  const policy = { maxFailures: 3, lockSeconds: 600 };
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 9, 0) + minutes * 60_000);
  let failures: LoginFailureRepository;
  beforeAll(() => {
    failures = new LoginFailureRepository(db.dataSource);
  });

  /** One attempt that fails: begun (refused when locked), then recorded; the lock it meets or brings. */
  async function failedAttempt(username: string, minute: number): Promise<Date | undefined> {
    return (await failures.beginAttempt(username, at(minute), policy)) ?? (await failures.recordFailure(username, at(minute), policy));
  }

  it('locks after the run reaches the limit, for lockSeconds from the last failure, and refuses attempts meanwhile', async () => {
    expect(await failedAttempt('alice', 0)).toBeUndefined();
    expect(await failedAttempt('alice', 1)).toBeUndefined();
    expect(await failures.lockedUntil('alice', at(2))).toBeUndefined();
    expect(await failedAttempt('alice', 2)).toEqual(at(12));
    expect(await failures.beginAttempt('alice', at(11), policy)).toEqual(at(12));
    expect(await failures.lockedUntil('alice', at(11))).toEqual(at(12));
    expect(await failures.lockedUntil('alice', at(12))).toBeUndefined();
    expect(await failures.lockedUntil('bob', at(11))).toBeUndefined();
  });

  it('starts a new run after the lock has ended, after lockSeconds without a failure, and after a success', async () => {
    // alice's lock ended at 12: her next failure is the first of a new run.
    expect(await failedAttempt('alice', 13)).toBeUndefined();
    expect(await failedAttempt('alice', 14)).toBeUndefined();
    // Ten minutes without a failure: the run starts again.
    expect(await failedAttempt('alice', 24)).toBeUndefined();
    expect(await failedAttempt('alice', 25)).toBeUndefined();
    // A success: begun, then the run cleared.
    expect(await failures.beginAttempt('alice', at(26), policy)).toBeUndefined();
    await failures.clear('alice');
    expect(await failedAttempt('alice', 27)).toBeUndefined();
    expect(await failedAttempt('alice', 28)).toBeUndefined();
    expect(await failedAttempt('alice', 29)).toEqual(at(39));
  });

  it('lets at most the limit of attempts sent at once through to a password check, and refuses the rest', async () => {
    const refusals = await Promise.all(Array.from({ length: 8 }, () => failures.beginAttempt('carol', at(0), policy)));
    expect(refusals.filter((r) => r === undefined)).toHaveLength(3);
    expect(refusals.filter(Boolean)).toEqual(Array(5).fill(at(10)));
  });
});
