/**
 * Static consistency checks for the production deployment files: docker-compose.yml,
 * Dockerfile, .dockerignore and deploy/**. No Docker engine is needed: the files are parsed
 * and cross-checked against each other and against the application's own constants, so a
 * renamed service, a new config variable or a new search attribute that the deployment does
 * not follow makes this suite fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, SERVICE_NODE_FLAGS, SERVICE_PROCESS_ENV } from '@dandang/config';
import { SEARCH_ATTRIBUTES } from '@dandang/contracts';

const ROOT = resolve(__dirname, '..', '..');
const read = (rel: string): string => readFileSync(resolve(ROOT, rel), 'utf8');

const DIST = {
  api: 'dist/apps/api/src/main.js',
  migrate: 'dist/apps/api/src/migrate.js',
  worker: 'dist/apps/worker/src/main.js',
  bundle: 'dist/workflows/workflow-bundle.js',
};
const APP_SERVICES = ['migrate', 'api', 'worker'] as const;
const REQUIRED_APP_VARIABLES = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'JWT_SECRET'];
const DEPENDS_ON_CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];
const NODE_IMAGE = 'node:22-bookworm-slim';

// ---------------------------------------------------------------------------------------------
// compose model and helpers

type Build = string | { context?: string; dockerfile?: string };
type VolumeEntry = string | { type?: string; source?: string; target?: string };
type PortEntry = string | number | { target?: number | string; published?: number | string; host_ip?: string };
interface Service {
  image?: string;
  build?: Build;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: VolumeEntry[];
  ports?: PortEntry[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  stop_grace_period?: string;
  secrets?: (string | { source?: string; target?: string })[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

const compose = parse(read('docker-compose.yml')) as Compose;
const services = compose.services ?? {};
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/**
 * Applies compose interpolation as `docker compose config` would with an empty environment,
 * except that variables without a default become the placeholder `__NAME__`.
 */
function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (match, name?: string, op?: string, arg?: string, bare?: string) => {
      if (match === '$$') return '$';
      if (op?.endsWith('-')) return arg ?? '';
      return `__${name ?? bare}__`;
    },
  );
}

/** Names of the variables referenced as required (`${NAME:?message}` or `${NAME?message}`). */
const requiredVariables = (raw: string): string[] =>
  [...raw.matchAll(/\$\{([A-Za-z_]\w*):?\?[^}]*\}/g)].map((m) => m[1]);

/** Raw (uninterpolated) environment of a service, list or map syntax. */
function rawEnv(svc: Service): Record<string, string> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}
const env = (svc: Service): Record<string, string> =>
  Object.fromEntries(Object.entries(rawEnv(svc)).map(([k, v]) => [k, interpolate(v)]));

function dependsOn(svc: Service): Record<string, string> {
  const deps = svc.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([d, o]) => [d, o?.condition ?? 'service_started']));
}

interface Mount {
  source?: string;
  target: string;
  bind: boolean;
}
function mounts(svc: Service): Mount[] {
  return (svc.volumes ?? []).map((v) => {
    if (typeof v === 'string') {
      const parts = interpolate(v).split(':');
      if (parts.length === 1) return { target: parts[0], bind: false };
      return { source: parts[0], target: parts[1], bind: /^[./~]/.test(parts[0]) };
    }
    return { source: v.source, target: v.target ?? '', bind: v.type === 'bind' };
  });
}

interface Port {
  hostIp?: string;
  published?: string;
  target: string;
}
function ports(svc: Service): Port[] {
  return (svc.ports ?? []).map((p) => {
    if (typeof p === 'object') {
      return { hostIp: p.host_ip, published: p.published?.toString(), target: String(p.target) };
    }
    const parts = interpolate(String(p)).replace(/\/(tcp|udp)$/, '').split(':');
    const target = parts.pop() as string;
    const published = parts.pop();
    return { hostIp: parts.pop(), published, target };
  });
}

const appEnv = (name: string): Record<string, string> => env(service(name));
const isConfigVariable = (key: string): boolean => (CONFIG_VARIABLES as readonly string[]).includes(key);

const commandText = (svc: Service): string =>
  [svc.entrypoint, svc.command].flat().filter((part) => part !== undefined).join(' ');

