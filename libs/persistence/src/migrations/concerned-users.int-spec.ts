import { aCaseRegistration, aCaseState, aCaseSubject, aUuid } from '@dandang/testing/factories';
import type { CaseState } from '@dandang/contracts';
import { inTransaction, useTestDataSource } from '@dandang/testing';
import { DEMO_ORG_UNITS } from '../seed/demo-data';
import { caseRowUpsert } from '../repositories/case-row';
import { ConcernedUsers1766217600000 } from './1766217600000-concerned-users';

/** Upgrading a database whose case rows knew only the registered subject's account. */
describe('migration ConcernedUsers1766217600000', () => {
  const db = useTestDataSource(2, 'owner');
  const migration = new ConcernedUsers1766217600000();

  const aCase = (number: string, over: Partial<CaseState>): CaseState =>
    aCaseState({ number, registration: aCaseRegistration({ orgUnitId: DEMO_ORG_UNITS.districtA.id }), ...over });

  it('fills each existing case with the accounts of its persons concerned, the registered subject’s among them', async () => {
    const subjectId = aUuid();
    const memberId = aUuid();
    const subject = aCaseSubject({ userId: subjectId });
    const about = aCase('DD-2026-M00001', { registration: aCaseRegistration({ orgUnitId: DEMO_ORG_UNITS.districtA.id, subject }) });
    const group = aCase('DD-2026-M00002', {
      persons: [
        { personId: 'P1', kind: 'INDIVIDUAL', ...aCaseSubject(), addedBy: aUuid(), addedAt: '2026-03-02T01:00:00.000Z' },
        { personId: 'P2', kind: 'INDIVIDUAL', ...aCaseSubject({ name: '李四', userId: memberId }), addedBy: aUuid(), addedAt: '2026-03-02T01:00:00.000Z' },
      ],
    });
    const byName = aCase('DD-2026-M00003', {});
    for (const state of [about, group, byName]) {
      const row = caseRowUpsert(state, new Date(), 'overwrite');
      await db.dataSource.query(row.sql, row.params);
    }
    // As a database before the column: down, then up over the rows written.
    await inTransaction(db.dataSource, (q) => migration.down(q));
    await inTransaction(db.dataSource, (q) => migration.up(q));
    const rows: { number: string; concerned_user_ids: string[] }[] = await db.dataSource.query(
      'SELECT number, concerned_user_ids FROM cases WHERE number LIKE $1 ORDER BY number',
      ['DD-2026-M%'],
    );
    expect(rows).toEqual([
      { number: 'DD-2026-M00001', concerned_user_ids: [subjectId] },
      { number: 'DD-2026-M00002', concerned_user_ids: [memberId] },
      { number: 'DD-2026-M00003', concerned_user_ids: [] },
    ]);
  });
});
