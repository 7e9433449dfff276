import { readFileSync } from 'node:fs';
import { escapeIdentifier, escapeLiteral, type Client } from 'pg';

/**
 * Runs the SQL of deploy/postgres/init-app-db.sh, the script the postgres image runs on an empty volume in
 * docker-compose.yml, so that the cluster profile creates its roles and databases with the very same statements.
 * The script feeds psql a heredoc; psql is not shipped with the embedded PostgreSQL, so this does the little of psql
 * that the heredoc uses: `:'name'` (a quoted literal) and `:"name"` (a quoted identifier) from `-v name=value`,
 * and `\gexec` (run the query, then run each value it returns as a statement).
 */
export function initScriptStatements(scriptPath: string): Array<{ sql: string; gexec: boolean }> {
  const script = readFileSync(scriptPath, 'utf8');
  const heredoc = /<<'EOSQL'\n([\s\S]*?)\nEOSQL/.exec(script);
  if (!heredoc) throw new Error(`${scriptPath}: no <<'EOSQL' heredoc found`);
  const statements: Array<{ sql: string; gexec: boolean }> = [];
  let current: string[] = [];
  for (const line of heredoc[1].split('\n')) {
    if (/^\s*(--.*)?$/.test(line)) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith('\\gexec')) {
      current.push(trimmed.slice(0, -'\\gexec'.length));
      statements.push({ sql: current.join('\n').trim(), gexec: true });
      current = [];
    } else if (trimmed.endsWith(';')) {
      current.push(trimmed);
      statements.push({ sql: current.join('\n').trim(), gexec: false });
      current = [];
    } else {
      current.push(trimmed);
    }
  }
  if (current.length) throw new Error(`${scriptPath}: an unterminated statement at the end of the heredoc`);
  return statements;
}

/** The psql variables the script passes with -v, from the postgres service's environment (its names as in compose). */
export function initScriptVariables(env: Record<string, string>): Record<string, string> {
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`${name} must be set`);
    return v;
  };
  return {
    app_db: need('APP_DB_NAME'),
    app_owner: need('APP_DB_OWNER'),
    app_owner_password: need('APP_DB_OWNER_PASSWORD'),
    app_user: need('APP_DB_USER'),
    app_password: need('APP_DB_PASSWORD'),
    temporal_user: need('TEMPORAL_DB_USER'),
    temporal_password: need('TEMPORAL_DB_PASSWORD'),
  };
}

function substitute(sql: string, vars: Record<string, string>): string {
  return sql.replace(/:'(\w+)'|:"(\w+)"/g, (_, literal?: string, identifier?: string) => {
    const name = (literal ?? identifier)!;
    const value = vars[name];
    if (value === undefined) throw new Error(`psql variable ${name} is not set`);
    return literal ? escapeLiteral(value) : escapeIdentifier(value);
  });
}

/** As the bootstrap superuser, connected to the `postgres` database, as the image runs the script. */
export async function runInitScript(superuser: Client, scriptPath: string, env: Record<string, string>): Promise<void> {
  const vars = initScriptVariables(env);
  for (const { sql, gexec } of initScriptStatements(scriptPath)) {
    const result = await superuser.query(substitute(sql, vars));
    if (!gexec) continue;
    for (const row of result.rows as Record<string, string>[]) for (const value of Object.values(row)) await superuser.query(value);
  }
}
