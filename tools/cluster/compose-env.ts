import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The cluster profile takes each process's environment from docker-compose.yml, the reference deployment: the same
 * names, compose's defaults (`${NAME:-default}`), the cluster's secrets for the required ones (`${NAME:?message}`).
 * Only what names the container world is mapped to this machine, each explicitly: a compose host:port to a local
 * address, a path inside the image to a local file, a listening port to a free one. A value compose adds that names a
 * path or a host with no local counterpart is an error here, so that the two cannot drift apart silently.
 */
export interface ComposeEnvMapping {
  /** Values for `${NAME}` references: secrets, and settings that differ from compose's defaults. */
  variables: Record<string, string | undefined>;
  /** `host:port` of compose's network → an address on this machine (e.g. `postgres:5432` → `127.0.0.1:54321`). */
  addresses?: Record<string, string>;
  /** Absolute paths inside the containers → local paths. */
  paths?: Record<string, string>;
  /** Variables whose value is replaced outright (e.g. PORT, SQL_HOST). Each must be one compose sets. */
  replace?: Record<string, string>;
}

type ComposeService = { environment?: Record<string, string | number | boolean | null> | string[] };

export function readCompose(root: string): { services: Record<string, ComposeService> } {
  return parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
}

/** The raw environment of a compose service (list or map syntax), values uninterpolated. */
export function composeRawEnv(root: string, service: string): Record<string, string> {
  const svc = readCompose(root).services[service];
  if (!svc) throw new Error(`docker-compose.yml has no service "${service}"`);
  const env = svc.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Compose's interpolation: `$$`, `${NAME}`, `$NAME`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}`. */
export function interpolate(value: string, variables: Record<string, string | undefined>, where: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_]\w*)/g, (match, name?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    const variable = (name ?? bare)!;
    const given = variables[variable];
    const unset = op?.startsWith(':') ? !given : given === undefined;
    if (!unset) return given!;
    if (op?.endsWith('-')) return arg ?? '';
    if (op?.endsWith('?')) throw new Error(`${where}: ${variable} is required by docker-compose.yml (${arg}) and the cluster profile does not provide it`);
    return '';
  });
}

/** A compose service's environment for a process on this machine (see ComposeEnvMapping). */
export function composeServiceEnv(root: string, service: string, mapping: ComposeEnvMapping): Record<string, string> {
  const raw = composeRawEnv(root, service);
  for (const name of Object.keys(mapping.replace ?? {})) {
    if (!(name in raw)) throw new Error(`docker-compose.yml's ${service} service no longer sets ${name}`);
  }
  const out: Record<string, string> = {};
  for (const [name, rawValue] of Object.entries(raw)) {
    if (mapping.replace && name in mapping.replace) {
      out[name] = mapping.replace[name];
      continue;
    }
    let value = interpolate(rawValue, mapping.variables, `${service}.${name}`);
    for (const [from, to] of Object.entries(mapping.addresses ?? {})) {
      value = value.replace(new RegExp(`(^|[/@])${from.replace(/[.]/g, '\\.')}(?=$|/)`, 'g'), `$1${to}`);
    }
    if (value.startsWith('/')) {
      const local = mapping.paths?.[value];
      if (local === undefined) throw new Error(`docker-compose.yml's ${service}.${name} names ${value} in the container; the cluster profile has no local counterpart`);
      value = local;
    }
    out[name] = value;
  }
  return out;
}
