import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { masterKeysText, newMasterKeys } from '@dandang/sealing';
import { ConfigError, loadConfig } from './config';

const keysText = masterKeysText(newMasterKeys());
const valid = {
  DATABASE_URL: 'postgres://dandang:secret@db:5432/dandang',
  TEMPORAL_ADDRESS: 'temporal:7233',
  MASTER_KEYS: keysText,
};

describe('loadConfig', () => {
  it('fills defaults for development', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, temporal: { namespace: 'default', taskQueue: 'dandang-cases' } });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.workerMaxCachedWorkflows).toBe(200);
    expect(loadConfig({ ...valid, WORKER_MAX_CACHED_WORKFLOWS: '400' }).workerMaxCachedWorkflows).toBe(400);
    expect(config.workerWorkflowThreads).toBe(1);
    expect(loadConfig({ ...valid, WORKER_WORKFLOW_THREADS: '2' }).workerWorkflowThreads).toBe(2);
    expect(config.loginLock).toEqual({ maxFailures: 5, lockSeconds: 900 });
    expect(loadConfig({ ...valid, LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '60' }).loginLock).toEqual({ maxFailures: 3, lockSeconds: 60 });
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
    [{ ...valid, NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ ...valid, JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ...valid, NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ ...valid, WORKER_MAX_CACHED_WORKFLOWS: '0' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
    [{ ...valid, WORKER_MAX_CACHED_WORKFLOWS: 'many' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
    [{ ...valid, WORKER_WORKFLOW_THREADS: '0' }, 'WORKER_WORKFLOW_THREADS'],
    [{ ...valid, LOGIN_MAX_FAILURES: '0' }, 'LOGIN_MAX_FAILURES'],
    [{ ...valid, LOGIN_LOCK_SECONDS: 'a while' }, 'LOGIN_LOCK_SECONDS'],
    [{ ...valid, MASTER_KEYS: undefined }, 'MASTER_KEYS_FILE'],
    [{ ...valid, MASTER_KEYS: '{"current":"a","keys":{}}' }, 'MASTER_KEYS'],
    [{ ...valid, MASTER_KEYS_FILE: '/nonexistent/keys.json' }, 'MASTER_KEYS'],
    [{ ...valid, MASTER_KEYS: undefined, MASTER_KEYS_FILE: '/nonexistent/keys.json' }, 'MASTER_KEYS_FILE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
