import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import { loadClientConnectConfig } from '@temporalio/envconfig';

type Env = Partial<Record<string, string | undefined>>;

/** The TLS variables, named as `@temporalio/envconfig` and the Temporal CLI name them. */
export const TEMPORAL_TLS_VARIABLES = [
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
] as const;
export type TemporalTlsVariable = (typeof TEMPORAL_TLS_VARIABLES)[number];

/**
 * TLS (mTLS with a client certificate) to the Temporal frontend, read with `@temporalio/envconfig` from the
 * `TEMPORAL_TLS*` variables; undefined for a plaintext connection (a frontend on a private network, the dev server).
 * Certificates are read now, so a missing file fails the boot naming its variable (`fail`).
 */
export function loadTemporalTls(env: Env, fail: (variable: TemporalTlsVariable, problem: string) => never): TLSConfig | undefined {
  const given: Partial<Record<TemporalTlsVariable, string>> = {};
  for (const name of TEMPORAL_TLS_VARIABLES) {
    const value = env[name]?.trim();
    if (value) given[name] = value;
  }
  if (Object.keys(given).length === 0) return undefined;
  const enabled = given.TEMPORAL_TLS;
  if (enabled !== undefined && enabled !== 'true' && enabled !== 'false') fail('TEMPORAL_TLS', `must be true or false, not "${enabled}"`);
  const settings = TEMPORAL_TLS_VARIABLES.filter((name) => name !== 'TEMPORAL_TLS' && given[name]);
  if (enabled === 'false') {
    if (settings.length) fail('TEMPORAL_TLS', `is false, yet ${settings.join(', ')} set`);
    return undefined;
  }
  if (Boolean(given.TEMPORAL_TLS_CLIENT_CERT_PATH) !== Boolean(given.TEMPORAL_TLS_CLIENT_KEY_PATH)) {
    fail(given.TEMPORAL_TLS_CLIENT_CERT_PATH ? 'TEMPORAL_TLS_CLIENT_KEY_PATH' : 'TEMPORAL_TLS_CLIENT_CERT_PATH', 'is required with the other half of the client certificate pair');
  }
  // One file at a time first, so that an unreadable one is named.
  for (const name of settings.filter((n) => n.endsWith('_PATH'))) {
    try {
      loadClientConnectConfig({ disableFile: true, overrideEnvVars: { [name]: given[name]! } });
    } catch {
      fail(name, `names "${given[name]}", which cannot be read`);
    }
  }
  const { connectionOptions } = loadClientConnectConfig({ disableFile: true, overrideEnvVars: { ...given, TEMPORAL_TLS: 'true' } });
  return typeof connectionOptions.tls === 'object' && connectionOptions.tls ? connectionOptions.tls : {};
}
