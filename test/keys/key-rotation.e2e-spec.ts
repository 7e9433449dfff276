import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS, ReporterRepository } from '@dandang/persistence';
import { KeyRing, parseMasterKeys } from '@dandang/sealing';
import { createTestDatabase, type TestDatabase } from '@dandang/testing';
import { createDataSource } from '@dandang/persistence';
import type { DataSource } from 'typeorm';
import { runKeys } from '../../tools/keys';

/** `npm run keys` end to end against a database of its own: new → seal → rotate → rewrap → drop, and it still opens. */
describe('npm run keys: rotating the master keys (docs/key-management.md)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const file = join(mkdtempSync(join(tmpdir(), 'dandang-keys-')), 'master-keys.json');
  const env = () => ({ NODE_ENV: 'test', DATABASE_URL: database.url, MASTER_KEYS_FILE: file });
  const output: string[] = [];
  const keys = (...argv: string[]) => runKeys(argv, env(), (line) => output.push(line));
  const ring = () => new KeyRing(parseMasterKeys(readFileSync(file, 'utf8')));
  const reporter = { name: '孙举报', contact: '13911112222' };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('rotates without ever losing a sealed value', async () => {
    expect(await keys('new', file)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await keys('new', file)).toBe(1); // never overwrites a key file
    const first = ring().currentKeyId;

    const caseIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of caseIds) {
      await new ReporterRepository(dataSource, ring()).insert({ caseId, anonymous: false, ...reporter, recordedBy: DEMO_USERS.intake1.id });
    }

    expect(await keys('rotate')).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = ring().currentKeyId;
    expect(second).not.toBe(first);
    // Not yet: three values still use the first key.
    expect(await keys('drop', first, '--temporal-checked')).toBe(1);
    expect(output.at(-1)).toMatch(/3 sealed value\(s\) in PostgreSQL still use/);

    expect(await keys('rewrap')).toBe(0);
    expect(output.at(-1)).toBe(`keys: 3 sealed value(s) rewrapped under ${second}`);
    expect(await keys('rewrap')).toBe(0); // idempotent: nothing left to do
    expect(output.at(-1)).toBe(`keys: 0 sealed value(s) rewrapped under ${second}`);

    expect(await keys('drop', first)).toBe(1); // Temporal histories are the operator's to check
    expect(await keys('drop', second, '--temporal-checked')).toBe(1); // never the current key
    expect(await keys('drop', first, '--temporal-checked')).toBe(0);
    expect([...parseMasterKeys(readFileSync(file, 'utf8')).keys.keys()]).toEqual([second]);

    for (const caseId of caseIds) {
      expect(await new ReporterRepository(dataSource, ring()).findByCaseId(caseId)).toMatchObject({ caseId, ...reporter });
    }
  });
});
