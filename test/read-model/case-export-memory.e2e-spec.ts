// A case list export holds a page of rows at a time, however long the list: it reads keyset pages and waits for a
// slow client between them (issue 19 §3: 100,000 rows must not load into memory; the bench measures the memory).
import { Writable } from 'node:stream';
import { CASE_EXPORT_PAGE, CaseExportRepository, DEMO_ORG_UNITS, DEMO_USERS, type CaseExportRow } from '@dandang/persistence';
import { useTestDataSource } from '@dandang/testing';
import { writeTables, type ExportCell } from '../../apps/api/src/exports/table-writer';

const CASES = 20_000;
/** What the client buffers before it asks the export to wait: less than a page of CSV. */
const CLIENT_BUFFER = 4 * 1024;

/** A client that reads slowly: each chunk is taken on a later turn of the event loop. */
function slowClient(onLines: (n: number) => void) {
  return new Writable({
    highWaterMark: CLIENT_BUFFER,
    write(chunk: Buffer, _encoding, done) {
      setImmediate(() => {
        onLines(chunk.toString('utf8').split('\n').length - 1);
        done();
      });
    },
  });
}

describe('a case list export of 20,000 cases', () => {
  const db = useTestDataSource(2);

  beforeAll(async () => {
    await db.dataSource.query(
      `INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name, subject_position,
         subject_org_unit_id, received_at, registered_at, stage_entered_at, updated_at, version, state, due_at, recused_user_ids)
       SELECT md5('export-' || g)::uuid, 'DD-2019-' || lpad(g::text, 6, '0'), '某街道办拖延问题 #' || g, '摘要', 'PUBLIC', 'LETTER', 'INTAKE',
              u.id, u.path, '张三', '主任', u.id, now(), now() - (g % 997) * interval '1 minute', now(), now(), 1, '{}', NULL,
              CASE WHEN g % 1000 = 0 THEN ARRAY[$2::text] ELSE ARRAY[]::text[] END
       FROM org_units u CROSS JOIN generate_series(1, $3::int) AS g WHERE u.id = $1`,
      [DEMO_ORG_UNITS.districtA.id, DEMO_USERS.supervisor1.id, CASES],
    );
  });

  it('reads it page by page while the client falls behind, never more than a few pages ahead of what the client took', async () => {
    const [{ path }] = await db.dataSource.query('SELECT path FROM org_units WHERE id = $1', [DEMO_ORG_UNITS.commission.id]);
    const exports = new CaseExportRepository(db.dataSource);
    const filter = { orgPath: path, notRecused: DEMO_USERS.supervisor1.id, sort: 'registeredAt' as const, order: 'desc' as const };
    let fetched = 0;
    let received = -1; // the header line
    let mostAhead = 0;
    let largestPage = 0;
    let bufferedAtRead = 0;
    const numbers = new Set<string>();
    const client = slowClient((n) => (received += n));
    const source = exports.pages(filter);
    async function* pages(): AsyncGenerator<ExportCell[][]> {
      for (;;) {
        // Whatever the client has not taken yet when the export reads the next page: it waits for the client first.
        bufferedAtRead = Math.max(bufferedAtRead, client.writableLength);
        const next = await source.next();
        if (next.done) return;
        const page = next.value;
        fetched += page.length;
        largestPage = Math.max(largestPage, page.length);
        mostAhead = Math.max(mostAhead, fetched - received);
        yield page.map((r: CaseExportRow) => {
          numbers.add(r.number);
          return [r.number, r.registeredAt];
        });
      }
    }
    const rows = await writeTables('csv', [{ title: 'cases', headers: ['number', 'registeredAt'], rows: pages() }], client);

    // Every case in sight once (keyset pages neither skip nor repeat rows of equal times), less the 20 recused.
    expect(rows).toBe(CASES - CASES / 1000);
    expect(numbers.size).toBe(rows);
    expect(received).toBe(rows);
    expect(largestPage).toBe(CASE_EXPORT_PAGE);
    // A page is read only once the client took the one before (a page of CSV is more than its buffer)…
    expect(bufferedAtRead).toBeLessThanOrEqual(CLIENT_BUFFER);
    // …so the export is never more than a page or two ahead of the client, whatever the length of the list.
    expect(mostAhead).toBeLessThanOrEqual(2 * CASE_EXPORT_PAGE);
  });
});
