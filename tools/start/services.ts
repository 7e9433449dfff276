import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { userInfo } from 'node:os';
import {
  freePort,
  isPortTaken,
  locateTemporalCli,
  startEmbeddedPostgres,
  startTemporalDevServer,
  type RunningDevServer,
  type RunningPostgres,
} from '@dandang/embedded-services';
import { KeyRing, masterKeysText, newMasterKeys, type MasterKeys } from '@dandang/sealing';
import { Client } from 'pg';
import {
  adoptSchemaObjects,
  createDataSource,
  DEMO_ORG_UNITS,
  DEMO_USERS,
  ensureDatabaseRoles,
  ensureOwnedDatabase,
  grantApplicationRole,
  migrate,
  roleOf,
  seedDemoData,
  urlAs,
  withKeyRing,
} from '@dandang/persistence';
import type { DataSource } from 'typeorm';
import { EMBEDDED_DATABASE, type PortChoice } from './options';
import { say, writePrefixed } from './processes';

/** The preferred port when free; a busy knob-chosen port is an error, a busy default is replaced. */
export async function choosePort(what: string, knob: string, choice: PortChoice): Promise<number> {
  if (!(await isPortTaken(choice.port))) return choice.port;
  if (choice.fixed) throw new Error(`${knob}=${choice.port}: port ${choice.port} is already in use (${what})`);
  const port = await freePort();
  say(`port ${choice.port} is busy: ${what} uses port ${port} instead (set ${knob} to choose)`);
  return port;
}

/** Creates the data folder, mode 755: as root PostgreSQL runs as the `postgres` user, who must get through it. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  try {
    chmodSync(dataDir, 0o755);
  } catch {
    // Not ours to change; PostgreSQL will say so if it matters.
  }
}

/** The embedded default's master keys: made on first start, readable by this user only, kept with the data they seal. */
export function ensureMasterKeysFile(path: string): void {
  if (existsSync(path)) return;
  writeFileSync(path, masterKeysText(newMasterKeys()), { mode: 0o600, flag: 'wx' });
  say(`generated master keys in ${path} (keep them with the data: without them the sealed data cannot be read)`);
}

