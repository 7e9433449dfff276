/**
 * docker-compose.yml and the cluster profile (`npm run start:cluster`, tools/cluster) describe one deployment: the
 * same Temporal release, the same schema steps, the same init script, and for migrate, api and worker the very
 * variables compose gives them. Static: nothing is started or built.
 */
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { TEMPORAL_SERVER_VERSION } from '../../libs/embedded-services/src/temporal-server';
import { composeRawEnv, composeServiceEnv, interpolate } from '../../tools/cluster/compose-env';
import { CLUSTER_FILE_STORE, composeVariables, localCounterparts, type ClusterSecrets } from '../../tools/cluster/cluster';
import { initScriptStatements, initScriptVariables } from '../../tools/cluster/init-script';
import { TEMPORAL_DATABASES, TEMPORAL_SCHEMA_STEPS } from '../../tools/cluster/temporal-config';

const ROOT = resolve(__dirname, '..', '..');
const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { image?: string; command?: string | string[] }>;
};
const tagOf = (service: string) => (compose.services[service]?.image ?? '').split(':')[1] ?? '';

const SECRETS: ClusterSecrets = {
  postgresSuperuserPassword: 'superuser-pw',
  temporalDbPassword: 'temporal-pw',
  ownerDbPassword: 'owner-pw',
  appDbPassword: 'app-pw',
  jwtSecret: 'j'.repeat(48),
};
const LOCAL = { postgres: '127.0.0.1:54321', temporal: '127.0.0.1:17233', keysFile: '/tmp/cluster/master-keys.json', workflowBundle: '/tmp/build/workflow-bundle.js' };
const mapping = { variables: composeVariables(SECRETS), ...localCounterparts(LOCAL) };

describe('docker-compose.yml agrees with the cluster profile', () => {
  it('runs the Temporal release the cluster profile builds, schema tools and bootstrap included', () => {
    const release = TEMPORAL_SERVER_VERSION.replace(/^v/, '');
    expect(tagOf('temporal')).toBe(release);
    for (const admin of ['temporal-schema', 'temporal-bootstrap']) expect(tagOf(admin).split('-')[0]).toBe(release);
  });

  it('sets up the Temporal schemas with the same temporal-sql-tool steps, on the databases the server uses', () => {
    const script = [compose.services['temporal-schema'].command].flat().join('\n');
    const lines = script
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('temporal-sql-tool'));
    expect(lines).toEqual(TEMPORAL_SCHEMA_STEPS.map((step) => `temporal-sql-tool ${step.join(' ').replace('{schema}', '/etc/temporal/schema')}`));
    const server = composeRawEnv(ROOT, 'temporal');
    expect({ default: server['DBNAME'], visibility: server['VISIBILITY_DBNAME'] }).toEqual(TEMPORAL_DATABASES);
    // The cluster maps these to this machine (tools/cluster/cluster.ts); compose must still set them.
    expect(Object.keys(server)).toEqual(expect.arrayContaining(['POSTGRES_SEEDS', 'DB_PORT', 'BIND_ON_IP', 'PROMETHEUS_ENDPOINT', 'POSTGRES_USER', 'POSTGRES_PWD', 'NUM_HISTORY_SHARDS', 'DYNAMIC_CONFIG_FILE_PATH']));
    expect(composeRawEnv(ROOT, 'temporal-schema')).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_USER: server['POSTGRES_USER'] });
  });

  it('provides every variable compose requires, for every service the profile runs', () => {
    for (const service of ['postgres', 'temporal-schema', 'temporal', 'temporal-bootstrap', 'migrate', 'api', 'worker']) {
      for (const [name, value] of Object.entries(composeRawEnv(ROOT, service))) {
        // The file store's settings are replaced, not interpolated (CLUSTER_FILE_STORE): MinIO's secrets are not needed.
        if (['api', 'worker'].includes(service) && name in CLUSTER_FILE_STORE) continue;
        expect(() => interpolate(value, mapping.variables, service)).not.toThrow();
      }
    }
  });

  it('creates roles and databases with the statements of compose’s init script', () => {
    const statements = initScriptStatements(resolve(ROOT, 'deploy', 'postgres', 'init-app-db.sh'));
    expect(statements.filter((s) => s.gexec)).toHaveLength(4);
    expect(statements.map((s) => s.sql).join('\n')).toMatch(/REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC/);
    const vars = initScriptVariables(composeServiceEnv(ROOT, 'postgres', mapping));
    expect(vars).toMatchObject({ temporal_user: 'temporal', temporal_password: SECRETS.temporalDbPassword, app_password: SECRETS.appDbPassword });
  });

  it.each(['migrate', 'api', 'worker'])('gives %s exactly compose’s variables, with compose’s values but for this machine’s addresses and files', (service) => {
    const raw = composeRawEnv(ROOT, service);
    const replaced = service === 'migrate' ? {} : CLUSTER_FILE_STORE;
    const env = composeServiceEnv(ROOT, service, { ...mapping, replace: replaced });
    expect(Object.keys(env).sort()).toEqual(Object.keys(raw).sort());
    expect(env['NODE_ENV']).toBe('production');
    expect(env['DATABASE_URL']).toBe(`postgres://dandang:${SECRETS.appDbPassword}@${LOCAL.postgres}/dandang`);
    const leftovers = Object.entries(env).filter(([, v]) => /\$\{|\bpostgres:5432\b|^temporal:7233$|^\/(run|app|etc)\//.test(v));
    expect(leftovers).toEqual([]);
    if (service !== 'migrate') {
      expect(env).toMatchObject({ TEMPORAL_ADDRESS: LOCAL.temporal, JWT_SECRET: SECRETS.jwtSecret, MASTER_KEYS_FILE: LOCAL.keysFile });
    }
    // Whatever is not an address, a secret or a file keeps compose's value (its default).
    // Files on this machine's filesystem, and only that, where compose has MinIO.
    if (service !== 'migrate') expect(env).toMatchObject({ FILE_STORE: 'filesystem', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' });
    expect(Object.keys(replaced).filter((name) => !(name in raw))).toEqual([]);
    for (const [name, value] of Object.entries(raw)) {
      if (/\$\{|postgres:|temporal:|^\//.test(value) || name in replaced) continue;
      expect({ name, value: env[name] }).toEqual({ name, value });
    }
  });
});
