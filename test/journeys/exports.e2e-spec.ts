// 导出与统计 (issue 19, §3): a case list exported as CSV and XLSX with its filters, as the list's sight rule and the
// viewer's columns allow; the statistics of a period; an auditor's export of a case's audit chain and its
// verification. Every export is in the security-event log.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DEMO_USERS } from '@dandang/persistence';
import type { AuditTrailExport, SecurityEventPage, StatisticsReport } from '@dandang/contracts';
import { quarterOf } from '@dandang/domain';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aServedCase, aSubject } from '../support/case-drive';
import { aClue } from '../support/clue';

const BOM = '\uFEFF';

describe('exports and reports', () => {
  let h: ApiHarness;
  let media: string;
  let publicOne: string;
  let recused: string;
  let served: string;
  let closed: string;
  const as = async (user: DemoUserName, path: string) => h.http.get(path).set('Authorization', `Bearer ${await h.token(user)}`);
  const binary = async (user: DemoUserName, path: string) => {
    const token = await h.token(user);
    return h.http.get(path).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  };
  const csvRows = (text: string): string[][] => parse(text.replace(BOM, ''), { relax_column_count: true });
  const ok = async (r: Promise<{ status: number; body: unknown }>) => {
    const res = await r;
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; number: string };
  };

  beforeAll(async () => {
    h = await startApiHarness();
    media = (await ok(register(h, 'intake1', aClue({ title: '=媒体曝光的拖延问题', channel: 'MEDIA', intakeMethod: 'ONLINE' })))).id;
    publicOne = (await ok(register(h, 'intake1', aClue({ title: '群众来信反映审批拖延' })))).id;
    recused = (await ok(register(h, 'intake1', aClue({ title: '与officer2有利害关系的线索' })))).id;
    await ok(act(h, 'officer2', recused, 'declareConflict', { reason: '近亲属关系' }));
    closed = (await ok(register(h, 'intake1', aClue({ title: '反映不具体的线索' })))).id;
    await ok(act(h, 'intake1', closed, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }));
    await ok(act(h, 'officer1', closed, 'proposeDisposition', { disposition: 'CLOSE', reason: '反映内容不具体' }));
    await ok(act(h, 'supervisor1', closed, 'approve', {}));
    served = await aServedCase(h, aSubject('王五'));
  });
  afterAll(() => h.close());

  it('exports the filtered list as CSV, UTF-8 with a byte-order mark, headers in Chinese with English beside', async () => {
    const res = await as('officer1', '/api/cases/export?format=csv&stage=INTAKE&sort=number&order=asc');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="dandang-cases-\d{8}-\d{4}\.csv"/);
    expect(res.text.startsWith(BOM)).toBe(true);
    const [headers, ...rows] = csvRows(res.text);
    expect(headers.slice(0, 3)).toEqual(['线索编号 (Case number)', '标题 (Title)', '被反映人 (Official concerned)']);
    expect(res.headers['x-export-rows']).toBe(String(rows.length));
    const titles = rows.map((r) => r[1]);
    // A title a spreadsheet would run as a formula is written as text.
    expect(titles).toEqual(expect.arrayContaining(["'=媒体曝光的拖延问题", '群众来信反映审批拖延', '与officer2有利害关系的线索']));
    expect(titles).not.toContain('反映不具体的线索');
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort());
    expect(rows.every((r) => r[headers.indexOf('办理阶段 (Stage)')] === '线索受理 (Intake)')).toBe(true);
  });

  it('exports the filtered list as XLSX that reads back with the same rows and headers', async () => {
    const res = await binary('officer1', '/api/cases/export?format=xlsx&channel=MEDIA');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toContain('监督渠道 (Supervision channel)');
    expect(sheet.rowCount).toBe(2);
    expect(values(2)[0]).toBe((await as('officer1', `/api/cases/${media}`)).body.number);
    expect(values(2)).toContain('=媒体曝光的拖延问题');
    expect(values(2)).toContain('舆论监督 (Media supervision)');
    expect(values(2).some((v) => v instanceof Date)).toBe(true);
  });

  it("leaves out a case its reader is recused from, and an auditor's export has no title, official or channel", async () => {
    const officer2 = csvRows((await as('officer2', '/api/cases/export?format=csv')).text);
    expect(officer2.map((r) => r[1])).not.toContain('与officer2有利害关系的线索');
    expect(officer2.map((r) => r[1])).toContain('群众来信反映审批拖延');

    const auditor = csvRows((await as('auditor1', '/api/cases/export?format=csv')).text);
    expect(auditor[0]).not.toEqual(expect.arrayContaining([expect.stringMatching(/标题|被反映人|职务|监督渠道|受理方式/)]));
    expect(auditor[0][0]).toBe('线索编号 (Case number)');
    expect(auditor.length - 1).toBe(5);
    expect(auditor.flat().join(' ')).not.toMatch(/拖延|王五|张三/);
    // Nor may an auditor filter on what their rows leave out.
    expect((await as('auditor1', '/api/cases/export?format=csv&channel=MEDIA')).status).toBe(400);
  });

  it('records every export in the security-event log with its filters and row count, never the search term', async () => {
    await as('supervisor1', `/api/cases/export?format=csv&q=${encodeURIComponent('拖延')}`);
    await binary('supervisor1', '/api/dashboard/export?format=xlsx');
    const page = (await as('auditor1', '/api/audit/security-events?kind=CASES_EXPORTED&pageSize=50')).body as SecurityEventPage;
    const search = page.items.find((e) => e.actorName === 'supervisor1' && e.details?.export === 'cases');
    expect(search).toMatchObject({ details: { format: 'csv', rows: 2, filters: { textSearch: true } } });
    expect(JSON.stringify(page.items)).not.toContain('拖延');
    expect(page.items.find((e) => e.details?.export === 'dashboard')).toMatchObject({ actorName: 'supervisor1', details: { format: 'xlsx' } });
    expect(page.items.find((e) => e.actorName === 'officer1' && (e.details?.filters as Record<string, unknown>)?.channel === 'MEDIA')).toMatchObject({ details: { rows: 1 } });
  });

  it("exports the dashboard's figures, a sheet per table", async () => {
    const res = await binary('supervisor1', '/api/dashboard/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['按阶段 (By stage)', '按单位 (By unit)']));
    const byStage = workbook.getWorksheet('按阶段 (By stage)')!;
    const intake = byStage.getSheetValues().find((row) => Array.isArray(row) && row[1] === '线索受理 (Intake)') as unknown[];
    expect(intake[2]).toBe(3);
  });

  it("counts the quarter's registrations, conclusions, decisions by form and by the four forms", async () => {
    const { year, quarter } = quarterOf(new Date());
    const report = (await as('supervisor1', `/api/reports/statistics?year=${year}&quarter=${quarter}`)).body as StatisticsReport;
    expect(report.period.label.en).toBe(`Q${quarter} ${year}`);
    expect(report.received.total).toBe(5);
    expect(report.received.byChannel).toEqual([{ channel: 'MEDIA', count: 1 }, { channel: 'PUBLIC', count: 4 }]);
    expect(report.concluded.byClosure).toEqual([{ kind: 'DISPOSITION_CLOSED', count: 1 }]);
    expect(report.accountability).toMatchObject({ decisions: 1, byForm: [{ form: 'ADMONISHMENT', subtype: null, count: 1 }], byFourForms: [{ fourForm: 'FIRST', count: 1 }] });
    // officer2 is recused from one case: it is in none of their counts.
    const officer2 = (await as('officer2', `/api/reports/statistics?year=${year}&quarter=${quarter}`)).body as StatisticsReport;
    expect(officer2.received.total).toBe(4);
    // An auditor reads the course of the work, not its content.
    const auditor = (await as('auditor1', `/api/reports/statistics?year=${year}&quarter=${quarter}`)).body as StatisticsReport;
    expect(auditor).toMatchObject({ accountability: null, received: { total: 5, byChannel: [] }, withheld: expect.arrayContaining(['accountability']) });
    // The quarter before holds none of them.
    const before = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
    expect((await as('supervisor1', `/api/reports/statistics?year=${before.year}&quarter=${before.quarter}`)).body.received.total).toBe(0);
    expect((await as('supervisor1', '/api/reports/statistics?year=2026&from=2026-01-01&to=2026-03-31')).status).toBe(400);

    const csv = csvRows((await as('supervisor1', `/api/reports/statistics/export?format=csv&year=${year}&quarter=${quarter}`)).text);
    expect(csv).toContainEqual(['受理线索 (Clues registered)', '5']);
    expect(csv).toContainEqual(['第一种形态 (First form (criticism, talks, admonishment))', '1']);
  });

  it("exports a case's audit chain for an auditor, verified, and a tampered chain fails its verification", async () => {
    const res = await as('auditor1', `/api/cases/${served}/audit/export?format=json`);
    expect(res.status).toBe(200);
    const trail = res.body as AuditTrailExport;
    expect(trail.verification).toEqual({ valid: true, events: trail.events.length });
    for (const [i, e] of trail.events.filter((x) => x.stream === 'case').entries()) expect(e.version).toBe(i + 1);
    const caseEvents = trail.events.filter((x) => x.stream === 'case');
    for (let i = 1; i < caseEvents.length; i++) expect(caseEvents[i].prevHash).toBe(caseEvents[i - 1].hash);
    // What was written is withheld and named, never exported.
    expect(JSON.stringify(trail)).not.toMatch(/推进改革中审批失误|王五/);
    expect(trail.events.find((e) => e.action === 'submitInvestigationReport')!.withheld).toContain('payload.facts');
    expect((await as('officer1', `/api/cases/${served}/audit/export`)).status).toBe(403);

    // The trail is append-only for the application: its owner changes an event, the triggers off, as an intruder would.
    await h.workers.database.asOwner(
      `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER USER;
       UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE case_id = '${publicOne}' AND stream = 'case' AND version = 1;
       ALTER TABLE audit_events ENABLE TRIGGER USER; COMMIT`,
    );
    const tampered = (await as('auditor1', `/api/cases/${publicOne}/audit/export?format=csv`)).text;
    const lines = csvRows(tampered);
    expect(lines[1]).toEqual(['校验结果 (Verification)', '已被篡改 (broken)', expect.stringMatching(/^case v1: content does not match its hash/)]);
    const events = (await as('auditor1', '/api/audit/security-events?kind=AUDIT_TRAIL_EXPORTED')).body as SecurityEventPage;
    expect(events.items.map((e) => [e.subject, e.details?.valid])).toEqual(expect.arrayContaining([[served, true], [publicOne, false]]));
  });
});
