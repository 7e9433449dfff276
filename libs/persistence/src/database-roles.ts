/**
 * Two database roles: the owner, as which the migrations run and which owns every table and trigger, and the
 * application role the API and worker use, which owns nothing. Whoever holds the application's connection can then
 * only add to and read the audit trails: no UPDATE, DELETE or TRUNCATE there, and no ALTER TABLE to switch the
 * append-only triggers off (that needs ownership).
 */

/** The tables the application role may only read and append to. Missing ones (a later migration's) are skipped. */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints', 'security_events'] as const;

/**
 * Tables whose rows the application role may never delete, updating only the named columns: evidence files are kept
 * for good, and only their wrapped data key changes (a key rotation's rewrap). Missing ones are skipped.
 */
export const KEPT_TABLES: Readonly<Record<string, readonly string[]>> = { evidence_files: ['wrapped_key'] };

export interface DatabaseRole {
  name: string;
  password: string;
}

/** A pg Client or a TypeORM DataSource: anything that runs SQL with parameters. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function rows<T>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await runner.query(sql, params);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Runs the statements a query composes with format(): identifiers and literals quoted by PostgreSQL itself. */
async function runComposed(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<void> {
  for (const { statement } of await rows<{ statement: string }>(runner, sql, params)) await runner.query(statement);
}

const PLAIN_LOGIN = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/**
 * As a superuser: creates both roles, or resets their passwords and attributes; neither is a superuser, and the
 * application role is no member of the owner.
 */
export async function ensureDatabaseRoles(admin: SqlRunner, roles: { owner: DatabaseRole; app: DatabaseRole }): Promise<void> {
  if (roles.owner.name === roles.app.name) throw new Error('the owner and the application role must differ');
  for (const role of [roles.owner, roles.app]) {
    await runComposed(
      admin,
      `SELECT format(CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $1::text) THEN 'ALTER ROLE %I ${PLAIN_LOGIN} PASSWORD %L'
         ELSE 'CREATE ROLE %I ${PLAIN_LOGIN} PASSWORD %L' END, $1::text, $2::text) AS statement`,
      [role.name, role.password],
    );
  }
  await runComposed(
    admin,
    `SELECT format('REVOKE %I FROM %I', $1::text, $2::text) AS statement FROM pg_auth_members m
     WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = $1::text) AND m.member = (SELECT oid FROM pg_roles WHERE rolname = $2::text)`,
    [roles.owner.name, roles.app.name],
  );
}

/**
 * As a superuser connected to another database of the cluster: creates `database` owned by the owner role, or hands
 * an existing one to it; only the two roles (and superusers) may connect.
 */
export async function ensureOwnedDatabase(admin: SqlRunner, database: string, roles: { owner: string; app: string }): Promise<void> {
  await runComposed(
    admin,
    `SELECT format(CASE WHEN EXISTS (SELECT FROM pg_database WHERE datname = $1::text) THEN 'ALTER DATABASE %I OWNER TO %I'
       ELSE 'CREATE DATABASE %I OWNER %I' END, $1::text, $2::text) AS statement`,
    [database, roles.owner],
  );
  await runComposed(admin, `SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', $1::text) AS statement`, [database]);
  await runComposed(admin, `SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', $1::text, $2::text) AS statement`, [database, roles.app]);
}

/**
 * As a superuser connected to the database: hands whatever in schema public another role owns to the owner role (a
 * database migrated before the roles existed, as the superuser), so that the migrations can go on as the owner.
 */
export async function adoptSchemaObjects(admin: SqlRunner, owner: string): Promise<void> {
  await runComposed(
    admin,
    `WITH owner AS (SELECT oid FROM pg_roles WHERE rolname = $1::text)
     SELECT format('ALTER %s %I.%I OWNER TO %I',
         CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
         n.nspname, c.relname, $1::text) AS statement
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> (SELECT oid FROM owner)
        -- A sequence a column owns follows its table.
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM owner)
     UNION ALL
     SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, $1::text)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0 AND t.typowner <> (SELECT oid FROM owner)`,
    [owner],
  );
}

/**
 * As the owner, after the migrations: the application role's privileges, set afresh each time, so a table a new
 * migration added is covered. Normal DML everywhere, SELECT and INSERT only on APPEND_ONLY_TABLES, and nothing but
 * SELECT on the migrations' own bookkeeping.
 */
export async function grantApplicationRole(owner: SqlRunner, app: string, migrationsTable = 'schema_migrations'): Promise<void> {
  const [{ current_user: self }] = await rows<{ current_user: string }>(owner, 'SELECT current_user');
  if (self === app) throw new Error(`the migrations run as "${app}", the application role itself: give MIGRATION_DATABASE_URL the owner role`);
  const grants = [
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO %1$I`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1$I`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1$I`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1$I`,
  ];
  for (const grant of grants) await runComposed(owner, `SELECT format('${grant}', $1::text) AS statement`, [app]);
  await runComposed(
    owner,
    `SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', t, $2::text) AS statement
       FROM unnest($1::text[]) AS t WHERE to_regclass(quote_ident(t)) IS NOT NULL`,
    [[...APPEND_ONLY_TABLES], app],
  );
  for (const [table, columns] of Object.entries(KEPT_TABLES)) {
    await runComposed(
      owner,
      `SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON %1$I FROM %2$I', $1::text, $2::text) AS statement WHERE to_regclass(quote_ident($1::text)) IS NOT NULL
       UNION ALL
       SELECT format('GRANT UPDATE (%s) ON %I TO %I', (SELECT string_agg(quote_ident(c), ', ') FROM unnest($3::text[]) c), $1::text, $2::text)
        WHERE to_regclass(quote_ident($1::text)) IS NOT NULL`,
      [table, app, [...columns]],
    );
  }
  await runComposed(
    owner,
    `SELECT format('REVOKE INSERT, UPDATE, DELETE ON %I FROM %I', $1::text, $2::text) AS statement WHERE to_regclass(quote_ident($1::text)) IS NOT NULL`,
    [migrationsTable, app],
  );
}

/** `url` with another role's credentials (and, given, another database). */
export function urlAs(url: string, role: DatabaseRole, database?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/** The role name a postgres:// URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
