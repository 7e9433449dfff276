import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { DEMO_USERS } from '@dandang/persistence';
import { testServices } from '@dandang/testing';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aClue } from '../support/clue';

/** Everything the dev server has written: its SQLite file and the write-ahead log not yet checkpointed into it. */
function temporalDatabaseBytes(): Buffer {
  const file = testServices().temporalDbFile;
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

describe("Temporal's database holds no case content in plaintext (issue 16 §5)", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  it('stores neither the title, the summary nor the reporter of a case registered and driven through the API', async () => {
    const marker = randomBytes(6).toString('hex');
    const secrets = {
      title: `某局长违规收受购物卡线索${marker}`,
      summary: `举报人称其在春节期间收受价值二万元的购物卡${marker}`,
      reporterName: `赵举报${marker}`,
      reporterContact: `139${String(randomInt(10_000_000, 99_999_999))}`,
    };
    const created = await register(h, 'intake1', aClue({
      title: secrets.title,
      summary: secrets.summary,
      reporter: { name: secrets.reporterName, contact: secrets.reporterContact },
    }));
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }).then((r) => expect(r.status).toBe(200));
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: `需初核${marker}` }).then((r) =>
      expect(r.status).toBe(200),
    );

    const stored = temporalDatabaseBytes();
    // The right file: the workflow's id is stored as is (it names no one).
    expect(stored.includes(Buffer.from(id, 'utf8'))).toBe(true);
    const found = Object.entries({ ...secrets, marker }).filter(([, value]) => stored.includes(Buffer.from(value, 'utf8')));
    expect(found.map(([field]) => field)).toEqual([]);
  });
});
