import { DEMO_PASSWORD, DEMO_USERS } from '@dandang/persistence';
import type { DemoCases } from './demo-case';

export interface RunningSystem {
  port: number;
  /** Where the web app is served when not by the API itself (Vite's dev server under `npm run dev`). */
  webUrl?: string;
  healthyAfterMs: number;
  temporal: { address: string; namespace: string; embedded: boolean; uiUrl?: string; dbFile?: string };
  database: { url: string; embedded: boolean; dataDir?: string };
  dataDir?: string;
  seeded: boolean;
  /** The seeded cases, one in each procedure. */
  demoCases?: DemoCases;
}

/** postgres://user:*****@host/db: the password never reaches the terminal. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '*****';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:*****@');
  }
}

/** The block printed once the API answers /api/health with 200. */
export function summary(s: RunningSystem): string {
  const api = `http://localhost:${s.port}/api`;
  const row = (label: string, text: string) => `  ${label.padEnd(14)}${text}`;
  const lines = [
    `Dandang is running (healthy after ${(s.healthyAfterMs / 1000).toFixed(1)} s)`,
    '',
    row('Web app', s.webUrl ? `${s.webUrl} (Vite, hot reload)` : `http://localhost:${s.port}/`),
    row('API', api),
    row('OpenAPI docs', `${api}/docs`),
    row('Health', `${api}/health`),
    row('Temporal', `${s.temporal.address}, namespace ${s.temporal.namespace} (${s.temporal.embedded ? 'embedded dev server' : 'external'})`),
  ];
  if (s.temporal.uiUrl) lines.push(row('Temporal UI', s.temporal.uiUrl));
  lines.push(row('PostgreSQL', `${maskPassword(s.database.url)} (${s.database.embedded ? 'embedded' : 'external'})`));
  if (s.dataDir) lines.push(row('Data folder', `${s.dataDir} (delete it to start from scratch)`));
  if (s.seeded) {
    lines.push('', `  Demo users, all with password ${DEMO_PASSWORD}:`);
    for (const u of Object.values(DEMO_USERS)) lines.push(`    ${u.username.padEnd(13)}${u.roles.join(', ').padEnd(16)}${u.displayName}`);
    if (s.demoCases) {
      lines.push('', `  Demo case about subject1 (a discipline case in INVESTIGATION, open for a fault-tolerance application): ${s.demoCases.discipline}`);
      lines.push(`  Demo accountability case (a leading group, before the collective decision): ${s.demoCases.accountability}`);
    }
    lines.push(
      '',
      `  Try: curl -s -X POST ${api}/auth/login -H 'Content-Type: application/json' \\`,
      `         -d '{"username":"officer1","password":"${DEMO_PASSWORD}"}'`,
    );
  }
  lines.push('', '  Press Ctrl-C to stop everything.');
  const rule = '='.repeat(72);
  return ['', rule, ...lines, rule, ''].join('\n') + '\n';
}
