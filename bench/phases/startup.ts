import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@dandang/embedded-services';

export interface StartupResult {
  /** From spawning `node dist/tools/start.js` to its "Dandang is running" line, measured here. */
  secondsToRunning?: number;
  /** What start.js itself reports ("healthy after … s"). */
  reportedHealthySeconds?: number;
  stopSeconds?: number;
  error?: string;
}

/**
 * `npm start` once installed: `node dist/tools/start.js` (the build is already done) with its data in a fresh temp
 * folder and free ports, timed until it prints "Dandang is running"; then SIGINT and wait for it to exit.
 */
export async function timeStartup(repoRoot: string, dataDir: string, timeoutMs = 120_000): Promise<StartupResult> {
  mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    DANDANG_DATA_DIR: dataDir,
    DANDANG_TEMPORAL_PORT: String(await freePort()),
    DANDANG_TEMPORAL_UI_PORT: String(await freePort()),
    DANDANG_POSTGRES_PORT: String(await freePort()),
    PORT: String(await freePort()),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'tools', 'start.js')], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const result: StartupResult = {};
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Dandang is running" within ${timeoutMs / 1000} s`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Dandang is running')) {
          clearTimeout(timer);
          result.secondsToRunning = Math.round((performance.now() - started) / 100) / 10;
          const reported = /healthy after ([\d.]+) s/.exec(output);
          if (reported) result.reportedHealthySeconds = Number(reported[1]);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(() => reject(new Error(`start.js exited before it was running:\n${output.slice(-2000)}`)));
    });
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  const stopping = performance.now();
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(killer);
  }
  result.stopSeconds = Math.round((performance.now() - stopping) / 100) / 10;
  return result;
}
