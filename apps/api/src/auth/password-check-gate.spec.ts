import { PasswordCheckGate, PasswordChecksBusyError } from './password-check-gate';

/** A check that finishes when the test says so. */
function heldCheck() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const started = jest.fn();
  return { finish, started, check: async () => { started(); await done; return 'checked'; } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PasswordCheckGate', () => {
  it('runs two checks at once, queues up to its bound, and refuses one more at once instead of queueing it', async () => {
    const gate = new PasswordCheckGate(2, 2);
    const checks = Array.from({ length: 5 }, heldCheck);
    const results = checks.map((c) => gate.run(c.check).then((r) => r, (e: unknown) => e));
    await settle();
    expect(checks.map((c) => c.started.mock.calls.length)).toEqual([1, 1, 0, 0, 0]);
    expect(await results[4]).toBeInstanceOf(PasswordChecksBusyError);

    checks[0].finish();
    await settle();
    expect(checks[2].started).toHaveBeenCalled();
    for (const c of checks) c.finish();
    expect(await Promise.all(results.slice(0, 4))).toEqual(['checked', 'checked', 'checked', 'checked']);
  });

  it('takes checks again once the queue has room, and frees the slot of a check that failed', async () => {
    const gate = new PasswordCheckGate(1, 0);
    const first = heldCheck();
    const running = gate.run(first.check);
    await expect(gate.run(async () => 'second')).rejects.toBeInstanceOf(PasswordChecksBusyError);
    first.finish();
    await running;
    await expect(gate.run(async () => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed');
    await expect(gate.run(async () => 'third')).resolves.toBe('third');
  });
});
