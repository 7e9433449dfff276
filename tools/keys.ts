/**
 * `npm run keys -- <command>`: the master keys that seal reporter identities and Temporal payloads
 * (docs/key-management.md).
 *
 *   new <file>          writes a fresh key file (mode 0600); refuses to overwrite one
 *   rotate              adds a new current key to the file MASTER_KEYS_FILE names; the old keys stay to open old values
 *   rewrap              rewraps every sealed value in PostgreSQL under the current key (batched, resumable, idempotent)
 *   status              how many sealed values each key wraps
 *   drop <id> --temporal-checked
 *                       removes a key from the file once no sealed value in PostgreSQL uses it; the flag says that no
 *                       Temporal history still holds payloads sealed under it (they cannot be rewrapped)
 *   migrate             applies pending migrations with the keys (one seals reporter identities an older version
 *                       left in plaintext)
 *
 * DATABASE_URL and MASTER_KEYS_FILE as for the API; outside production, unset, they are the embedded database of
 * `npm start` and its `.data/master-keys.json`. Exit code 0 on success, 1 when refused or incomplete, 2 on bad usage.
 */
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadDatabaseUrl, loadMasterKeys } from '@dandang/config';
import { createDataSource, migrate, SealedValueRepository, withKeyRing } from '@dandang/persistence';
import { KeyRing, masterKeysText, newMasterKeys, parseMasterKeys, withNewCurrentKey, withoutKey, type MasterKeys } from '@dandang/sealing';

const USAGE = 'usage: npm run keys -- new <file> | rotate | rewrap | status | drop <key id> --temporal-checked | migrate';
const EMBEDDED_DEFAULTS = {
  DATABASE_URL: 'postgres://embedded:embedded@127.0.0.1:5433/dandang',
  MASTER_KEYS_FILE: resolve('.data', 'master-keys.json'),
};

type Env = Partial<Record<string, string | undefined>>;

class UsageError extends Error {}
class Refusal extends Error {}

