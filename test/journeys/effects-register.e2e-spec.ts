import ExcelJS from 'exceljs';
import { webhookSignature } from '@dandang/activities';
import type { OfficialEffectList, SecurityEventPage } from '@dandang/contracts';
import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aSubject } from '../support/case-drive';
import { aClue } from '../support/clue';
import { eventually } from '../support/drill-policy';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'notification-webhook-secret-for-tests';
const ORG_SECRET = 'organisation-department-secret-for-tests';

describe('the register of effects: listed, exported, and told to the organisation department', () => {
  let h: ApiHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const base = receiver.baseUrl;
    // The organisation department has its own receiver and key, apart from the notifications'.
    h = await startApiHarness({
      workers: { notificationWebhook: { url: `${base}/oa`, secret: SECRET }, effectsWebhook: { url: `${base}/org-department`, secret: ORG_SECRET } },
    });
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  const binary = async (user: DemoUserName, path: string) =>
    h.http
      .get(path)
      .set('Authorization', `Bearer ${await h.token(user)}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** A clue about 张三 (subject1) concluded after a letter inquiry with light handling by 诫勉; answers its id and when. */
  async function anAdmonishedOfficial(): Promise<{ id: string; decidedAt: string }> {
    const ok = (r: { status: number; body: unknown }) => {
      if (r.status !== 200 && r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body as Record<string, unknown>;
    };
    const id = ok(await register(h, 'intake1', aClue({ subject: aSubject() }))).id as string;
    ok(await act(h, 'officer2', id, 'acceptClue', {}));
    ok(await act(h, 'officer2', id, 'proposeDisposition', { disposition: 'TALK_OR_LETTER_INQUIRY', reason: '问题较轻，函询' }));
    ok(await act(h, 'supervisor1', id, 'approve', {}));
    const now = new Date().toISOString();
    ok(await act(h, 'officer2', id, 'sendInquiryLetter', { sentAt: now }));
    ok(await act(h, 'officer2', id, 'recordInquiryLetterReceipt', { receivedAt: now }));
    ok(await act(h, 'officer2', id, 'recordInquiryReply', { receivedAt: now, summary: '书面说明' }));
    ok(await act(h, 'officer2', id, 'proposeInquiryConclusion', { outcome: 'LIGHT_HANDLING', measure: 'ADMONISHMENT', reason: '予以诫勉' }));
    const closed = ok(await act(h, 'supervisor1', id, 'approve', {})) as { inquiryRounds: { conclusion: { at: string } }[] };
    return { id, decidedAt: closed.inquiryRounds[0].conclusion.at };
  }

  it('shows the admonished official’s no-promotion until date, exports it, audits each read, and signs the notice', async () => {
    const { id, decidedAt } = await anAdmonishedOfficial();
    const until = new Date(decidedAt);
    until.setUTCMonth(until.getUTCMonth() + 6);

    const list = await eventually(async () => {
      const r = await get(h, 'supervisor1', '/api/effects?active=true');
      expect(r.status).toBe(200);
      const items = (r.body as OfficialEffectList).items.filter((e) => e.caseId === id);
      return items.length ? items : undefined;
    }, 10_000, 'the effects of the case in the register');
    const noPromotion = list.find((e) => e.kind === 'NO_PROMOTION');
    expect(noPromotion).toMatchObject({
      personName: '张三',
      position: '街道办事处主任',
      userId: DEMO_USERS.subject1.id,
      form: { form: 'ADMONISHMENT' },
      source: 'INQUIRY',
      from: decidedAt,
      active: true,
    });
    // 诫勉: six months from the decision (the day of the month kept, or the month's last).
    expect(noPromotion!.until!.slice(0, 7)).toBe(until.toISOString().slice(0, 7));
    expect(list.map((e) => e.kind).sort()).toEqual(['NO_EXCELLENT_RATING', 'NO_PROMOTION']);

    // The official concerned is recused from their case: it is not in their register (as no list shows it them).
    const recused = await get(h, 'subject1', '/api/effects');
    expect(((recused.body as OfficialEffectList).items ?? []).filter((e) => e.caseId === id && e.personId !== 'P1')).toEqual([]);

    const xlsx = await binary('supervisor1', '/api/effects/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
    expect(cells.some((c) => c.includes('张三') && c.includes('不得提拔或者重用'))).toBe(true);

    const page = (await get(h, 'auditor1', '/api/audit/security-events?pageSize=100')).body as SecurityEventPage;
    expect(page.items.find((e) => e.kind === 'OFFICIAL_EFFECTS_READ' && e.actorName === 'supervisor1')).toMatchObject({ details: { filters: { active: true } } });
    expect(page.items.find((e) => e.kind === 'OFFICIAL_EFFECTS_EXPORTED')).toMatchObject({ actorName: 'supervisor1', details: { format: 'xlsx' } });

    // The organisation department is told of the start at its own receiver, signed like the notifications (HMAC-SHA256 of the body) with its key.
    const notices = await eventually(async () => {
      const of = receiver.received
        .filter((r) => r.event === 'official-effects')
        .flatMap((r) => (JSON.parse(r.body).officialEffects as { caseId: string; notice: string; kind: string; until: string; message: string }[]))
        .filter((n) => n.caseId === id);
      return of.length >= 2 ? of : undefined;
    }, 10_000, 'the start notices at the webhook');
    expect(notices.find((n) => n.kind === 'NO_PROMOTION')).toMatchObject({ notice: 'STARTED', until: noPromotion!.until });
    for (const r of receiver.received.filter((r) => r.event === 'official-effects')) {
      expect(r.path).toBe('/org-department');
      expect(r.signature).toBe(webhookSignature(ORG_SECRET, r.body));
    }
    for (const r of receiver.received.filter((r) => r.event !== 'official-effects')) expect(r.path).toBe('/oa');
    // Sent once: later projections of the case owe nothing more.
    const [{ n }] = await h.workers.dataSource.query('SELECT count(*)::int AS n FROM official_effects WHERE case_id = $1 AND start_notified_at IS NULL', [id]);
    expect(n).toBe(0);
  });
});
