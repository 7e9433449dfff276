import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

/** The four services of a Temporal cluster, each run as a process of its own here (as a Helm chart runs them as pods). */
export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

/** Temporal's two databases, named as docker-compose.yml's temporal service names them (DBNAME, VISIBILITY_DBNAME). */
export const TEMPORAL_DATABASES = { default: 'temporal', visibility: 'temporal_visibility' } as const;

/**
 * The schema job of docker-compose.yml (its temporal-schema service), as temporal-sql-tool arguments; `{schema}` is the
 * release's `schema` folder (/etc/temporal/schema in the admin-tools image). Host, port, user, password and plugin
 * come from SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD and SQL_PLUGIN, as in compose.
 * test/deployment/cluster-compose.spec.ts holds compose to these lines.
 */
export const TEMPORAL_SCHEMA_STEPS: readonly (readonly string[])[] = [
  ['--db', TEMPORAL_DATABASES.default, 'create'],
  ['--db', TEMPORAL_DATABASES.default, 'setup-schema', '-v', '0.0'],
  ['--db', TEMPORAL_DATABASES.default, 'update-schema', '-d', '{schema}/postgresql/v12/temporal/versioned'],
  ['--db', TEMPORAL_DATABASES.visibility, 'create'],
  ['--db', TEMPORAL_DATABASES.visibility, 'setup-schema', '-v', '0.0'],
  ['--db', TEMPORAL_DATABASES.visibility, 'update-schema', '-d', '{schema}/postgresql/v12/visibility/versioned'],
];

export interface TemporalPorts {
  /** Per service: its gRPC port and its membership (ringpop) port; the frontend also its HTTP API port. */
  grpc: Record<TemporalService, number>;
  membership: Record<TemporalService, number>;
  frontendHttp: number;
  /** Per service: where its Prometheus metrics are served (each process needs a port of its own). */
  metrics: Record<TemporalService, number>;
}

export interface TemporalConfigInput {
  /** The release's config/development-postgres12.yaml. */
  sampleConfig: string;
  postgres: { host: string; port: number; user: string; password: string };
  databases: { default: string; visibility: string };
  ports: TemporalPorts;
  /**
   * Fixed for the life of the cluster's data. Compose and the Helm chart use 512 to leave room to grow; a one-machine
   * rehearsal on two cores would only spend them on shard housekeeping.
   */
  numHistoryShards: number;
  /** deploy/temporal/dynamicconfig/production.yaml: the same dynamic config as compose's server. */
  dynamicConfigFile: string;
  logLevel?: string;
}

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The server config of one service process, made from the release's own PostgreSQL sample: every service of the
 * cluster gets the same persistence, membership and ports (they find each other through the cluster_membership
 * table), and only its metrics address differs, since the processes share the host.
 */
export function temporalServiceConfig(input: TemporalConfigInput, service: TemporalService): string {
  const config = parse(readFileSync(input.sampleConfig, 'utf8')) as Yaml;
  config.log = { stdout: true, level: input.logLevel ?? 'warn' };
  const stores = config.persistence.datastores as Record<string, { sql: Yaml }>;
  config.persistence.numHistoryShards = input.numHistoryShards;
  for (const [name, store] of Object.entries(stores)) {
    Object.assign(store.sql, {
      pluginName: 'postgres12',
      databaseName: name === config.persistence.visibilityStore ? input.databases.visibility : input.databases.default,
      connectAddr: `${input.postgres.host}:${input.postgres.port}`,
      user: input.postgres.user,
      password: input.postgres.password,
    });
  }
  config.global.membership.broadcastAddress = '127.0.0.1';
  // No pprof listener (port 0); metrics per process.
  config.global.pprof = { port: 0 };
  config.global.metrics.prometheus.listenAddress = `127.0.0.1:${input.ports.metrics[service]}`;
  for (const s of TEMPORAL_SERVICES) {
    config.services[s].rpc = {
      grpcPort: input.ports.grpc[s],
      membershipPort: input.ports.membership[s],
      bindOnLocalHost: true,
      ...(s === 'frontend' ? { httpPort: input.ports.frontendHttp } : {}),
    };
  }
  config.clusterMetadata.clusterInformation[config.clusterMetadata.currentClusterName].rpcAddress = `127.0.0.1:${input.ports.grpc.frontend}`;
  // No archival: the sample's file-store archival writes under /tmp.
  config.archival = { history: { state: 'disabled' }, visibility: { state: 'disabled' } };
  config.namespaceDefaults = { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } };
  config.dynamicConfigClient = { filepath: input.dynamicConfigFile, pollInterval: '10s' };
  return stringify(config);
}