/** As root, every folder above the PostgreSQL data must be traversable by the `postgres` user. */
function assertReachableByPostgres(pgDir: string): void {
  if (userInfo().uid !== 0) return;
  for (let dir = dirname(pgDir); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the postgres user, who cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}); ` +
          `chmod o+x ${dir} or set DANDANG_DATA_DIR to a folder it can reach`,
      );
    }
    if (dir === parse(dir).root) return;
  }
}

/**
 * The Temporal CLI binary; on the first run on a machine this builds it with `go install` (minutes), and
 * locateTemporalCli says so through `log`. Undefined without Go: @temporalio/testing then downloads it.
 */
export function locateCli(): Promise<string | undefined> {
  return locateTemporalCli({ log: (line) => writePrefixed('[temporal]', line) });
}

function cliEnv(cli: string | undefined): NodeJS.ProcessEnv | undefined {
  return cli ? { ...process.env, TEMPORAL_CLI_PATH: cli } : undefined;
}

export async function startTemporal(
  cli: string | undefined,
  dataDir: string,
  port: number,
  uiPort: number,
  namespace: string,
): Promise<RunningDevServer & { dbFile: string }> {
  const dbFile = join(dataDir, 'temporal', 'temporal.db');
  const log = (line: string) => writePrefixed('[temporal]', line);
  say(`starting the Temporal dev server on 127.0.0.1:${port} (state in ${dbFile})…`);
  const server = await startTemporalDevServer({ dbFile, port, uiPort, namespace, log, env: cliEnv(cli) });
  say(`Temporal is ready at ${server.address}${server.uiUrl ? `, Web UI ${server.uiUrl}` : ''}`);
  return { ...server, dbFile };
}

export async function startPostgres(dataDir: string, port: number): Promise<RunningPostgres & { pgDir: string }> {
  const pgDir = join(dataDir, 'postgres');
  assertReachableByPostgres(pgDir);
  if (postgresAlive(pgDir)) {
    const pid = readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    throw new Error(`a PostgreSQL from an earlier run still uses ${pgDir} (pid ${pid}); stop it (kill ${pid}) and start again`);
  }
  const recent: string[] = [];
  const log = (text: string) => {
    recent.push(text);
    if (recent.length > 30) recent.shift();
    // Routine startup and shutdown chatter stays quiet; warnings and errors are shown.
    if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(text)) writePrefixed('[postgres]', text, process.stderr);
  };
  say(`starting PostgreSQL on 127.0.0.1:${port} (data in ${pgDir})…`);
  try {
    const pg = await startEmbeddedPostgres({ dataDir: pgDir, port, log });
    await pg.createDatabase(EMBEDDED_DATABASE);
    say(`PostgreSQL is ready on 127.0.0.1:${port}`);
    return { ...pg, pgDir };
  } catch (e) {
    const why = e instanceof Error ? e.message : '';
    throw new Error(`PostgreSQL did not start${why ? `: ${why}` : ''}\n${recent.join('\n')}`);
  }
}

/**
 * The embedded database's two roles, as a deployment's: the migrations run as the owner, the API and worker as the
 * application role, which may only read and append to the audit tables. Loopback only, like the superuser's.
 */
export const EMBEDDED_ROLES = {
  owner: { name: 'dandang_owner', password: 'dandang_owner' },
  app: { name: 'dandang_app', password: 'dandang_app' },
} as const;

/**
 * As the embedded cluster's superuser: both roles, the database owned by the owner (a database made by an earlier
 * version, as the superuser, is handed over), then migrated and seeded. Returns the application role's URL.
 */
export async function prepareEmbeddedDatabase(pg: RunningPostgres, database: string, masterKeys?: MasterKeys): Promise<string> {
  const roles = { owner: EMBEDDED_ROLES.owner.name, app: EMBEDDED_ROLES.app.name };
  await asSuperuser(pg.urlFor('postgres'), async (admin) => {
    await ensureDatabaseRoles(admin, EMBEDDED_ROLES);
    await ensureOwnedDatabase(admin, database, roles);
  });
  await asSuperuser(pg.urlFor(database), (admin) => adoptSchemaObjects(admin, roles.owner));
  const appUrl = urlAs(pg.urlFor(database), EMBEDDED_ROLES.app);
  await prepareDatabase({ owner: urlAs(pg.urlFor(database), EMBEDDED_ROLES.owner), app: appUrl }, true, masterKeys);
  return appUrl;
}

async function asSuperuser(url: string, run: (admin: Client) => Promise<void>): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await run(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Applies pending migrations as the owner and grants the application role its privileges (when it is another role);
 * seeds the demo data only into the embedded database (idempotent).
 */
export async function prepareDatabase(urls: { owner: string; app: string }, seed: boolean, masterKeys?: MasterKeys): Promise<void> {
  const dataSource = await createDataSource(urls.owner, { poolSize: 1, applicationName: 'dandang-start' }).initialize();
  try {
    // With the keys, a migration can seal what an older version stored in plaintext (docs/key-management.md).
    const applied = await migrate(masterKeys ? withKeyRing(dataSource, new KeyRing(masterKeys)) : dataSource);
    say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
    if (roleOf(urls.owner) !== roleOf(urls.app)) await grantApplicationRole(dataSource, roleOf(urls.app));
    if (seed && !(await demoDataPresent(dataSource))) {
      await seedDemoData(dataSource);
      say('demo org units and users seeded');
    }
  } finally {
    await dataSource.destroy();
  }
}

/** seedDemoData is idempotent but hashes every password (seconds); skip it when every demo row is there. */
async function demoDataPresent(dataSource: DataSource): Promise<boolean> {
  const users = Object.values(DEMO_USERS).map((u) => u.id);
  const units = Object.values(DEMO_ORG_UNITS).map((u) => u.id);
  const [row] = await dataSource.query(
    'SELECT (SELECT count(*) FROM users WHERE id = ANY($1::uuid[]))::int AS users, (SELECT count(*) FROM org_units WHERE id = ANY($2::uuid[]))::int AS units',
    [users, units],
  );
  return row.users === users.length && row.units === units.length;
}

/** True while the postmaster recorded in `postmaster.pid` is alive (no connection, so nothing in its log). */
export function postgresAlive(pgDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when something accepts TCP connections at host:port. */
export function accepts(address: string, timeoutMs = 1_000): Promise<boolean> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
