import { DEMO_ORG_UNITS, createDataSource, verifyPassword } from '@dandang/persistence';
import { createTestDatabase, type TestDatabase } from '@dandang/testing';
import type { DataSource } from 'typeorm';
import { runAdmin } from '../../tools/admin';

/** `npm run admin -- create-admin` against a database of its own: the first administrator of a production stack. */
describe('npm run admin -- create-admin', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const output: string[] = [];
  const admin = (...argv: string[]) => runAdmin(argv, { NODE_ENV: 'production', DATABASE_URL: database.url }, (line) => output.push(line));
  const passwordIn = (line: string | undefined) => /: (\S+)$/.exec(line ?? '')?.[1] ?? '';
  const account = async (username: string) =>
    (await dataSource.query('SELECT id, roles, org_unit_id, active, must_change_password, password_hash FROM users WHERE username = $1', [username]))[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('creates an administrator with a one-time password printed once, who must change it; never over an existing username', async () => {
    expect(await admin('create-admin', 'root.admin')).toBe(0);
    expect(output.at(-2)).toBe(`admin: created administrator "root.admin" in unit CITY (${DEMO_ORG_UNITS.commission.name})`);
    const password = passwordIn(output.at(-1));
    expect(output.at(-1)).toMatch(/shown this once/);
    const created = await account('root.admin');
    expect(created).toMatchObject({ roles: ['ADMIN'], org_unit_id: DEMO_ORG_UNITS.commission.id, active: true, must_change_password: true });
    expect(await verifyPassword(created.password_hash, password)).toBe(true);
    const [event] = await dataSource.query(`SELECT actor_name, subject, reason FROM security_events WHERE kind = 'USER_CREATED'`);
    expect(event).toMatchObject({ actor_name: 'npm run admin', subject: created.id, reason: expect.stringContaining('create-admin') });
    expect(JSON.stringify(await dataSource.query('SELECT * FROM security_events'))).not.toContain(password);

    expect(await admin('create-admin', 'root.admin')).toBe(1);
    expect(output.at(-1)).toBe('admin: user "root.admin" exists already; nothing was changed');
    expect(await admin('create-admin', 'admin1')).toBe(1);
    expect(await verifyPassword((await account('root.admin')).password_hash, password)).toBe(true);
  });

  it('creates the top unit it is told to, and refuses bad usage', async () => {
    expect(await admin('create-admin', 'second.admin', '--unit-code', 'HQ', '--unit-name', '省纪委监委', '--name', '管理员 乙')).toBe(0);
    const [unit] = await dataSource.query(`SELECT id, parent_id, path FROM org_units WHERE code = 'HQ'`);
    expect(unit).toMatchObject({ parent_id: null, path: `/${unit.id}/` });
    expect((await account('second.admin')).org_unit_id).toBe(unit.id);

    // Two top units now: which one must be said.
    expect(await admin('create-admin', 'third.admin')).toBe(1);
    expect(output.at(-1)).toMatch(/name one with --unit-code/);
    expect(await admin('create-admin', 'x y')).toBe(2);
    expect(await admin('create-admin')).toBe(2);
    expect(await admin('create-admin', 'fourth', '--unit-code', 'NOPE')).toBe(2);
    expect(await admin('drop-everything')).toBe(2);
    expect(await admin('create-admin', 'fifth', '--bogus')).toBe(2);
  });

  it('on an empty database (a new production stack), creates the top unit ROOT for the first administrator', async () => {
    await database.asOwner('DELETE FROM auth_sessions');
    await database.asOwner('DELETE FROM login_failures');
    await database.asOwner('UPDATE policies SET published_by = NULL').catch(() => undefined);
    await database.asOwner('UPDATE calendars SET published_by = NULL').catch(() => undefined);
    await database.asOwner('DELETE FROM users');
    await database.asOwner('DELETE FROM org_units');
    expect(await admin('create-admin', 'first.admin')).toBe(0);
    expect(output.at(-2)).toBe('admin: created administrator "first.admin" in unit ROOT (本级纪委监委 (Commission))');
  });
});
