import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_DATABASE_ROLES, testServices, useTestDataSource } from '@dandang/testing';
import { createDataSource, migrate } from './data-source';
import { adoptSchemaObjects, APPEND_ONLY_TABLES, ensureDatabaseRoles, ensureOwnedDatabase, grantApplicationRole, urlAs } from './database-roles';

describe('the application role: it reads and appends to the audit tables, and can do nothing else to them', () => {
  const db = useTestDataSource(2);
  const refusal = (sql: string) => db.dataSource.query(sql).then(() => 'allowed', (e: Error) => e.message);

  it('connects as a role that is no superuser and owns no table', async () => {
    const [role] = await db.dataSource.query(
      `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb,
         (SELECT count(*)::integer FROM pg_class c WHERE c.relowner = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ name: 'dandang_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false, owned: 0 });
  });

  it.each(APPEND_ONLY_TABLES)('may not delete, update, truncate, disable the triggers of, or drop %s', async (table) => {
    expect(await refusal(`DELETE FROM ${table}`)).toMatch(/permission denied/);
    const column = table === 'audit_checkpoints' ? 'signature' : 'hash';
    expect(await refusal(`UPDATE ${table} SET ${column} = ${column}`)).toMatch(/permission denied/);
    expect(await refusal(`TRUNCATE ${table}`)).toMatch(/permission denied/);
    expect(await refusal(`ALTER TABLE ${table} DISABLE TRIGGER USER`)).toMatch(/must be owner/);
    expect(await refusal(`DROP TRIGGER ${table}_no_change ON ${table}`)).toMatch(/must be owner/);
    expect(await refusal(`DROP TABLE ${table}`)).toMatch(/must be owner/);
    expect(await refusal(`SELECT count(*) FROM ${table}`)).not.toMatch(/permission denied/);
  });

  it('may not create tables, nor write the migrations bookkeeping', async () => {
    expect(await refusal('CREATE TABLE audit_events_copy (id integer)')).toMatch(/permission denied/);
    expect(await refusal(`DELETE FROM schema_migrations`)).toMatch(/permission denied/);
  });

  it('keeps normal DML on the other tables', async () => {
    expect(await refusal(`UPDATE users SET active = active WHERE false`)).toBe('allowed');
    expect(await refusal(`DELETE FROM idempotency_keys WHERE false`)).toBe('allowed');
  });
});

describe('a database migrated as the superuser, before the roles existed (an older npm start data folder)', () => {
  it('is handed to the owner role, which migrates on, and the application role gets its privileges', async () => {
    const superuser = testServices().postgresTemplateUrl;
    const name = `adopt_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: superuser.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const legacy = await createDataSource(superuser.replace(/\/[^/]+$/, `/${name}`), { poolSize: 1 }).initialize();
      await migrate(legacy).finally(() => legacy.destroy());

      await ensureDatabaseRoles(admin, TEST_DATABASE_ROLES);
      await ensureOwnedDatabase(admin, name, { owner: TEST_DATABASE_ROLES.owner.name, app: TEST_DATABASE_ROLES.app.name });
      const inDatabase = new Client({ connectionString: superuser.replace(/\/[^/]+$/, `/${name}`) });
      await inDatabase.connect();
      await adoptSchemaObjects(inDatabase, TEST_DATABASE_ROLES.owner.name).finally(() => inDatabase.end());

      const owner = await createDataSource(urlAs(superuser, TEST_DATABASE_ROLES.owner, name), { poolSize: 1 }).initialize();
      try {
        expect(await migrate(owner)).toEqual([]);
        await grantApplicationRole(owner, TEST_DATABASE_ROLES.app.name);
        const [{ others }] = await owner.query(
          `SELECT count(*)::integer AS others FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
        );
        expect(others).toBe(0);
      } finally {
        await owner.destroy();
      }
      const app = await createDataSource(urlAs(superuser, TEST_DATABASE_ROLES.app, name), { poolSize: 1 }).initialize();
      try {
        await expect(app.query('SELECT count(*) FROM audit_events')).resolves.toHaveLength(1);
        await expect(app.query('ALTER TABLE audit_events DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
      } finally {
        await app.destroy();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
