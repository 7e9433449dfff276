/**
 * `npm run admin -- <command>`: administration from the command line, for what the product cannot do before anyone
 * can sign in to it (README, "First start of a production stack").
 *
 *   create-admin <username> [--name <display name>] [--unit-code <code>] [--unit-name <name>]
 *       creates a system administrator (系统管理员) and prints a one-time password, once: it must be changed at the
 *       first sign-in. Refuses a username that exists. The account goes into the unit --unit-code names (created as
 *       a top unit, named --unit-name, when no unit has that code); without it, into the one top unit there is, or
 *       into a new top unit ROOT when there is none yet. The administrator then builds the rest in the product.
 *
 * DATABASE_URL as for the API; outside production, unset, it is the embedded database of `npm start`. In compose:
 * `docker compose run --rm admin create-admin <username>`. Exit code 0 on success, 1 when refused, 2 on bad usage.
 */
import { randomUUID } from 'node:crypto';
import { ConfigError, loadDatabaseUrl } from '@dandang/config';
import { displayNameProblems, unitCodeProblems, unitNameProblems, unitPath, usernameProblems } from '@dandang/domain';
import { AdministrationRepository, SecurityEventRepository, TakenError, createDataSource, hashPassword, oneTimePassword } from '@dandang/persistence';

const USAGE = 'usage: npm run admin -- create-admin <username> [--name <display name>] [--unit-code <code>] [--unit-name <name>]';
const EMBEDDED_DEFAULTS = {
  // As the application role npm start gives the API and worker (tools/start/services.ts EMBEDDED_ROLES).
  DATABASE_URL: 'postgres://dandang_app:dandang_app@127.0.0.1:5433/dandang',
};
const DEFAULT_UNIT = { code: 'ROOT', name: '本级纪委监委 (Commission)' };
/** Who the security-event log names as the actor: nobody is signed in. */
const ACTOR = 'npm run admin';

type Env = Partial<Record<string, string | undefined>>;

class UsageError extends Error {}
class Refusal extends Error {}

/** Runs one command; returns the exit code. `log` gets each line of output. */
export async function runAdmin(argv: readonly string[], env: Env = process.env, log: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  const settings = env['NODE_ENV'] === 'production' ? env : { ...EMBEDDED_DEFAULTS, ...definedOnly(env) };
  try {
    if (command !== 'create-admin') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    return await createAdmin(parseArgs(rest), settings, log);
  } catch (e) {
    if (e instanceof UsageError) {
      log(`admin: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof Refusal) {
      log(`admin: ${e.message}`);
      return e instanceof ConfigError ? 2 : 1;
    }
    throw e;
  }
}

interface CreateAdminArgs {
  username: string;
  name: string;
  unitCode?: string;
  unitName?: string;
}

function parseArgs(args: readonly string[]): CreateAdminArgs {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (['--name', '--unit-code', '--unit-name'].includes(arg)) {
      if (args[i + 1] === undefined) throw new UsageError(`${arg} needs a value`);
      flags[arg] = args[++i];
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError('create-admin needs exactly one username');
  const parsed = { username: positional[0], name: flags['--name'] ?? '系统管理员 (Administrator)', unitCode: flags['--unit-code'], unitName: flags['--unit-name'] };
  const problems = [
    ...usernameProblems(parsed.username, 'username'),
    ...displayNameProblems(parsed.name, '--name'),
    ...(parsed.unitCode !== undefined ? unitCodeProblems(parsed.unitCode, '--unit-code') : []),
    ...(parsed.unitName !== undefined ? unitNameProblems(parsed.unitName, '--unit-name') : []),
  ];
  if (problems.length) throw new UsageError(problems.map((p) => `${p.field} ${p.message}`).join('; '));
  return parsed;
}

async function createAdmin(args: CreateAdminArgs, settings: Env, log: (line: string) => void): Promise<number> {
  const dataSource = await createDataSource(loadDatabaseUrl(settings), { poolSize: 2, applicationName: 'dandang-admin' }).initialize();
  try {
    const administration = new AdministrationRepository(dataSource);
    if (await administration.findUserByUsername(args.username)) throw new Refusal(`user "${args.username}" exists already; nothing was changed`);
    const unit = await unitFor(administration, args);
    const password = oneTimePassword(args.username);
    const id = randomUUID();
    try {
      const created = await administration.createUser({
        id,
        username: args.username,
        displayName: args.name,
        passwordHash: await hashPassword(password),
        roles: ['ADMIN'],
        orgUnitId: unit.id,
        mustChangePassword: true,
      });
      if (!created) throw new Refusal(`unit ${unit.code} is retired; name a unit in service with --unit-code`);
    } catch (e) {
      if (e instanceof TakenError) throw new Refusal(`user "${args.username}" exists already; nothing was changed`);
      throw e;
    }
    await new SecurityEventRepository(dataSource).append({
      kind: 'USER_CREATED',
      occurredAt: new Date(),
      actorId: null,
      actorName: ACTOR,
      subject: id,
      reason: 'administrator created from the command line (npm run admin -- create-admin)',
      details: { username: args.username, roles: ['ADMIN'], orgUnitId: unit.id },
    });
    log(`admin: created administrator "${args.username}" in unit ${unit.code} (${unit.name})`);
    log(`admin: one-time password, shown this once (to be changed at the first sign-in): ${password}`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

/** The unit --unit-code names (created as a top unit if new), else the only top unit, else a new top unit ROOT. */
async function unitFor(administration: AdministrationRepository, args: CreateAdminArgs): Promise<{ id: string; code: string; name: string }> {
  const units = await administration.listUnits();
  const wanted = args.unitCode ?? (units.length === 0 ? DEFAULT_UNIT.code : undefined);
  if (wanted === undefined) {
    const tops = units.filter((u) => u.parentId === null && !u.retiredAt);
    if (tops.length !== 1) throw new Refusal(`there are ${tops.length} top units in service: name one with --unit-code (${tops.map((u) => u.code).join(', ')})`);
    return tops[0];
  }
  const existing = units.find((u) => u.code === wanted);
  if (existing) {
    if (existing.retiredAt) throw new Refusal(`unit ${wanted} is retired; name a unit in service with --unit-code`);
    return existing;
  }
  const name = args.unitName ?? (args.unitCode === undefined ? DEFAULT_UNIT.name : undefined);
  if (!name) throw new UsageError(`no unit has the code ${wanted}: give --unit-name to create it as a top unit`);
  const id = randomUUID();
  await administration.createUnit({ id, code: wanted, name, parentId: null, path: unitPath(null, id), regionCode: null });
  return { id, code: wanted, name };
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

if (require.main === module) {
  runAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`admin: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
