import fc from 'fast-check';
import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aSubject, fileForInvestigation } from '../support/case-drive';

/** Every role the rule is about; officer2 is the recused officer (they declare a conflict on each case). */
const READERS: DemoUserName[] = ['intake1', 'officer1', 'officer2', 'supervisor1', 'auditor1', 'admin1', 'subject1'];

type Route = 'detail' | 'list' | 'search' | 'tasks' | 'timeline' | 'reviews' | 'notifications' | 'dashboard' | 'directory';

// No read route shows the reporter to anyone: only an approved reveal does (GET /api/cases/:id/reporter,
// test/journeys/reporter-reveal.e2e-spec.ts).

/**
 * 检举控告人保密: for every role and every read route, no response carries a registered reporter's name or contact,
 * whatever stage the case reached, whoever is recused from it, and whether the official concerned was told of it.
 */
describe("a registered reporter's name and contact, on every read route, for every role", () => {
  let h: ApiHarness;
  const reporters: { name: string; contact: string }[] = [];
  beforeAll(async () => {
    h = await startApiHarness();
    // One sign-in each, before the reads run in parallel.
    for (const user of READERS) await h.token(user);
  });
  afterAll(() => h.close());

  /** Each read route of the case as `user` reads it: the raw text of each answer. */
  async function reads(user: DemoUserName, id: string, title: string): Promise<[Route, string][]> {
    const paths: [Route, string][] = [
      ['detail', `/api/cases/${id}`],
      ['list', '/api/cases?pageSize=100'],
      ['search', `/api/cases?q=${encodeURIComponent(title)}`],
      ['tasks', '/api/tasks'],
      ['timeline', `/api/cases/${id}/timeline`],
      ['reviews', `/api/cases/${id}/fault-tolerance`],
      ['notifications', '/api/notifications'],
      ['dashboard', '/api/dashboard'],
      ['directory', '/api/users'],
    ];
    return Promise.all(paths.map(async ([route, path]): Promise<[Route, string]> => [route, (await get(h, user, path)).text]));
  }

  it('appears in no answer but where the rule allows it', async () => {
    const identity = fc.record({
      name: fc.stringMatching(/^[a-f0-9]{8}$/).map((tag) => `检举人${tag}`),
      contact: fc.stringMatching(/^1[3-9][0-9]{9}$/),
    });
    const course = fc.record({
      // How far the case went: registered, accepted, or filed for investigation (the official concerned told).
      reached: fc.constantFrom('INTAKE', 'DISPOSITION', 'INVESTIGATION'),
      aboutAccountHolder: fc.boolean(),
      officerRecused: fc.boolean(),
      faultToleranceApplied: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(identity, course, async (reporter, c) => {
        reporters.push(reporter);
        const title = `保密测试 ${reporter.name.slice(3)}`;
        const subject = c.aboutAccountHolder ? aSubject() : aSubject('王某');
        const id = (await register(h, 'intake1', aClue({ title, subject, reporter }))).body.id as string;
        if (c.reached !== 'INTAKE') expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id })).status).toBe(200);
        if (c.officerRecused) expect((await act(h, 'officer2', id, 'declareConflict', { reason: '与检举人相识' })).status).toBe(200);
        if (c.reached === 'INVESTIGATION') {
          // A recused officer is on no inquiry team: officer3 joins officer1 instead.
          await fileForInvestigation(h, id, 'PROPOSE_ACCOUNTABILITY', [c.officerRecused ? DEMO_USERS.officer3.id : DEMO_USERS.officer2.id]);
          if (c.faultToleranceApplied) expect((await act(h, 'officer1', id, 'applyFaultTolerance', { reasons: '单位申请容错' })).status).toBe(200);
        }
        for (const user of READERS) {
          for (const [route, text] of await reads(user, id, title)) {
            const leaked = reporters.filter((r) => text.includes(r.name) || text.includes(r.contact));
            expect({ user, route, leaked }).toEqual({ user, route, leaked: [] });
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
