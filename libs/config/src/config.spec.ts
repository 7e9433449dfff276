import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { masterKeysText, newMasterKeys } from '@dandang/sealing';
import { ConfigError, loadConfig, loadMigrationUrls } from './config';

const keysText = masterKeysText(newMasterKeys());
const valid = {
  DATABASE_URL: 'postgres://dandang:secret@db:5432/dandang',
  TEMPORAL_ADDRESS: 'temporal:7233',
  MASTER_KEYS: keysText,
  JWT_SECRET: 'a-secret-of-this-deployment-at-least-32-chars',
};

describe('loadConfig', () => {
  it('fills defaults for development', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, temporal: { namespace: 'default', taskQueue: 'dandang-cases' } });
    expect(config.jwtSecret).toBe(valid.JWT_SECRET);
    expect(config.workerMaxCachedWorkflows).toBe(200);
    expect(loadConfig({ ...valid, WORKER_MAX_CACHED_WORKFLOWS: '400' }).workerMaxCachedWorkflows).toBe(400);
    expect(config.workerWorkflowThreads).toBe(1);
    expect(loadConfig({ ...valid, WORKER_WORKFLOW_THREADS: '2' }).workerWorkflowThreads).toBe(2);
    expect(config.loginLock).toEqual({ maxFailures: 5, lockSeconds: 900 });
    expect(loadConfig({ ...valid, LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '60' }).loginLock).toEqual({ maxFailures: 3, lockSeconds: 60 });
    expect(config).toMatchObject({ loginRate: { limit: 30, windowSeconds: 60 }, trustProxy: false, passwordCheckQueue: 32, sessionIdleSeconds: 1800 });
    expect(
      loadConfig({ ...valid, LOGIN_RATE_LIMIT: '5', LOGIN_RATE_WINDOW_SECONDS: '10', PASSWORD_CHECK_QUEUE: '4', SESSION_IDLE_SECONDS: '900' }),
    ).toMatchObject({ loginRate: { limit: 5, windowSeconds: 10 }, passwordCheckQueue: 4, sessionIdleSeconds: 900 });
  });

  it('signs tokens with the development secret only over the embedded database, never in production', () => {
    const embedded = { ...valid, JWT_SECRET: undefined, DANDANG_EMBEDDED_DATABASE: '1' };
    expect(loadConfig(embedded)).toMatchObject({ embeddedDatabase: true, jwtSecret: expect.stringMatching(/^.{32,}$/) });
    expect(loadConfig({ ...embedded, NODE_ENV: 'test' }).embeddedDatabase).toBe(true);
    for (const NODE_ENV of ['development', 'test']) {
      expect(() => loadConfig({ ...valid, NODE_ENV, JWT_SECRET: undefined })).toThrow(/^Invalid configuration: JWT_SECRET is required with a DATABASE_URL of your own/);
    }
    expect(() => loadConfig({ ...embedded, NODE_ENV: 'production' })).toThrow(/^Invalid configuration: JWT_SECRET is required in production/);
    expect(loadConfig({ ...embedded, JWT_SECRET: valid.JWT_SECRET }).jwtSecret).toBe(valid.JWT_SECRET);
  });

  it('migrates as the owner role when MIGRATION_DATABASE_URL names one, and checkpoints hourly unless told', () => {
    const owner = 'postgres://dandang_owner:other@db:5432/dandang';
    expect(loadMigrationUrls(valid)).toEqual({ owner: valid.DATABASE_URL, app: valid.DATABASE_URL });
    expect(loadMigrationUrls({ ...valid, MIGRATION_DATABASE_URL: owner })).toEqual({ owner, app: valid.DATABASE_URL });
    expect(loadConfig({ ...valid, MIGRATION_DATABASE_URL: owner }).migrationDatabaseUrl).toBe(owner);
    expect(loadConfig(valid)).toMatchObject({ migrationDatabaseUrl: undefined, auditCheckpointIntervalSeconds: 3600 });
    expect(loadConfig({ ...valid, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '600' }).auditCheckpointIntervalSeconds).toBe(600);
  });

  it('logs at info (error under test), serves no metrics and traces nothing unless told, and keeps operational rows by the defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ logLevel: 'info', metrics: { host: '127.0.0.1' }, otlpEndpoint: undefined });
    expect(config.metrics.apiPort).toBeUndefined();
    expect(config.metrics.workerPort).toBeUndefined();
    expect(config.housekeeping).toEqual({ idempotencyKeyDays: 7, loginFailureDays: 7, sessionDays: 30, readNotificationDays: 90 });
    expect(loadConfig({ ...valid, NODE_ENV: 'test' }).logLevel).toBe('error');
    expect(
      loadConfig({ ...valid, LOG_LEVEL: 'debug', METRICS_PORT: '9464', WORKER_METRICS_PORT: '9465', METRICS_HOST: '0.0.0.0', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/', HOUSEKEEPING_SESSION_DAYS: '14' }),
    ).toMatchObject({ logLevel: 'debug', metrics: { apiPort: 9464, workerPort: 9465, host: '0.0.0.0' }, otlpEndpoint: 'http://otel:4318', housekeeping: { sessionDays: 14 } });
  });

  it('trusts X-Forwarded-For only from the proxies it is told of', () => {
    expect(loadConfig({ ...valid, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: '10.0.0.0/8, 192.168.1.2' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.2']);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy).toEqual(['loopback', 'uniquelocal']);
  });

  it('reads the master keys from a file or inline, never both', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dandang-keys-')), 'keys.json');
    writeFileSync(file, keysText);
    const fromFile = loadConfig({ ...valid, MASTER_KEYS: undefined, MASTER_KEYS_FILE: file }).masterKeys;
    expect(fromFile.current).toBe(loadConfig(valid).masterKeys.current);
    expect(() => loadConfig({ ...valid, MASTER_KEYS_FILE: file })).toThrow(/MASTER_KEYS and MASTER_KEYS_FILE are both set/);
  });

  it.each([
    [{ ...valid, PORT: 'eighty' }, 'PORT'],
    [{ ...valid, PORT: '70000' }, 'PORT'],
    [{ TEMPORAL_ADDRESS: 'temporal:7233' }, 'DATABASE_URL'],
    [{ ...valid, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...valid, TEMPORAL_ADDRESS: 'http://temporal' }, 'TEMPORAL_ADDRESS'],
    [{ ...valid, NODE_ENV: 'production', JWT_SECRET: undefined }, 'JWT_SECRET'],
    [{ ...valid, JWT_SECRET: undefined }, 'JWT_SECRET'],
    [{ ...valid, JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ...valid, NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ ...valid, WORKER_MAX_CACHED_WORKFLOWS: '0' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
    [{ ...valid, WORKER_MAX_CACHED_WORKFLOWS: 'many' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
    [{ ...valid, WORKER_WORKFLOW_THREADS: '0' }, 'WORKER_WORKFLOW_THREADS'],
    [{ ...valid, LOGIN_MAX_FAILURES: '0' }, 'LOGIN_MAX_FAILURES'],
    [{ ...valid, LOGIN_LOCK_SECONDS: 'a while' }, 'LOGIN_LOCK_SECONDS'],
    [{ ...valid, LOGIN_RATE_LIMIT: '0' }, 'LOGIN_RATE_LIMIT'],
    [{ ...valid, LOGIN_RATE_WINDOW_SECONDS: 'soon' }, 'LOGIN_RATE_WINDOW_SECONDS'],
    [{ ...valid, TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ ...valid, PASSWORD_CHECK_QUEUE: '-1' }, 'PASSWORD_CHECK_QUEUE'],
    [{ ...valid, SESSION_IDLE_SECONDS: '0' }, 'SESSION_IDLE_SECONDS'],
    [{ ...valid, MIGRATION_DATABASE_URL: 'owner@db' }, 'MIGRATION_DATABASE_URL'],
    [{ ...valid, AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'hourly' }, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS'],
    [{ ...valid, MASTER_KEYS: undefined }, 'MASTER_KEYS_FILE'],
    [{ ...valid, MASTER_KEYS: '{"current":"a","keys":{}}' }, 'MASTER_KEYS'],
    [{ ...valid, MASTER_KEYS_FILE: '/nonexistent/keys.json' }, 'MASTER_KEYS'],
    [{ ...valid, MASTER_KEYS: undefined, MASTER_KEYS_FILE: '/nonexistent/keys.json' }, 'MASTER_KEYS_FILE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});

describe('loadConfig: the connection to Temporal and its codec endpoint', () => {
  const certs = mkdtempSync(join(tmpdir(), 'dandang-tls-'));
  const file = (name: string, text: string): string => {
    writeFileSync(join(certs, name), text);
    return join(certs, name);
  };
  const ca = file('ca.pem', 'CA CERTIFICATE');
  const crt = file('client.pem', 'CLIENT CERTIFICATE');
  const key = file('client.key', 'CLIENT KEY');

  it('connects in plaintext unless a TEMPORAL_TLS variable is set', () => {
    expect(loadConfig(valid).temporal.tls).toBeUndefined();
    expect(loadConfig({ ...valid, TEMPORAL_TLS: 'false' }).temporal.tls).toBeUndefined();
    expect(loadConfig({ ...valid, TEMPORAL_TLS: 'true' }).temporal.tls).toEqual(expect.any(Object));
  });

  it('reads mTLS from the TEMPORAL_TLS_* variables of @temporalio/envconfig, certificates included', () => {
    const tls = loadConfig({
      ...valid,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
      TEMPORAL_TLS_CLIENT_CERT_PATH: crt,
      TEMPORAL_TLS_CLIENT_KEY_PATH: key,
    }).temporal.tls;
    expect(tls?.serverNameOverride).toBe('temporal.internal');
    expect(Buffer.from(tls?.serverRootCACertificate ?? []).toString()).toBe('CA CERTIFICATE');
    expect(Buffer.from(tls?.clientCertPair?.crt ?? []).toString()).toBe('CLIENT CERTIFICATE');
    expect(Buffer.from(tls?.clientCertPair?.key ?? []).toString()).toBe('CLIENT KEY');
  });

  it.each([
    [{ TEMPORAL_TLS: 'yes' }, 'TEMPORAL_TLS'],
    [{ TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'x' }, 'TEMPORAL_TLS'],
    [{ TEMPORAL_TLS_CLIENT_CERT_PATH: 'CRT' }, 'TEMPORAL_TLS_CLIENT_KEY_PATH'],
    [{ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/nowhere/ca.pem' }, 'TEMPORAL_TLS_SERVER_CA_CERT_PATH'],
    [{ TEMPORAL_TLS_CLIENT_CERT_PATH: 'CRT', TEMPORAL_TLS_CLIENT_KEY_PATH: '/nowhere/client.key' }, 'TEMPORAL_TLS_CLIENT_KEY_PATH'],
    [{ TEMPORAL_CODEC_CORS_ORIGINS: 'temporal-ui:8080' }, 'TEMPORAL_CODEC_CORS_ORIGINS'],
    [{ TEMPORAL_CODEC_CORS_ORIGINS: 'http://ui:8080/path' }, 'TEMPORAL_CODEC_CORS_ORIGINS'],
  ])('refuses %j naming %s', (env, variable) => {
    const withFiles = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === 'CRT' ? crt : v]));
    expect(() => loadConfig({ ...valid, ...withFiles })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it("sends the register of effects to the organisation department's own webhook, or to the notifications' when none is set apart", () => {
    expect(loadConfig(valid)).toMatchObject({ notificationWebhook: undefined, effectsWebhook: undefined });
    const notifications = { NOTIFICATION_WEBHOOK_URL: 'https://oa.example/hook', NOTIFICATION_WEBHOOK_SECRET: 'a-notification-secret' };
    expect(loadConfig({ ...valid, ...notifications }).effectsWebhook).toEqual({ url: 'https://oa.example/hook', secret: 'a-notification-secret' });
    const apart = { ...notifications, EFFECTS_WEBHOOK_URL: 'https://zzb.example/effects', EFFECTS_WEBHOOK_SECRET: 'the-organisation-secret' };
    expect(loadConfig({ ...valid, ...apart })).toMatchObject({
      notificationWebhook: { url: 'https://oa.example/hook' },
      effectsWebhook: { url: 'https://zzb.example/effects', secret: 'the-organisation-secret' },
    });
    expect(() => loadConfig({ ...valid, EFFECTS_WEBHOOK_URL: 'https://zzb.example/effects' })).toThrow(/^Invalid configuration: EFFECTS_WEBHOOK_SECRET /);
  });

  it('allows the codec endpoint to no browser origin unless TEMPORAL_CODEC_CORS_ORIGINS names some', () => {
    expect(loadConfig(valid).temporalCodec).toEqual({ corsOrigins: [] });
    expect(loadConfig({ ...valid, TEMPORAL_CODEC_CORS_ORIGINS: 'http://127.0.0.1:8080, https://temporal-ui.example' }).temporalCodec).toEqual({
      corsOrigins: ['http://127.0.0.1:8080', 'https://temporal-ui.example'],
    });
  });
});
