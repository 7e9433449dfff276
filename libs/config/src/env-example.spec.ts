import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from './config';

const ROOT = join(__dirname, '..', '..', '..');

/** The variables .env.example lists, as `# NAME=value` lines (or uncommented ones). */
function listedVariables(): string[] {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
}

/** The code and deployment files that may read a variable: sources, tests, tools, the compose file and its scripts. */
function readers(): { path: string; text: string }[] {
  const files: string[] = ['docker-compose.yml', 'Dockerfile'];
  for (const dir of ['apps', 'libs', 'workflows', 'activities', 'tools', 'bench', 'test', 'deploy']) {
    for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
      if (/(^|\/)(node_modules|dist)\//.test(name) || !/\.(ts|tsx|mts|js|sh|ya?ml)$/.test(name)) continue;
      files.push(join(dir, name));
    }
  }
  return files.filter((f) => !f.endsWith('env-example.spec.ts')).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

/** The shell's own variables, which the code reads too (PATH, to find a Temporal CLI) but nobody sets for Dandang. */
const SHELL_VARIABLES = ['PATH'];

/** Names the code reads literally: `env['NAME']`, `process.env.NAME`, or a reader called as `read(env, 'NAME')`. */
function readLiterally(text: string): string[] {
  const patterns = [/\benv\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g, /\bprocess\.env\.([A-Z][A-Z0-9_]*)/g, /\((?:process\.)?env,\s*'([A-Z][A-Z0-9_]*)'/g];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]));
}

describe('.env.example', () => {
  const listed = listedVariables();
  const sources = readers();

  it('lists each variable once', () => {
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
  });

  it('lists every variable of the configuration (CONFIG_VARIABLES)', () => {
    expect(CONFIG_VARIABLES.filter((name) => !listed.includes(name))).toEqual([]);
  });

  it('lists only variables something reads', () => {
    const unread = listed.filter((name) => !sources.some(({ text }) => new RegExp(`\\b${name}\\b`).test(text)));
    expect(unread).toEqual([]);
  });

  it('lists every variable the code reads by name', () => {
    // Unit specs hand fake environments to the code under test; what they read there is no variable of the system.
    const code = sources.filter(({ path }) => !path.endsWith('.spec.ts')); // .int-spec.ts and .e2e-spec.ts stay
    const unlisted = code.flatMap(({ path, text }) =>
      readLiterally(text)
        .filter((name) => !listed.includes(name) && !SHELL_VARIABLES.includes(name))
        .map((name) => `${name} (${path})`),
    );
    expect([...new Set(unlisted)]).toEqual([]);
  });
});
