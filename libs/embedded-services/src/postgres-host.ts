/**
 * The host process of postgres-process.ts: embedded PostgreSQL, started and stopped on the parent's command.
 * Run with child_process.fork, the PostgresHostOptions as JSON in the first argument; it answers each
 * `{ id, command }` with `{ id, ok }` or `{ id, error }`. When the parent lets go (or dies), it stops
 * PostgreSQL and exits, so that no server outlives the test that started it.
 */
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import type { PostgresHostCommand, PostgresHostOptions, PostgresHostReply } from './postgres-process';

const options = JSON.parse(process.argv[2] ?? '{}') as PostgresHostOptions;
const recentLog: string[] = [];
let running: RunningPostgres | undefined;

function log(line: string): void {
  recentLog.push(line);
  if (recentLog.length > 30) recentLog.shift();
}

async function perform(command: PostgresHostCommand): Promise<void> {
  if (command === 'start' && !running) {
    try {
      running = await startEmbeddedPostgres({ ...options, log });
    } catch (e) {
      // embedded-postgres rejects without a reason when the server exits early; its log says why.
      throw new Error(`PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}\n${recentLog.join('\n')}`);
    }
  }
  if (command === 'stop' && running) {
    await running.stop();
    running = undefined;
  }
}

// Commands are answered one after another, in the order they came.
let queue: Promise<void> = Promise.resolve();
process.on('message', (message: { id: number; command: PostgresHostCommand }) => {
  queue = queue
    .then(() => perform(message.command))
    .then(
      () => reply({ id: message.id, ok: true }),
      (e: unknown) => reply({ id: message.id, error: e instanceof Error ? e.message : String(e) }),
    );
});

function reply(answer: PostgresHostReply): void {
  if (process.connected) process.send?.(answer);
}

process.once('disconnect', () => {
  queue = queue
    .then(() => perform('stop'))
    .catch((e: unknown) => console.error(`stopping PostgreSQL failed: ${String(e)}`))
    .finally(() => process.exit(0));
});
