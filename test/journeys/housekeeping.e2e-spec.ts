import { randomUUID } from 'node:crypto';
import { startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';
import { housekeepingScheduleId, ensureHousekeepingSchedule } from '@dandang/worker-runtime';
import { parseMasterKeys } from '@dandang/sealing';
import { testServices } from '@dandang/testing';
import { Connection } from '@temporalio/client';

const RETENTION = { idempotencyKeyDays: 7, loginFailureDays: 7, sessionDays: 30, readNotificationDays: 90 };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** The housekeeping schedule's run (issue 17 §3): old operational rows go, recent ones stay. */
describe('housekeeping', () => {
  let h: CaseWorkerHarness;
  beforeAll(async () => {
    h = await startCaseWorkerHarness();
  });
  afterAll(() => h.close());

  it('purges expired idempotency keys, ended locks, old sessions and old read notifications, and keeps the rest', async () => {
    const [user] = await h.dataSource.query(`SELECT id FROM users ORDER BY username LIMIT 1`);
    const q = (sql: string, params: unknown[]) => h.dataSource.query(sql, params);
    const key = (age: number) =>
      q(`INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status_code, created_at) VALUES ($1, $2, 'POST', '/api/cases', repeat('0', 64), 201, $3)`, [
        user.id,
        `k-${randomUUID()}`,
        daysAgo(age),
      ]);
    await key(8);
    await key(1);
    const failure = (name: string, age: number, lockedUntil: Date | null) =>
      q(`INSERT INTO login_failures (username, failures, last_failed_at, locked_until) VALUES ($1, 5, $2, $3)`, [name, daysAgo(age), lockedUntil]);
    await failure('old-unlocked', 8, null);
    await failure('old-still-locked', 8, new Date(Date.now() + 3_600_000));
    await failure('recent', 1, null);
    const session = (age: number, ended: boolean) =>
      q(`INSERT INTO auth_sessions (jti, user_id, issued_at, last_seen_at, ended_at) VALUES ($1, $2, $3, $3, $4)`, [randomUUID(), user.id, daysAgo(age), ended ? daysAgo(age) : null]);
    await session(31, true);
    await session(31, false);
    await session(2, true);
    const notification = (age: number | null) =>
      q(`INSERT INTO notifications (user_id, kind, title, body, dedupe_key, created_at, read_at) VALUES ($1, 'REMINDER', 't', 'b', $2, $3, $4)`, [
        user.id,
        randomUUID(),
        daysAgo(200),
        age === null ? null : daysAgo(age),
      ]);
    await notification(91);
    await notification(10);
    await notification(null);
    const count = async (table: string) => Number((await q(`SELECT count(*)::int AS n FROM ${table}`, []))[0].n);
    const before = { keys: await count('idempotency_keys'), failures: await count('login_failures'), sessions: await count('auth_sessions'), notes: await count('notifications') };

    const result = await h.client.workflow.execute('housekeeping', {
      taskQueue: h.taskQueue,
      workflowId: `housekeeping-${randomUUID()}`,
      args: [{ retention: RETENTION, batchSize: 1 }],
    });

    expect(result).toEqual({ idempotencyKeys: 1, loginFailures: 1, sessions: 2, readNotifications: 1 });
    expect(await count('idempotency_keys')).toBe(before.keys - 1);
    expect(await count('login_failures')).toBe(before.failures - 1);
    expect(await count('auth_sessions')).toBe(before.sessions - 2);
    expect(await count('notifications')).toBe(before.notes - 1);
    expect((await q(`SELECT username FROM login_failures WHERE username LIKE 'old-%'`, [])).map((r: { username: string }) => r.username)).toEqual(['old-still-locked']);
  });

  it('creates its schedule once, and a second worker start only updates it', async () => {
    const connection = await Connection.connect({ address: testServices().temporalAddress });
    try {
      const options = { connection, namespace: h.namespace, taskQueue: h.taskQueue, masterKeys: parseMasterKeys(testServices().masterKeys), retention: RETENTION };
      await ensureHousekeepingSchedule(options);
      await ensureHousekeepingSchedule({ ...options, retention: { ...RETENTION, sessionDays: 14 } });
      const described = await h.client.schedule.getHandle(housekeepingScheduleId(h.taskQueue)).describe();
      expect(described.action).toMatchObject({ workflowType: 'housekeeping', args: [{ retention: { ...RETENTION, sessionDays: 14 } }] });
      await h.client.schedule.getHandle(housekeepingScheduleId(h.taskQueue)).delete();
    } finally {
      await connection.close();
    }
  });
});
