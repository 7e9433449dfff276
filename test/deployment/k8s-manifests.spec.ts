/**
 * deploy/k8s: the api and worker as Deployments scaled by replicas against an existing Temporal cluster, a Service for
 * the api, a migrate Job, secrets by reference only. Parsed and checked against docker-compose.yml (same commands,
 * every variable compose gives the api and worker) and the product's own variables. No cluster needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, SERVICE_PROCESS_ENV } from '@dandang/config';
import { composeRawEnv } from '../../tools/cluster/compose-env';

const ROOT = resolve(__dirname, '..', '..');
const DIR = resolve(ROOT, 'deploy', 'k8s');

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
}
interface PodSpec {
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
  terminationGracePeriodSeconds?: number;
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    ports?: { port: number; targetPort: string | number }[];
  };
}

const kustomization = parse(readFileSync(resolve(DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[]; images?: { name: string }[] };
const manifests: Manifest[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(resolve(DIR, file), 'utf8')).map((d) => d.toJS() as Manifest),
);
const find = (kind: string, name: string): Manifest => {
  const m = manifests.find((x) => x.kind === kind && x.metadata.name === name);
  if (!m) throw new Error(`deploy/k8s has no ${kind} ${name}`);
  return m;
};
const configMap = find('ConfigMap', 'dandang-config');
const container = (m: Manifest): Container => m.spec!.template!.spec.containers[0];

/** The variables a container gets: the ConfigMaps it loads whole, then its own entries. */
function envOf(c: Container): Map<string, EnvVar> {
  const vars = new Map<string, EnvVar>();
  for (const from of c.envFrom ?? []) {
    const map = from.configMapRef && find('ConfigMap', from.configMapRef.name);
    for (const [name, value] of Object.entries(map?.data ?? {})) vars.set(name, { name, value });
  }
  for (const e of c.env ?? []) vars.set(e.name, e);
  return vars;
}

function composeCommand(service: string): string[] {
  const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { command?: string[] }> };
  return compose.services[service].command ?? [];
}

describe('deploy/k8s (Kubernetes manifests)', () => {
  it('lists every manifest of the folder in its kustomization, and they parse', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    for (const m of manifests) expect({ kind: m.kind, name: m.metadata?.name, apiVersion: typeof m.apiVersion }).toEqual({ kind: m.kind, name: expect.any(String), apiVersion: 'string' });
  });

  it('runs api and worker as Deployments scaled by replicas, against an existing Temporal cluster', () => {
    for (const name of ['dandang-api', 'dandang-worker']) {
      const d = find('Deployment', name);
      expect(d.spec?.replicas).toBeGreaterThanOrEqual(2);
      expect(d.spec?.template?.metadata?.labels).toMatchObject(d.spec?.selector?.matchLabels ?? { missing: 'selector' });
      expect(container(d).image).toBe(kustomization.images?.[0].name);
    }
    // No Temporal, no PostgreSQL here: both exist already.
    expect(manifests.flatMap((m) => m.spec?.template?.spec.containers.map((c) => c.image) ?? [])).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/temporal|postgres/)]),
    );
    expect(configMap.data?.['TEMPORAL_ADDRESS']).toMatch(/^[\w.-]+:\d+$/);
  });

  it('runs the image’s entry points as compose does, the migrations in a Job', () => {
    expect(container(find('Deployment', 'dandang-api')).command).toEqual(composeCommand('api'));
    expect(container(find('Deployment', 'dandang-worker')).command).toEqual(composeCommand('worker'));
    expect(container(find('Job', 'dandang-migrate')).command).toEqual(composeCommand('migrate'));
  });

  it.each([
    ['api', 'dandang-api'],
    ['worker', 'dandang-worker'],
    ['migrate', 'dandang-migrate'],
  ])('gives the %s every variable compose gives it, and only variables the product reads', (service, name) => {
    const env = envOf(container(find(service === 'migrate' ? 'Job' : 'Deployment', name)));
    expect([...env.keys()]).toEqual(expect.arrayContaining(Object.keys(composeRawEnv(ROOT, service))));
    const unknown = [...env.keys()].filter((v) => !(CONFIG_VARIABLES as readonly string[]).includes(v) && !(v in SERVICE_PROCESS_ENV));
    expect(unknown).toEqual([]);
    expect(env.get('NODE_ENV')?.value).toBe('production');
  });

  it('takes secrets by reference only: no Secret object, no secret in the ConfigMap', () => {
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    for (const secret of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'JWT_SECRET', 'MASTER_KEYS', 'NOTIFICATION_WEBHOOK_SECRET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      expect(configMap.data ?? {}).not.toHaveProperty([secret]);
    }
    for (const m of manifests.filter((x) => x.spec?.template)) {
      const c = container(m);
      const env = envOf(c);
      for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'JWT_SECRET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
        if (env.has(name)) expect({ name, ref: env.get(name)?.valueFrom?.secretKeyRef?.name }).toEqual({ name, ref: expect.any(String) });
      }
      const keysFile = env.get('MASTER_KEYS_FILE')?.value;
      if (keysFile) {
        const mount = c.volumeMounts?.find((v) => v.mountPath === keysFile);
        const volume = m.spec?.template?.spec.volumes?.find((v) => v.name === mount?.name);
        expect({ container: c.name, secret: volume?.secret?.secretName }).toEqual({ container: c.name, secret: expect.any(String) });
      }
    }
  });

  it('probes the api’s liveness and readiness on its port, exposed by a Service', () => {
    const api = container(find('Deployment', 'dandang-api'));
    const port = Number(envOf(api).get('PORT')?.value);
    const http = api.ports?.find((p) => p.containerPort === port);
    expect(http?.name).toBeDefined();
    expect(api.livenessProbe?.httpGet).toEqual({ path: '/api/health/live', port: http?.name });
    expect(api.readinessProbe?.httpGet).toEqual({ path: '/api/health/ready', port: http?.name });
    const service = find('Service', 'dandang-api');
    expect(service.spec?.selector).toEqual(find('Deployment', 'dandang-api').spec?.selector?.matchLabels);
    expect(service.spec?.ports?.map((p) => p.targetPort)).toEqual([http?.name]);
  });

  it('probes the worker on its own listener and lets it drain on shutdown', () => {
    const d = find('Deployment', 'dandang-worker');
    const worker = container(d);
    const env = envOf(worker);
    const port = worker.ports?.find((p) => p.containerPort === Number(env.get('WORKER_METRICS_PORT')?.value));
    expect(port?.name).toBeDefined();
    // Probed from the node: the listener must not be loopback only.
    expect(env.get('METRICS_HOST')?.value).toBe('0.0.0.0');
    expect(worker.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: port?.name });
    expect(worker.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: port?.name });
    expect(d.spec?.template?.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(90);
  });
});
