import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ReporterRepository } from '@dandang/persistence';
import { KeyRing, parseMasterKeys } from '@dandang/sealing';
import { testServices } from '@dandang/testing';
import { ensureRetentionSchedule } from '@dandang/worker-runtime';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aClue } from '../support/clue';

/** A reporter no other test registers: the bytes searched for must come from this file alone. */
function distinctiveReporter() {
  const marker = randomBytes(5).toString('hex');
  return { name: `钱举报人${marker}`, contact: `1${String(randomInt(3_000_000_000, 9_999_999_999))}` };
}

/** The cluster's superuser (the test databases' own roles may not CHECKPOINT or see the data directory). */
async function asSuperuser<T>(use: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: testServices().postgresTemplateUrl.replace(/\/[^/]+$/, '/postgres') });
  await c.connect();
  try {
    return await use(c);
  } finally {
    await c.end();
  }
}

/** Every file under `dir` holding any of `needles`, with the needle found. */
function filesHolding(dir: string, needles: Buffer[]): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue; // removed meanwhile (another test file's database dropped)
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          continue;
        }
        for (const n of needles) if (bytes.includes(n)) found.push(`${path}: ${n.toString('utf8')}`);
      }
    }
  };
  walk(dir);
  return found;
}

describe('the reporter identity is sealed at rest (issue 16 §4)', () => {
  let h: ApiHarness;
  let reporters: ReporterRepository;
  beforeAll(async () => {
    h = await startApiHarness();
    reporters = new ReporterRepository(h.workers.dataSource, new KeyRing(parseMasterKeys(testServices().masterKeys)));
  });
  afterAll(() => h.close());

  it('PostgreSQL never receives the name or contact: not in the tables, the data files or the WAL', async () => {
    const reporter = distinctiveReporter();
    // The title is in the read model in plaintext: finding it shows the scan reaches what PostgreSQL wrote.
    const title = `某局长违规操办婚宴线索${randomBytes(5).toString('hex')}`;
    const created = await register(h, 'intake1', aClue({ title, reporter }), { 'Idempotency-Key': `sealed-${randomUUID()}` });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const [row] = await h.workers.dataSource.query('SELECT to_jsonb(r)::text AS text, identity FROM case_reporters r WHERE case_id = $1', [id]);
    expect(row.identity).toMatch(/^dd1\./);
    expect(row.text).not.toContain(reporter.name);
    expect(row.text).not.toContain(reporter.contact);
    // Read back, opened with the master keys: the repository's readers see it as before.
    expect(await reporters.findByCaseId(id)).toMatchObject({ caseId: id, anonymous: false, ...reporter, erasedAt: null });

    const dataDirectory = await asSuperuser(async (c) => {
      await c.query('CHECKPOINT');
      return (await c.query('SHOW data_directory')).rows[0].data_directory as string;
    });
    const found = filesHolding(dataDirectory, [title, reporter.name, reporter.contact].map((text) => Buffer.from(text, 'utf8')));
    expect(found.some((f) => f.endsWith(title))).toBe(true);
    expect(found.filter((f) => !f.endsWith(title))).toEqual([]);
  });

  it('an idempotent replay keeps no answer body and renders the case under the caller’s permissions now', async () => {
    const reporter = distinctiveReporter();
    const key = { 'Idempotency-Key': `replay-${randomUUID()}` };
    const clue = aClue({ reporter });
    const first = await register(h, 'intake1', clue, key);
    expect(first.status).toBe(201);
    const stored = await h.workers.dataSource.query('SELECT to_jsonb(k)::text AS text FROM idempotency_keys k');
    const everything = stored.map((r: { text: string }) => r.text).join('\n');
    expect(everything).not.toContain(reporter.name);
    expect(everything).not.toContain(reporter.contact);

    const again = await register(h, 'intake1', clue, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, number: first.body.number, stage: 'INTAKE' });

    // intake1 declares a conflict on the case: from then on it does not exist for them, replays included.
    expect((await act(h, 'intake1', first.body.id, 'declareConflict', { reason: '与被反映人系亲属' })).status).toBe(200);
    const recused = await register(h, 'intake1', clue, key);
    expect(recused.status).toBe(404);
    expect(JSON.stringify(recused.body)).not.toContain(reporter.name);
  });

  it('the retention schedule erases the identity of a case closed longer ago than the policy keeps it, and only that', async () => {
    const old = (await register(h, 'intake1', aClue({ reporter: distinctiveReporter() }))).body.id as string;
    const recent = (await register(h, 'intake1', aClue({ reporter: distinctiveReporter() }))).body.id as string;
    // Closed in the read model: one 11 years ago (the default keeps 10), one a year ago.
    await h.workers.dataSource.query(
      `UPDATE cases SET stage = 'CLOSED', stage_entered_at = CASE WHEN id = $1 THEN now() - interval '11 years' ELSE now() - interval '1 year' END
        WHERE id IN ($1, $2)`,
      [old, recent],
    );

    const scheduleId = `retention-test-${randomUUID()}`;
    await ensureRetentionSchedule({
      connection: h.workers.client.connection,
      namespace: h.workers.namespace,
      taskQueue: h.workers.taskQueue,
      masterKeys: parseMasterKeys(testServices().masterKeys),
      scheduleId,
    });
    // Made twice, as by two workers starting: the second only brings it up to date.
    await ensureRetentionSchedule({
      connection: h.workers.client.connection,
      namespace: h.workers.namespace,
      taskQueue: h.workers.taskQueue,
      masterKeys: parseMasterKeys(testServices().masterKeys),
      scheduleId,
    });
    const schedule = h.workers.client.schedule.getHandle(scheduleId);
    try {
      await schedule.trigger();
      let workflowId: string | undefined;
      for (let i = 0; i < 100 && !workflowId; i++) {
        workflowId = (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId;
        if (!workflowId) await new Promise((r) => setTimeout(r, 100)); // the schedule starts its run asynchronously
      }
      expect(workflowId).toBeDefined();
      expect(await h.workers.client.workflow.getHandle(workflowId!).result()).toEqual({ erased: 1 });
    } finally {
      await schedule.delete();
    }

    const erased = await reporters.findByCaseId(old);
    expect(erased).toMatchObject({ anonymous: false, name: null, contact: null, erasedAt: expect.any(Date) });
    expect((await h.workers.dataSource.query('SELECT identity FROM case_reporters WHERE case_id = $1', [old]))[0].identity).toBeNull();
    expect(await reporters.findByCaseId(recent)).toMatchObject({ name: expect.stringMatching(/^钱举报人/), erasedAt: null });

    const [erasure] = await h.workers.dataSource.query('SELECT retention_years, security_event_seq FROM reporter_erasures WHERE case_id = $1', [old]);
    expect(erasure).toMatchObject({ retention_years: 10, security_event_seq: expect.anything() });
    const events = await h.workers.dataSource.query(`SELECT subject, actor_id FROM security_events WHERE kind = 'REPORTER_IDENTITY_ERASED'`);
    expect(events).toEqual([{ subject: old, actor_id: null }]);
  });
});