/** Runs one command; returns the exit code. `log` gets each line of output. */
export async function runKeys(argv: readonly string[], env: Env = process.env, log: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  const settings = env['NODE_ENV'] === 'production' ? env : { ...EMBEDDED_DEFAULTS, ...definedOnly(env) };
  try {
    switch (command) {
      case 'new':
        return newKeyFile(rest, log);
      case 'rotate':
        return rotate(settings, log);
      case 'rewrap':
        return await rewrap(settings, log);
      case 'status':
        return await status(settings, log);
      case 'drop':
        return await drop(rest, settings, log);
      case 'migrate':
        return await migrateWithKeys(settings, log);
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      log(`keys: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof Refusal) {
      log(`keys: ${e.message}`);
      return e instanceof ConfigError ? 2 : 1;
    }
    throw e;
  }
}

function newKeyFile(args: readonly string[], log: (line: string) => void): number {
  const [file] = args;
  if (!file || args.length > 1) throw new UsageError('new needs the path of the key file to write');
  const keys = newMasterKeys();
  try {
    writeFileSync(file, masterKeysText(keys), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Refusal(`${file} exists; a key file is never overwritten (its keys may be the only way to open data)`);
    throw e;
  }
  log(`keys: wrote ${file} with key ${keys.current} (mode 0600); keep it apart from the database and back it up`);
  return 0;
}

/** The key file the settings name; rotation and drop change a file, never an inline secret. */
function keyFile(settings: Env): { path: string; keys: MasterKeys } {
  if (settings['MASTER_KEYS']) {
    throw new Refusal('MASTER_KEYS is set inline: rotate the secret where it is kept, or point MASTER_KEYS_FILE at a copy of it');
  }
  const path = settings['MASTER_KEYS_FILE'];
  if (!path) throw new ConfigError('MASTER_KEYS_FILE', 'is required: the key file to change');
  return { path, keys: parseMasterKeys(readFileSync(path, 'utf8')) };
}

/** Replaces the file in one step (a crash leaves the old file or the new one, never half of one), mode 0600. */
function writeKeyFile(path: string, keys: MasterKeys): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, masterKeysText(keys), { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

function rotate(settings: Env, log: (line: string) => void): number {
  const { path, keys } = keyFile(settings);
  const rotated = withNewCurrentKey(keys);
  writeKeyFile(path, rotated);
  log(`keys: ${path} now seals with ${rotated.current}; kept ${[...keys.keys.keys()].join(', ')} to open older values`);
  log('keys: next, restart the API and the worker (they read the keys at start), then run `npm run keys -- rewrap`');
  return 0;
}

async function withDatabase<T>(settings: Env, use: (dataSource: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const dataSource = await open(settings);
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const open = (settings: Env) => createDataSource(loadDatabaseUrl(settings), { poolSize: 2, applicationName: 'dandang-keys' }).initialize();

async function rewrap(settings: Env, log: (line: string) => void): Promise<number> {
  const ring = new KeyRing(loadMasterKeys(settings));
  const report = await withDatabase(settings, (ds) =>
    new SealedValueRepository(ds).rewrapAll(ring, { onBatch: (done) => log(`keys: ${done} value(s) rewrapped so far`) }),
  );
  log(`keys: ${report.rewrapped} sealed value(s) rewrapped under ${ring.currentKeyId}`);
  for (const p of report.problems) log(`keys: ${p.table} ${p.id}: ${p.problem}`);
  if (report.problems.length > 0) {
    log(`keys: ${report.problems.length} value(s) did not open and were left as they were`);
    return 1;
  }
  return 0;
}

async function status(settings: Env, log: (line: string) => void): Promise<number> {
  const keys = loadMasterKeys(settings);
  const counts = await withDatabase(settings, (ds) => new SealedValueRepository(ds).countByKey());
  for (const id of new Set([...keys.keys.keys(), ...counts.keys()])) {
    const where = !keys.keys.has(id) ? ' (NOT in the key file: these values cannot be opened)' : id === keys.current ? ' (current)' : '';
    log(`keys: ${id}: ${counts.get(id) ?? 0} sealed value(s)${where}`);
  }
  return 0;
}

async function drop(args: readonly string[], settings: Env, log: (line: string) => void): Promise<number> {
  const id = args.find((a) => !a.startsWith('--'));
  const flags = args.filter((a) => a.startsWith('--'));
  if (!id || args.length - flags.length !== 1 || flags.some((f) => f !== '--temporal-checked')) {
    throw new UsageError('drop needs one key id, and --temporal-checked');
  }
  const { path, keys } = keyFile(settings);
  if (!keys.keys.has(id)) throw new Refusal(`${path} has no key "${id}"`);
  if (id === keys.current) throw new Refusal(`"${id}" is the current key: rotate first`);
  const used = (await withDatabase(settings, (ds) => new SealedValueRepository(ds).countByKey())).get(id) ?? 0;
  if (used > 0) throw new Refusal(`${used} sealed value(s) in PostgreSQL still use "${id}": run \`npm run keys -- rewrap\` first`);
  if (!flags.includes('--temporal-checked')) {
    throw new Refusal(
      `PostgreSQL no longer uses "${id}", but Temporal histories sealed under it cannot be rewrapped: once no open ` +
        'workflow and no retained history predates the rotation (docs/key-management.md), add --temporal-checked',
    );
  }
  writeKeyFile(path, withoutKey(keys, id));
  log(`keys: dropped "${id}" from ${path}; restart the API and the worker`);
  return 0;
}

async function migrateWithKeys(settings: Env, log: (line: string) => void): Promise<number> {
  const ring = new KeyRing(loadMasterKeys(settings));
  const applied = await withDatabase(settings, (ds) => migrate(withKeyRing(ds, ring)));
  log(applied.length ? `keys: migrations applied: ${applied.join(', ')}` : 'keys: database schema is up to date');
  return 0;
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

if (require.main === module) {
  runKeys(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`keys: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
