// The register of effects (影响期台账) tells the organisation department's webhook when an effect is withdrawn (the
// decision revoked on appeal) and when it ended (影响期已满，可正常使用), through the running system: the HTTP API, the
// case workflow and the housekeeping workflow on the real Temporal dev server, PostgreSQL, and a webhook receiver.
import { randomUUID } from 'node:crypto';
import { webhookSignature } from '@dandang/activities';
import type { OfficialEffectList } from '@dandang/contracts';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get } from '../support/actions';
import { aServedCase, aSubject } from '../support/case-drive';
import { eventually } from '../support/drill-policy';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const ORG_SECRET = 'organisation-department-secret-for-tests';
const RETENTION = { idempotencyKeyDays: 7, loginFailureDays: 7, sessionDays: 30, readNotificationDays: 90 };

interface Notice {
  notice: 'STARTED' | 'ENDED' | 'WITHDRAWN';
  message: string;
  caseId: string;
  personName: string;
  kind: string;
  source: string;
  until: string | null;
}

describe('the register of effects tells the organisation department of withdrawn and ended effects', () => {
  let h: ApiHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    h = await startApiHarness({ workers: { effectsWebhook: { url: `${receiver.baseUrl}/org-department`, secret: ORG_SECRET } } });
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  /** The register's notices the webhook received about the case, in the order they came. */
  const noticesOf = (caseId: string, notice?: Notice['notice']): Notice[] =>
    receiver.received
      .filter((r) => r.event === 'official-effects')
      .flatMap((r) => JSON.parse(r.body).officialEffects as Notice[])
      .filter((n) => n.caseId === caseId && (!notice || n.notice === notice));

  /** Waits until the webhook has `count` notices of the kind about the case; answers them. */
  const waitForNotices = (caseId: string, notice: Notice['notice'], count: number) =>
    eventually(async () => {
      const of = noticesOf(caseId, notice);
      return of.length >= count ? of : undefined;
    }, 15_000, `${count} ${notice} notices of the case at the webhook`);

  /** The case's effects in the register (withdrawn ones are not listed). */
  const listed = async (caseId: string) => ((await get(h, 'supervisor1', '/api/effects')).body as OfficialEffectList).items.filter((e) => e.caseId === caseId);

  /** The two effects of the case's 诫勉 in the register, once projected. */
  const effectsOf = (caseId: string) =>
    eventually(async () => {
      const of = await listed(caseId);
      return of.length >= 2 ? of : undefined;
    }, 10_000, 'the effects of the decision');

  /** Each POST to the organisation department's receiver, signed with its key (HMAC-SHA256 of the body). */
  const expectSigned = () => {
    const posts = receiver.received.filter((r) => r.event === 'official-effects');
    expect(posts.length).toBeGreaterThan(0);
    for (const r of posts) {
      expect(r.path).toBe('/org-department');
      expect(r.signature).toBe(webhookSignature(ORG_SECRET, r.body));
    }
  };

  it('tells of each effect withdrawn once an appeal revokes the decision, once, signed', async () => {
    const id = await aServedCase(h);
    const effects = await effectsOf(id);
    const kinds = effects.map((e) => e.kind).sort();
    expect(kinds).toEqual(['NO_EXCELLENT_RATING', 'NO_PROMOTION']);
    // Only an effect the department was told of owes its withdrawal: the starts come first.
    await waitForNotices(id, 'STARTED', kinds.length);

    expect((await act(h, 'subject1', id, 'fileAppeal', { grounds: '事实认定有误' })).status).toBe(200);
    const revoked = await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'REVOKED', reason: '证据不足，撤销原决定' });
    expect(revoked.status).toBe(200);

    const withdrawn = await waitForNotices(id, 'WITHDRAWN', kinds.length);
    expect(withdrawn.map((n) => n.kind).sort()).toEqual(kinds);
    for (const n of withdrawn) {
      expect(n).toMatchObject({ personName: '张三', source: 'DECISION' });
      expect(n.message).toMatch(/^张三：.+（诫勉）已撤销（原决定已纠正）$/);
    }
    // The revocation leaves no negative evaluation (不作负面评价), which starts in their place.
    expect(await waitForNotices(id, 'STARTED', kinds.length + 1)).toContainEqual(expect.objectContaining({ kind: 'NO_NEGATIVE_EVALUATION', source: 'CORRECTION' }));
    expect((await listed(id)).map((e) => e.kind)).toEqual(['NO_NEGATIVE_EVALUATION']);
    expectSigned();
    // Recorded delivered, so that no later projection or housekeeping run tells it again.
    const [{ owed }] = await h.workers.dataSource.query(
      'SELECT count(*)::int AS owed FROM official_effects WHERE case_id = $1 AND withdrawn_at IS NOT NULL AND withdrawal_notified_at IS NULL',
      [id],
    );
    expect(owed).toBe(0);
    expect(noticesOf(id, 'WITHDRAWN')).toHaveLength(kinds.length);
  });

  it('tells of each effect ended at the housekeeping run after its period, and not again at the next run', async () => {
    const id = await aServedCase(h, aSubject('王五'));
    const effects = await effectsOf(id);
    expect(effects.map((e) => e.until)).toEqual([expect.any(String), expect.any(String)]);
    await waitForNotices(id, 'STARTED', effects.length);

    const housekeeping = () =>
      h.workers.client.workflow.execute('housekeeping', { taskQueue: h.workers.taskQueue, workflowId: `housekeeping-${randomUUID()}`, args: [{ retention: RETENTION }] });
    // Nothing has ended yet: a run now tells the department nothing of the case.
    await housekeeping();
    expect(noticesOf(id, 'ENDED')).toEqual([]);

    // The housekeeping workflow counts from its own clock (it takes no `now`), and an impact period is months long:
    // the case's effects are moved back by seven months in the register, as if decided then (诫勉's six months and
    // the appraisal year both over), so that the scheduled run, the worker's activity and the webhook are the production's.
    await h.workers.dataSource.query(
      `UPDATE official_effects SET from_at = from_at - interval '7 months', until_at = until_at - interval '7 months' WHERE case_id = $1`,
      [id],
    );
    await housekeeping();

    const ended = noticesOf(id, 'ENDED');
    expect(ended.map((n) => n.kind).sort()).toEqual(effects.map((e) => e.kind).sort());
    for (const n of ended) {
      expect(n).toMatchObject({ personName: '王五', source: 'DECISION' });
      expect(n.message).toMatch(/^王五：.+（诫勉）影响期已满，可正常使用$/);
    }
    expectSigned();

    // Marked notified: the next run sends none of them again.
    await housekeeping();
    expect(noticesOf(id, 'ENDED')).toHaveLength(effects.length);
    const [{ owed }] = await h.workers.dataSource.query('SELECT count(*)::int AS owed FROM official_effects WHERE case_id = $1 AND end_notified_at IS NULL', [id]);
    expect(owed).toBe(0);
  });
});