function splitImage(ref: string): { name: string; tag?: string } {
  const noDigest = ref.split('@')[0];
  const colon = noDigest.lastIndexOf(':');
  if (colon > noDigest.lastIndexOf('/')) return { name: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
  return { name: noDigest };
}

/** Compose duration ("90s", "1m30s") in seconds. */
function seconds(duration: string | undefined): number {
  let total = 0;
  for (const [, n, unit] of (duration ?? '').matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    total += Number(n) * { h: 3600, m: 60, s: 1, ms: 0.001 }[unit as 'h' | 'm' | 's' | 'ms'];
  }
  return total;
}

function hostOf(address: string): { host: string; port: string } {
  const [host, port] = address.split(':');
  return { host, port };
}

/** Repo file behind a container path, through the service's bind mounts. */
function hostFileFor(svc: Service, containerPath: string): string | undefined {
  for (const m of mounts(svc)) {
    if (!m.bind || !m.source) continue;
    const rel = posix.relative(m.target, containerPath);
    if (rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel))) return resolve(ROOT, m.source, rel);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile model

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  base: string;
  name?: string;
  instructions: Instruction[];
}
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!op) continue;
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const [, image, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      const base = image.replace(/\$\{?(\w+)\}?/g, (_m, v: string) => globalArgs[v] ?? '');
      stages.push({ base, name, instructions: [] });
    } else if (upper === 'ARG' && stages.length === 0) {
      const [k, v] = args.split('=');
      globalArgs[k.trim()] = (v ?? '').trim();
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ op: upper, args });
    }
  }
  return stages;
}

const stages = parseDockerfile(read('Dockerfile'));
const stageByName = (name: string): Stage | undefined => stages.find((s) => s.name === name);
/** Instructions of a stage including those of the stages it is built FROM. */
function lineage(stage: Stage): Instruction[] {
  const parent = stageByName(stage.base);
  return [...(parent ? lineage(parent) : []), ...stage.instructions];
}
function externalBase(stage: Stage): string {
  const parent = stageByName(stage.base);
  return parent ? externalBase(parent) : stage.base;
}
/** Stages that a `COPY --from=<stage> <src>` in `stage` takes `src` from. */
function copiedFrom(stage: Stage, src: string): Stage[] {
  const found: Stage[] = [];
  for (const copy of stage.instructions.filter((i) => i.op === 'COPY')) {
    const tokens = copy.args.split(/\s+/);
    const from = stageByName(tokens.find((t) => t.startsWith('--from='))?.slice('--from='.length) ?? '');
    const sources = tokens.filter((t) => !t.startsWith('--')).slice(0, -1);
    if (from && sources.some((p) => posix.relative(workdir(from), posix.resolve(workdir(from), p)) === src)) {
      found.push(from);
    }
  }
  return found;
}
const runs = (instructions: Instruction[]): string[] => instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
const finalStage = stages[stages.length - 1];
const workdir = (stage: Stage): string =>
  lineage(stage)
    .filter((i) => i.op === 'WORKDIR')
    .reduce((dir, i) => posix.resolve(dir, i.args.trim()), '/');

// ---------------------------------------------------------------------------------------------

/** The script the postgres image runs on an empty volume (deploy/postgres/init-app-db.sh). */
function initScript(): string {
  const initMount = mounts(service('postgres')).find((m) => m.target.startsWith('/docker-entrypoint-initdb.d/'));
  if (!initMount?.source) throw new Error('the postgres service mounts no init script');
  return readFileSync(resolve(ROOT, initMount.source), 'utf8');
}

