/**
 * `npm run verify [-- --case <id>]... [--repair] [--json]`: compares the PostgreSQL read model of every case with
 * the case workflow's own state (the `caseState` query), and verifies every audit chain. Reports each difference;
 * `--repair` re-projects the workflow's state into the read model (the audit trail is append-only and never
 * rewritten: a broken chain stays reported). Without --case it also compares the dashboard counters with a
 * recomputation, and `--repair` rebuilds them; it verifies the security-event log's chain, and every audit chain
 * against the newest signed checkpoint (a cut tail, a rewritten event, a trail deleted with its case row, an altered
 * or stale checkpoint). Exit code 0 when consistent, 1 when differences remain, 2 on bad arguments or configuration.
 *
 * Configuration as for the API and worker (DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_TASK_QUEUE); outside production an unset DATABASE_URL / TEMPORAL_ADDRESS means the services that
 * `npm start` embeds on their default ports. Querying a workflow needs a worker polling its task queue.
 */
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig, type AppConfig } from '@dandang/config';
import { createDataSource } from '@dandang/persistence';
import { sealedDataConverter } from '@dandang/sealing';
import type { CounterDifference } from '@dandang/persistence';
import { KeyRing } from '@dandang/sealing';
import { verifyCases, type CaseDifference, type CaseReport } from './verify/compare';
import { verifyCounters, type CounterReport } from './verify/counters';
import { describeCheckpointProblem, verifyCheckpoint, type CheckpointReport } from './verify/checkpoint';
import { describeSecurityEvents, verifySecurityEvents } from './verify/security-events';

const EMBEDDED_DEFAULTS = {
  // As the application role npm start gives the API and worker (tools/start/services.ts EMBEDDED_ROLES).
  DATABASE_URL: 'postgres://dandang_app:dandang_app@127.0.0.1:5433/dandang',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  // The key file `npm start` generates beside the embedded database (npm runs scripts from the repository's root).
  MASTER_KEYS_FILE: resolve('.data', 'master-keys.json'),
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = 'usage: npm run verify -- [--case <case id>]... [--repair] [--json]';

interface Args {
  caseIds?: string[];
  repair: boolean;
  json: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { repair: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--repair') args.repair = true;
    else if (a === '--json') args.json = true;
    else if (a === '--case' || a.startsWith('--case=')) {
      const id = a === '--case' ? argv[++i] : a.slice('--case='.length);
      if (!id || !UUID.test(id)) throw new UsageError(`--case needs a case id (a UUID), not "${id ?? ''}"`);
      (args.caseIds ??= []).push(id.toLowerCase());
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown argument "${a}"`);
  }
  return args;
}

function configFromEnv(): AppConfig {
  const given = definedOnly(process.env);
  // The embedded database (no DATABASE_URL given) is the one whose tokens may use the development secret.
  const embedded = given['DATABASE_URL'] ? {} : { DANDANG_EMBEDDED_DATABASE: '1' };
  const env = process.env['NODE_ENV'] === 'production' ? process.env : { ...EMBEDDED_DEFAULTS, ...embedded, ...given };
  return loadConfig(env);
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function describe(d: CaseDifference): string {
  if (d.kind === 'READ_MODEL') return `  READ_MODEL ${d.field}: read model ${show(d.readModel)}, workflow ${show(d.workflow)}`;
  return `  ${d.kind}: ${d.detail}`;
}

function printCase(r: CaseReport): void {
  if (r.repaired) {
    console.log(`case ${r.caseId}: repaired ${r.repairedDifferences?.length ?? 0} read-model difference(s) from the workflow`);
    for (const d of r.repairedDifferences ?? []) console.log(describe(d));
  }
  if (r.differences.length) {
    console.log(`case ${r.caseId}: ${r.differences.length} difference(s) (workflow v${r.workflowVersion ?? '?'}, read model v${r.readModelVersion ?? '?'})`);
    for (const d of r.differences) console.log(describe(d));
  }
}

const describeCounter = (d: CounterDifference) => `  ${d.counter} ${d.key} ${d.field}: stored ${d.stored}, recomputed ${d.recomputed}`;

function printCounters(r: CounterReport): void {
  if (r.repaired) {
    console.log(`dashboard counters: rebuilt; ${r.repairedDifferences?.length ?? 0} value(s) had differed from a recomputation`);
    for (const d of r.repairedDifferences ?? []) console.log(describeCounter(d));
  }
  if (r.differences.length) {
    console.log(`dashboard counters: ${r.differences.length} value(s) differ from a recomputation`);
    for (const d of r.differences) console.log(describeCounter(d));
  }
  if (r.consistent && !r.repaired) console.log('dashboard counters: equal to a recomputation');
}

function printCheckpoint(r: CheckpointReport): void {
  const against = r.checkpoint ? `checkpoint ${r.checkpoint.id} of ${r.checkpoint.createdAt} (${r.checkpoint.streams} chains)` : 'no checkpoint yet';
  if (r.valid) console.log(`audit chains: as signed in ${against}`);
  else {
    console.log(`audit chains: ${r.problems.length} difference(s) from ${against}`);
    for (const p of r.problems) console.log(describeCheckpointProblem(p));
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = configFromEnv();
  const dataSource = await createDataSource(config.databaseUrl, { poolSize: 4, applicationName: 'dandang-verify' }).initialize();
  const connection = await Connection.connect({ address: config.temporal.address, tls: config.temporal.tls });
  try {
    // It queries the case workflows: their answers are sealed like every payload.
    const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: sealedDataConverter(config.masterKeys) });
    const report = await verifyCases(
      { client, dataSource, taskQueue: config.temporal.taskQueue },
      { caseIds: args.caseIds, repair: args.repair, onCase: args.json ? undefined : printCase },
    );
    // After the cases: re-projected rows have moved the counters with them.
    const counters = args.caseIds ? undefined : await verifyCounters(dataSource, { repair: args.repair });
    // Every chain against the newest signed checkpoint: a trail cut, rewritten or deleted with its case row shows there.
    const checkpoint = args.caseIds
      ? undefined
      : await verifyCheckpoint(dataSource, new KeyRing(config.masterKeys), { maxAgeSeconds: 2 * config.auditCheckpointIntervalSeconds + 600 });
    const securityEvents = args.caseIds ? undefined : await verifySecurityEvents(dataSource);
    const remaining = report.cases.filter((c) => !c.consistent).length;
    const repaired = report.cases.filter((c) => c.repaired).length;
    if (args.json) console.log(JSON.stringify({ ...report, counters, securityEvents, checkpoint }, null, 2));
    else {
      if (counters) printCounters(counters);
      if (checkpoint) printCheckpoint(checkpoint);
      if (securityEvents) console.log(describeSecurityEvents(securityEvents));
      console.log(
        `verify: ${report.checked} case(s) checked, ${report.checked - remaining} consistent, ${remaining} with differences` +
          (args.repair ? `, ${repaired} repaired` : ''),
      );
    }
    return report.consistent && (counters?.consistent ?? true) && (securityEvents?.valid ?? true) && (checkpoint?.valid ?? true) ? 0 : 1;
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UsageError || e instanceof ConfigError) {
      console.error(`verify: ${e.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(`verify: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
