import { randomUUID } from 'node:crypto';
import { KeyRing, newMasterKeys } from '@dandang/sealing';
import { createTestDatabase, type TestDatabase } from '@dandang/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { ReporterRepository } from '../repositories/reporter.repository';
import { DEMO_USERS } from '../seed/demo-data';
import { withKeyRing } from '../sealed-values';
import { SealedReporters1765353600000 } from './1765353600000-sealed-reporters';

/** Upgrading a database whose reporters an older version stored in plaintext. */
describe('migration SealedReporters1765353600000', () => {
  // As the owner role, which runs migrations (the application role may not alter tables).
  const db = {} as { dataSource: DataSource; database: TestDatabase };
  const migration = new SealedReporters1765353600000();
  const named = randomUUID();
  const anonymous = randomUUID();

  /** Back to the schema before the migration, with a named and an anonymous reporter in plaintext. */
  beforeAll(async () => {
    db.database = await createTestDatabase();
    db.dataSource = await createDataSource(db.database.ownerUrl, { poolSize: 2 }).initialize();
    const q = db.dataSource.createQueryRunner();
    try {
      await migration.down(q);
      await q.query(`INSERT INTO case_reporters (case_id, anonymous, name, contact, recorded_by) VALUES ($1, false, '周明', '13700001111', $3), ($2, true, NULL, NULL, $3)`, [
        named,
        anonymous,
        DEMO_USERS.intake1.id,
      ]);
    } finally {
      await q.release();
    }
  });

  afterAll(async () => {
    await db.dataSource?.destroy();
    await db.database?.drop();
  });

  it('refuses to run without the master keys while plaintext remains, changing nothing', async () => {
    const q = db.dataSource.createQueryRunner();
    try {
      await q.startTransaction();
      await expect(migration.up(q)).rejects.toThrow(/^1 reporter identities are still in plaintext.*`npm run keys -- migrate`/);
    } finally {
      if (q.isTransactionActive) await q.rollbackTransaction();
      await q.release();
    }
    const [row] = await db.dataSource.query('SELECT name, contact FROM case_reporters WHERE case_id = $1', [named]);
    expect(row).toEqual({ name: '周明', contact: '13700001111' });
  });

  it('with the keys, seals every identity and drops the plaintext columns', async () => {
    const keyRing = new KeyRing(newMasterKeys());
    const q = withKeyRing(db.dataSource, keyRing).createQueryRunner();
    try {
      await q.startTransaction();
      await migration.up(q);
      await q.commitTransaction();
    } finally {
      await q.release();
    }
    const columns = await db.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'case_reporters'`);
    expect(columns.map((c: { column_name: string }) => c.column_name)).not.toEqual(expect.arrayContaining(['name']));
    const rows = await db.dataSource.query('SELECT to_jsonb(r)::text AS text FROM case_reporters r');
    expect(rows.map((r: { text: string }) => r.text).join()).not.toMatch(/周明|13700001111/);

    const reporters = new ReporterRepository(db.dataSource, keyRing);
    expect(await reporters.findByCaseId(named)).toMatchObject({ anonymous: false, name: '周明', contact: '13700001111', erasedAt: null });
    expect(await reporters.findByCaseId(anonymous)).toMatchObject({ anonymous: true, name: null, contact: null });
  });
});