describe('docker-compose.yml (production stack)', () => {
  it('defines the whole stack', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'temporal-schema', 'temporal', 'temporal-bootstrap', 'temporal-ui', ...APP_SERVICES]),
    );
  });

  it('pins every image and uses no deprecated or floating one', () => {
    const problems: string[] = [];
    for (const [name, svc] of Object.entries(services)) {
      if (!svc.image) {
        problems.push(`${name}: no image`);
        continue;
      }
      const { name: image, tag } = splitImage(interpolate(svc.image));
      if (!tag || tag === 'latest') problems.push(`${name}: ${svc.image} is not pinned`);
      if (image.endsWith('temporalio/auto-setup')) problems.push(`${name}: auto-setup is deprecated`);
    }
    expect(problems).toEqual([]);
    // Schema tooling and server must be the same release (admin-tools tags read <server>[-tctl-…-cli-…]).
    const tagOf = (name: string): string | undefined => splitImage(service(name).image ?? '').tag;
    const releaseOf = (name: string): string | undefined => tagOf(name)?.split('-')[0];
    expect(splitImage(service('temporal').image ?? '').name).toBe('temporalio/server');
    expect(releaseOf('temporal-schema')).toBe(tagOf('temporal'));
    expect(releaseOf('temporal-bootstrap')).toBe(tagOf('temporal'));
    expect(splitImage(service('temporal-ui').image ?? '').name).toBe('temporalio/ui');
  });

  it('depends only on defined services, with valid conditions and no cycle', () => {
    const problems: string[] = [];
    for (const [name, svc] of Object.entries(services)) {
      for (const [target, condition] of Object.entries(dependsOn(svc))) {
        const dep = services[target];
        if (!dep) problems.push(`${name} -> ${target}: undefined service`);
        if (!DEPENDS_ON_CONDITIONS.includes(condition)) problems.push(`${name} -> ${target}: bad condition ${condition}`);
        if (dep && condition === 'service_healthy' && (!dep.healthcheck?.test || dep.healthcheck.disable)) {
          problems.push(`${name} -> ${target}: waits for health but ${target} has no healthcheck`);
        }
        if (dep && condition === 'service_completed_successfully' && /always|unless-stopped/.test(dep.restart ?? '')) {
          problems.push(`${name} -> ${target}: one-shot ${target} restarts forever`);
        }
      }
    }
    const visit = (name: string, path: string[]): void => {
      if (path.includes(name)) {
        problems.push(`cycle: ${[...path, name].join(' -> ')}`);
        return;
      }
      Object.keys(dependsOn(services[name] ?? {})).forEach((d) => visit(d, [...path, name]));
    };
    Object.keys(services).forEach((name) => visit(name, []));
    expect(problems).toEqual([]);
  });

  it('starts things in order: schema, server, bootstrap; database, migrations; then api and worker', () => {
    expect(dependsOn(service('temporal-schema'))).toMatchObject({ postgres: 'service_healthy' });
    expect(dependsOn(service('temporal'))).toMatchObject({ 'temporal-schema': 'service_completed_successfully' });
    expect(dependsOn(service('temporal-bootstrap'))).toMatchObject({ temporal: 'service_healthy' });
    expect(dependsOn(service('migrate'))).toMatchObject({ postgres: 'service_healthy' });
    for (const name of ['api', 'worker']) {
      expect(dependsOn(service(name))).toMatchObject({
        migrate: 'service_completed_successfully',
        'temporal-bootstrap': 'service_completed_successfully',
      });
    }
  });

  it('builds migrate, api and worker as one image from a Dockerfile that exists', () => {
    const builds = APP_SERVICES.map((name) => {
      const build = service(name).build;
      const context = typeof build === 'string' ? build : build?.context ?? '.';
      const dockerfile = typeof build === 'object' ? build.dockerfile ?? 'Dockerfile' : 'Dockerfile';
      return { path: resolve(ROOT, context, dockerfile), image: service(name).image };
    });
    expect(builds.every((b) => existsSync(b.path))).toBe(true);
    expect(new Set(builds.map((b) => b.path)).size).toBe(1);
    expect(new Set(builds.map((b) => b.image)).size).toBe(1);
    expect(builds[0].path).toBe(resolve(ROOT, 'Dockerfile'));
  });

  it('declares every named volume and bind-mounts only files that exist in the repo', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const problems: string[] = [];
    for (const [name, svc] of Object.entries(services)) {
      for (const m of mounts(svc)) {
        if (!m.source) problems.push(`${name}: anonymous volume at ${m.target}`);
        else if (m.bind && !existsSync(resolve(ROOT, m.source))) problems.push(`${name}: ${m.source} does not exist`);
        else if (!m.bind && !declared.includes(m.source)) problems.push(`${name}: volume ${m.source} not declared`);
      }
    }
    expect(problems).toEqual([]);
    // PostgreSQL data survives `docker compose down` (named volume on the data directory).
    expect(mounts(service('postgres'))).toContainEqual(
      expect.objectContaining({ bind: false, target: '/var/lib/postgresql/data' }),
    );
  });

  it('keeps secrets out of the file: every password and secret is a required variable', () => {
    const problems: string[] = [];
    for (const [name, svc] of Object.entries(services)) {
      for (const [key, raw] of Object.entries(rawEnv(svc))) {
        if (/(PASSWORD|PWD|SECRET|TOKEN|SECRET_ACCESS_KEY)$/.test(key) && !/^\$\{[A-Za-z_]\w*:\?[^}]+\}$/.test(raw)) {
          problems.push(`${name}.${key} = ${raw}`);
        }
        if (/DATABASE_URL$/.test(key) && !/^postgres(ql)?:\/\/[^:/@]+:\$\{[A-Za-z_]\w*:\?[^}]+\}@/.test(raw)) {
          problems.push(`${name}.${key} password is not a required variable`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the app only known configuration variables, including the required ones', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(0);
    for (const name of APP_SERVICES) {
      const unknown = Object.keys(appEnv(name)).filter((k) => !isConfigVariable(k));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
    for (const name of ['api', 'worker']) {
      const missing = REQUIRED_APP_VARIABLES.filter((k) => !appEnv(name)[k]);
      expect({ service: name, missing }).toEqual({ service: name, missing: [] });
    }
    expect(appEnv('migrate').DATABASE_URL).toBeTruthy();
    expect(appEnv('worker').WORKFLOW_BUNDLE_PATH).toBe(posix.join(workdir(finalStage), DIST.bundle));
    // A client and worker on different namespaces or queues would never meet.
    for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'JWT_SECRET']) {
      expect({ key, worker: appEnv('worker')[key] }).toEqual({ key, worker: appEnv('api')[key] });
    }
    expect(appEnv('migrate').DATABASE_URL).toBe(appEnv('api').DATABASE_URL);
    // The owner's connection is the migrations' alone: the API and worker never hold it.
    expect(appEnv('migrate').MIGRATION_DATABASE_URL).toBeTruthy();
    for (const name of ['api', 'worker']) expect({ name, owner: appEnv(name).MIGRATION_DATABASE_URL }).toEqual({ name, owner: undefined });
  });

  it('migrates as the owner role and runs the api and worker as an application role that owns nothing', () => {
    const pg = env(service('postgres'));
    const owner = new URL(appEnv('migrate').MIGRATION_DATABASE_URL);
    const app = new URL(appEnv('api').DATABASE_URL);
    expect(decodeURIComponent(owner.username)).toBe(pg.APP_DB_OWNER);
    expect(decodeURIComponent(app.username)).toBe(pg.APP_DB_USER);
    expect(pg.APP_DB_OWNER).not.toBe(pg.APP_DB_USER);
    expect(owner.host).toBe(app.host);
    expect(owner.pathname).toBe(app.pathname);
    expect(requiredVariables(rawEnv(service('postgres')).APP_DB_OWNER_PASSWORD ?? '')).toEqual(
      requiredVariables(rawEnv(service('migrate')).MIGRATION_DATABASE_URL),
    );
    const script = initScript();
    for (const variable of ['APP_DB_OWNER', 'APP_DB_OWNER_PASSWORD', 'APP_DB_USER']) expect(script).toContain(`$${variable}`);
    // The database belongs to the owner; the application role may connect, and is made no superuser.
    expect(script).toMatch(/CREATE DATABASE %I OWNER %I', :'app_db', :'app_owner'/);
    expect(script).toMatch(/GRANT CONNECT[^;]*TO :"app_user"/);
    expect(script).toMatch(/CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD %L', :'app_user'/);
  });

  it("points DATABASE_URL at the application's own database and role on the postgres service", () => {
    const url = new URL(appEnv('api').DATABASE_URL);
    const pg = service('postgres');
    const pgEnv = env(pg);
    const temporalEnv = env(service('temporal'));
    expect(services[url.hostname]).toBe(pg);
    expect(splitImage(pg.image ?? '').name).toBe('postgres');
    expect(url.port || '5432').toBe('5432');
    const database = url.pathname.replace(/^\//, '');
    expect(['', 'postgres', temporalEnv.DBNAME, temporalEnv.VISIBILITY_DBNAME]).not.toContain(database);
    expect(url.username).not.toBe(temporalEnv.POSTGRES_USER);
    expect(url.username).not.toBe(pgEnv.POSTGRES_USER);

    // The init script creates exactly this database and role, with the password the app uses.
    const script = initScript();
    expect(pgEnv.APP_DB_NAME).toBe(database);
    expect(pgEnv.APP_DB_USER).toBe(decodeURIComponent(url.username));
    expect(requiredVariables(rawEnv(pg).APP_DB_PASSWORD ?? '')).toEqual(
      requiredVariables(rawEnv(service('api')).DATABASE_URL),
    );
    for (const variable of ['APP_DB_NAME', 'APP_DB_USER', 'APP_DB_PASSWORD']) expect(script).toContain(`$${variable}`);
    expect(script).toMatch(/CREATE DATABASE/);
    expect(script).toMatch(/CREATE ROLE/);
  });

  it('points every Temporal client at the temporal service frontend', () => {
    for (const name of ['api', 'worker', 'temporal-bootstrap', 'temporal-ui']) {
      expect({ name, ...hostOf(env(service(name)).TEMPORAL_ADDRESS ?? '') }).toEqual({
        name,
        host: 'temporal',
        port: '7233',
      });
    }
  });

  it('runs Temporal on PostgreSQL with one set of credentials and a mounted dynamic config', () => {
    const temporal = service('temporal');
    const t = env(temporal);
    const schema = env(service('temporal-schema'));
    expect(t.DB).toMatch(/^postgres12(_pgx)?$/);
    expect(services[t.POSTGRES_SEEDS]).toBe(service('postgres'));
    expect(Number(t.NUM_HISTORY_SHARDS)).toBeGreaterThanOrEqual(4); // immutable after first start: set explicitly
    expect(schema).toMatchObject({ SQL_PLUGIN: t.DB, SQL_HOST: t.POSTGRES_SEEDS, SQL_USER: t.POSTGRES_USER });
    const passwordVars = [
      rawEnv(temporal).POSTGRES_PWD,
      rawEnv(service('temporal-schema')).SQL_PASSWORD,
      rawEnv(service('postgres')).TEMPORAL_DB_PASSWORD,
    ].map((raw) => requiredVariables(raw ?? '').join());
    expect(new Set(passwordVars).size).toBe(1);
    // Temporal's role is made by the init script, no superuser of the cluster that holds the case data.
    const pg = env(service('postgres'));
    expect(pg.TEMPORAL_DB_USER).toBe(t.POSTGRES_USER);
    expect(pg.POSTGRES_USER).not.toBe(t.POSTGRES_USER);
    expect(requiredVariables(rawEnv(service('postgres')).POSTGRES_PASSWORD ?? '')).not.toEqual(passwordVars[0].split(','));
    expect(initScript()).toMatch(/CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEROLE CREATEDB PASSWORD %L', :'temporal_user'/);

    const configPath = posix.resolve('/etc/temporal', t.DYNAMIC_CONFIG_FILE_PATH ?? '');
    const hostFile = hostFileFor(temporal, configPath);
    expect(hostFile && existsSync(hostFile)).toBe(true);
    const dynamic = parse(readFileSync(hostFile ?? '', 'utf8')) as Record<string, unknown>;
    expect(Object.keys(dynamic).length).toBeGreaterThan(0);
    const malformed = Object.entries(dynamic).filter(
      ([, v]) => !Array.isArray(v) || v.length === 0 || !v.every((c) => typeof c === 'object' && c && 'value' in c),
    );
    expect(malformed).toEqual([]);
    expect(dynamic).not.toHaveProperty(['system.forceSearchAttributesCacheRefreshOnRead']);
  });

  it('sets up both Temporal schemas before the server starts', () => {
    const t = env(service('temporal'));
    const script = commandText(service('temporal-schema'));
    for (const [db, dir] of [
      [t.DBNAME ?? 'temporal', 'temporal'],
      [t.VISIBILITY_DBNAME ?? 'temporal_visibility', 'visibility'],
    ]) {
      expect(script).toContain(`--db ${db} create`);
      expect(script).toContain(`--db ${db} setup-schema -v 0.0`);
      expect(script).toContain(`--db ${db} update-schema -d /etc/temporal/schema/postgresql/v12/${dir}/versioned`);
    }
  });

  it('publishes only the api beyond loopback; Temporal and PostgreSQL stay internal', () => {
    const exposed = Object.entries(services).flatMap(([name, svc]) =>
      ports(svc)
        .filter((p) => !['127.0.0.1', 'localhost', '::1'].includes(p.hostIp ?? ''))
        .map((p) => `${name}:${p.target}`),
    );
    expect(exposed).toEqual([`api:${appEnv('api').PORT}`]);
    expect(ports(service('temporal'))).toEqual([]);
  });

  it('health-checks postgres with pg_isready and the api over HTTP with node', () => {
    expect(commandText({ command: service('postgres').healthcheck?.test })).toContain('pg_isready');
    const probe = commandText({ command: service('api').healthcheck?.test });
    expect(probe).toMatch(/\bnode\b/);
    expect(probe).toContain(`:${appEnv('api').PORT}/api/health/ready`);
    expect(probe).not.toMatch(/\b(curl|wget)\b/);
    // The worker's readiness on its own metrics port (docs/operations.md), never published.
    expect(commandText({ command: service('worker').healthcheck?.test })).toContain(`:${appEnv('worker').WORKER_METRICS_PORT}/health/ready`);
    expect(ports(service('worker'))).toEqual([]);
  });

  it('runs `npm run admin` as a one-off service that `docker compose up` leaves alone', () => {
    const admin = service('admin') as Service & { profiles?: string[] };
    expect(admin.profiles).toEqual(['admin']);
    expect(admin.image).toBe(service('api').image);
    expect(admin.entrypoint).toEqual(['node', 'dist/tools/admin.js']);
    expect(admin.restart ?? 'no').toBe('no');
    expect(dependsOn(admin)).toEqual({ migrate: 'service_completed_successfully' });
    expect(appEnv('admin')).toEqual({ NODE_ENV: 'production', DATABASE_URL: appEnv('api').DATABASE_URL });
    // The compiled tool the entrypoint names is what `npm run admin` runs.
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.admin).toContain('node dist/tools/admin.js');
    expect(read('README.md')).toContain('docker compose run --rm admin create-admin');
  });

  it('runs the built entry points and gives the worker time to drain', () => {
    expect(service('migrate').command).toEqual(['node', DIST.migrate]);
    // As npm start and the benchmark start them (libs/config/src/service-process.ts).
    expect(service('api').command).toEqual(['node', ...SERVICE_NODE_FLAGS, DIST.api]);
    expect(service('worker').command).toEqual(['node', ...SERVICE_NODE_FLAGS, DIST.worker]);
    expect(seconds(service('worker').stop_grace_period)).toBeGreaterThanOrEqual(60);
    for (const name of ['api', 'worker']) expect(service(name).restart).toBe('unless-stopped');
  });

  describe('evidence files and documents in MinIO (issue 19 §2)', () => {
    const minio = () => service('minio');
    const bucketJob = () => service('minio-bucket');

    it('runs MinIO pinned by release, its data in a named volume, its root credentials required variables, on the compose network only', () => {
      const { name, tag } = splitImage(minio().image ?? '');
      expect(name).toMatch(/(^|\/)minio\/minio$/);
      expect(tag).toMatch(/^RELEASE\.\d{4}-\d{2}-\d{2}T/);
      const dataDir = [minio().command].flat().join(' ').match(/\bserver\s+(\S+)/)?.[1];
      expect(dataDir).toBeTruthy();
      expect(mounts(minio())).toContainEqual(expect.objectContaining({ bind: false, target: dataDir }));
      for (const key of ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD']) expect(requiredVariables(rawEnv(minio())[key] ?? '')).toHaveLength(1);
      expect(ports(minio())).toEqual([]);
      expect(minio().healthcheck?.test).toBeTruthy();
    });

    it('creates the bucket once MinIO is healthy, in a one-off job the api and worker wait for', () => {
      expect(splitImage(bucketJob().image ?? '').name).toMatch(/(^|\/)minio\/mc$/);
      expect(dependsOn(bucketJob())).toMatchObject({ minio: 'service_healthy' });
      const script = commandText(bucketJob());
      expect(script).toMatch(/mc mb --ignore-existing \S+\/\$\$?\{?S3_BUCKET\}?/);
      expect(rawEnv(bucketJob()).S3_BUCKET).toBe(rawEnv(service('api')).S3_BUCKET);
      for (const name of ['api', 'worker']) expect(dependsOn(service(name))).toMatchObject({ 'minio-bucket': 'service_completed_successfully' });
    });

    it('points the api and worker at that bucket with the same store settings and credentials', () => {
      const store = ['FILE_STORE', 'S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'];
      const pick = (name: string) => Object.fromEntries(store.map((k) => [k, rawEnv(service(name))[k]]));
      expect(pick('worker')).toEqual(pick('api'));
      const api = appEnv('api');
      expect(api).toMatchObject({ FILE_STORE: 's3', S3_FORCE_PATH_STYLE: 'true' });
      expect(api.S3_BUCKET).toMatch(/^[a-z0-9][a-z0-9.-]{2,62}$/);
      expect({ ...hostOf(new URL(api.S3_ENDPOINT).host) }).toEqual({ host: 'minio', port: '9000' });
      expect(requiredVariables(rawEnv(service('api')).S3_ACCESS_KEY_ID ?? '')).toEqual(requiredVariables(rawEnv(minio()).MINIO_ROOT_USER ?? ''));
      expect(requiredVariables(rawEnv(service('api')).S3_SECRET_ACCESS_KEY ?? '')).toEqual(requiredVariables(rawEnv(minio()).MINIO_ROOT_PASSWORD ?? ''));
      // The header comment names every required variable.
      const header = read('docker-compose.yml').split('\nname:')[0];
      for (const variable of ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD']) expect(header).toContain(variable);
    });
  });

  describe('Temporal sees no plaintext (issue 16 §5)', () => {
    /** Where a service finds a compose secret: /run/secrets/<name> unless a target says otherwise. */
    const secretPath = (svc: Service, name: string): string | undefined => {
      const entry = (svc.secrets ?? []).find((s) => (typeof s === 'string' ? s : s.source) === name);
      if (entry === undefined) return undefined;
      const target = typeof entry === 'string' ? undefined : entry.target;
      return target?.startsWith('/') ? target : `/run/secrets/${target ?? name}`;
    };

    it('gives the api and the worker the same master keys, as a compose secret from a required file', () => {
      const paths = ['api', 'worker'].map((name) => appEnv(name).MASTER_KEYS_FILE);
      expect(paths[0]).toBeTruthy();
      expect(new Set(paths).size).toBe(1);
      for (const name of ['api', 'worker']) expect(appEnv(name).MASTER_KEYS).toBeUndefined();
      const secret = Object.entries(compose.secrets ?? {}).find(([name]) => ['api', 'worker'].every((svc) => secretPath(service(svc), name) === paths[0]));
      expect(secret).toBeDefined();
      expect(requiredVariables(secret?.[1].file ?? '')).toHaveLength(1);
    });

    it('runs the Temporal Web UI read-only, decoding through the API with the Dandang sign-in\'s session cookie', () => {
      const ui = env(service('temporal-ui'));
      expect(ui.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
      // The UI sends the browser's cookies (the API's session cookie), not a token of its own the API would refuse.
      expect(ui.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe('true');
      expect(ui.TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBeUndefined();
      // The browser calls the codec endpoint, at the API's published port.
      const codec = new URL(ui.TEMPORAL_CODEC_ENDPOINT ?? 'invalid:');
      expect(codec.pathname).toBe('/api/temporal-codec');
      expect(ports(service('api')).map((p) => p.published)).toContain(codec.port || (codec.protocol === 'https:' ? '443' : '80'));
      // …from the UI's origin, which the API lets through CORS; on the same host, so the SameSite=Strict cookie goes.
      const uiPort = ports(service('temporal-ui'))[0];
      expect(codec.hostname).toBe(uiPort.hostIp);
      expect(appEnv('api').TEMPORAL_CODEC_CORS_ORIGINS.split(',')).toContain(`http://${uiPort.hostIp}:${uiPort.published}`);
    });

    it('shows, commented out, how to turn on mTLS to the frontend for the server and for our clients', () => {
      const text = read('docker-compose.yml');
      const commented = text.split('\n').filter((l) => /^\s*#/.test(l)).join('\n');
      for (const server of ['TEMPORAL_TLS_REQUIRE_CLIENT_AUTH', 'TEMPORAL_TLS_FRONTEND_CERT', 'TEMPORAL_TLS_FRONTEND_KEY', 'TEMPORAL_TLS_CLIENT1_CA_CERT']) {
        expect({ server, commented: commented.includes(server) }).toEqual({ server, commented: true });
      }
      // The client side is what the API and worker read (libs/config, @temporalio/envconfig's names).
      for (const client of ['TEMPORAL_TLS_SERVER_CA_CERT_PATH', 'TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH']) {
        expect(isConfigVariable(client)).toBe(true);
        expect({ client, commented: commented.includes(client) }).toEqual({ client, commented: true });
      }
    });
  });

  describe('deploy/temporal/bootstrap.sh', () => {
    const bootstrap = service('temporal-bootstrap');
    const scriptPath = hostFileFor(bootstrap, String([bootstrap.command].flat()[0]));
    const script = read('deploy/temporal/bootstrap.sh');

    it('is the script the temporal-bootstrap service runs, in POSIX sh', () => {
      expect(scriptPath).toBe(resolve(ROOT, 'deploy/temporal/bootstrap.sh'));
      expect(script.split('\n')[0]).toBe('#!/bin/sh');
      expect(commandText(bootstrap)).toMatch(/^\/bin\/sh /);
    });

    it('registers exactly the search attributes of @dandang/contracts, with their types', () => {
      const block = /SEARCH_ATTRIBUTES="([^"]*)"/.exec(script)?.[1] ?? '';
      const registered = block.split(/\s+/).filter(Boolean).sort();
      expect(SEARCH_ATTRIBUTES.length).toBeGreaterThan(0);
      expect(registered).toEqual(SEARCH_ATTRIBUTES.map((a) => `${a.name}=${a.type}`).sort());
      expect(script).toContain('temporal operator search-attribute create');
    });

    it('stays within the per-namespace search attribute limits of PostgreSQL visibility', () => {
      const limits: Record<string, number> = { Keyword: 10 };
      const counts = SEARCH_ATTRIBUTES.reduce<Record<string, number>>(
        (acc, a) => ({ ...acc, [a.type]: (acc[a.type] ?? 0) + 1 }),
        {},
      );
      const over = Object.entries(counts).filter(([type, n]) => n > (limits[type] ?? 3));
      expect(over).toEqual([]);
    });

    it("creates the app's namespace with a retention of at least 30 days", () => {
      expect(env(bootstrap).TEMPORAL_NAMESPACE).toBe(appEnv('api').TEMPORAL_NAMESPACE);
      expect(script).toContain('temporal operator namespace create');
      const retention = env(bootstrap).TEMPORAL_NAMESPACE_RETENTION ?? /TEMPORAL_NAMESPACE_RETENTION:-(\w+)/.exec(script)?.[1];
      expect(retention).toMatch(/^\d+h$/);
      expect(parseInt(retention ?? '0', 10)).toBeGreaterThanOrEqual(30 * 24);
    });
  });

  describe('Dockerfile and .dockerignore', () => {
    it('builds from pinned Node 22 slim images only', () => {
      const external = stages.filter((s) => !stageByName(s.base)).map((s) => s.base);
      expect(external.length).toBeGreaterThan(0);
      expect(new Set(external)).toEqual(new Set([NODE_IMAGE]));
    });

    it('compiles with the full dependency set and ships only production dependencies', () => {
      const [build] = copiedFrom(finalStage, 'dist');
      expect(build).toBeDefined();
      const buildRuns = runs(lineage(build));
      const install = buildRuns.findIndex((r) => /\bnpm ci\b/.test(r) && !r.includes('--omit=dev'));
      const compile = buildRuns.findIndex((r) => /\bnpm run build\b/.test(r));
      expect(install).toBeGreaterThanOrEqual(0);
      expect(compile).toBeGreaterThan(install);

      const depsStages = [finalStage, ...copiedFrom(finalStage, 'node_modules')];
      expect(depsStages.some((s) => runs(lineage(s)).some((r) => /\bnpm ci\b.*--omit=dev/.test(r)))).toBe(true);
      expect(copiedFrom(finalStage, 'node_modules').every((s) => s !== build)).toBe(true);
    });

    it('relies on a build script that package.json defines', () => {
      const scripts = (JSON.parse(read('package.json')) as { scripts?: Record<string, string> }).scripts ?? {};
      expect(scripts.build).toEqual(expect.any(String));
    });

    it('runs as the unprivileged node user and starts the api by default', () => {
      expect(externalBase(finalStage)).toBe(NODE_IMAGE);
      const users = finalStage.instructions.filter((i) => i.op === 'USER').map((i) => i.args.trim());
      expect(users[users.length - 1]).toBe('node');
      const cmd = finalStage.instructions.filter((i) => i.op === 'CMD').pop();
      expect(JSON.parse(cmd?.args ?? 'null')).toEqual(['node', ...SERVICE_NODE_FLAGS, DIST.api]);
      const env = finalStage.instructions.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
      for (const [name, value] of Object.entries(SERVICE_PROCESS_ENV)) expect(env).toMatch(new RegExp(`\\b${name}=${value}\\b`));
      expect(workdir(finalStage)).toBe('/app');
    });

    it('keeps host artefacts and secrets out of the build context, but not the lockfile', () => {
      const patterns = read('.dockerignore')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      for (const required of ['node_modules', '.git', '.env', 'dist']) expect(patterns).toContain(required);
      for (const needed of ['package.json', 'package-lock.json', '*', '*.json', 'Dockerfile']) {
        expect(patterns).not.toContain(needed);
      }
    });
  });
});
