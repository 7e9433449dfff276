/**
 * The production path, for real: the cluster profile (tools/cluster/cluster.ts, as `npm run start:cluster` runs it)
 * with a Temporal cluster on PostgreSQL, two workers and two API processes with NODE_ENV=production, each an OS
 * process. The journeys run over HTTP against one API process; then one worker is killed with SIGKILL in the middle
 * of a burst, one API process is stopped, and the Temporal services are restarted, and nothing is lost or applied
 * twice: every case reaches its end once, the read model equals each workflow's state, and `npm run verify` (the
 * same compiled tool, with the workers' environment) finds everything consistent.
 *
 * The first run on a machine builds the Temporal server with `go install` (minutes; cached in ~/.cache/dandang).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Response } from 'supertest';
import { caseWorkflowId } from '@dandang/contracts';
import { DEFAULT_POLICY } from '@dandang/domain';
import { appliedUpdates } from '../support/applied-updates';
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { DEMO_COMMITTEE_VOTES, SERVED_LIFECYCLE, SERVED_VERSION } from '@dandang/testing';
import { verifyCases } from '../../tools/verify/compare';
import { act, get, register } from '../support/actions';
import { aCaseUnderInvestigation, anAssessmentBody } from '../support/case-drive';
import { aClue } from '../support/clue';
import { startClusterLab, type ClusterLab, type HttpApi } from '../support/cluster-lab';
import { aDrillPolicy, eventually } from '../support/drill-policy';
import type { DemoUserName } from '../support/api-harness';

const run = promisify(execFile);
const SERVED_TIMELINE = ['registerClue', ...SERVED_LIFECYCLE.map((s) => s.action)];
/** How long a client keeps retrying one request answered "try again" while a part of the cluster is down. */
const RETRY_FOR_MS = 180_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the cluster profile: a Temporal cluster on PostgreSQL, two workers, two API processes in production mode', () => {
  let lab: ClusterLab;
  let api: HttpApi;
  /** Cases driven to SERVED in the bursts, each of which must show its lifecycle exactly once. */
  const served: string[] = [];

  beforeAll(async () => {
    lab = await startClusterLab((line) => process.stderr.write(`[cluster] ${line}\n`));
    api = lab.apis[0];
  }, 1_200_000); // A clean machine builds the Temporal server first.
  afterAll(async () => {
    await lab?.close();
  }, 180_000);

  /** POSTs until the answer is not "try again" (5xx, a refused connection, the same key in progress), always with one key. */
  async function post(via: HttpApi, user: DemoUserName, path: string, body: Record<string, unknown>, key: string): Promise<Response> {
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      const res = await via.http
        .post(path)
        .set('Authorization', `Bearer ${await via.token(user)}`)
        .set('Idempotency-Key', key)
        .send(body)
        .catch((e: Error) => ({ status: 0, body: { error: e.message } }) as unknown as Response);
      const retry = res.status === 0 || res.status >= 500 || (res.status === 409 && res.body.reason === 'IDEMPOTENCY_IN_PROGRESS');
      if (!retry || Date.now() > deadline) return res;
      await sleep(200 + Math.random() * 300);
    }
  }

  /** Registers a case and drives it to a served decision, alternating between the given API processes. */
  async function serveOne(tag: string, via: HttpApi[], progress: () => void = () => undefined): Promise<string> {
    const created = await post(via[0], 'intake1', '/api/cases', aClue({ title: `集群线索 ${tag}` }), `register-${tag}`);
    expect({ tag, status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ tag, status: 201, body: undefined });
    const id: string = created.body.id;
    for (const [i, s] of SERVED_LIFECYCLE.entries()) {
      const res = await post(via[(i + 1) % via.length], s.user, `/api/cases/${id}/actions/${s.action}`, s.body(), `${tag}-s${i}`);
      expect({ tag, action: s.action, status: res.status, version: res.body.version }).toEqual({ tag, action: s.action, status: 200, version: i + 2 });
      progress();
    }
    served.push(id);
    return id;
  }

  it('runs the whole lifecycle over HTTP through one API process', async () => {
    const health = await api.http.get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
    // Production: no OpenAPI document.
    expect((await api.http.get('/api/docs-json')).status).toBe(404);

    const created = await register(api, 'intake1', aClue());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 'INTAKE', version: 1, number: expect.stringMatching(/^DD-\d{4}-\d{6}$/) });
    const id: string = created.body.id;
    await act(api, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }).then((r) => expect(r.body).toMatchObject({ stage: 'DISPOSITION', version: 2 }));
    await act(api, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，需初核' }).then((r) => expect(r.status).toBe(200));
    expect((await get(api, 'supervisor1', `/api/cases/${id}`)).body.pendingApproval).toMatchObject({ kind: 'DISPOSITION' });
    await act(api, 'supervisor1', id, 'approve', { comment: '同意初核' }).then((r) => expect(r.body).toMatchObject({ stage: 'VERIFICATION' }));
    await act(api, 'officer1', id, 'submitVerificationReport', { finding: 'PROPOSE_ACCOUNTABILITY', summary: '建议启动问责' }).then((r) => expect(r.status).toBe(200));
    await act(api, 'supervisor2', id, 'approve', { investigationTeam: [DEMO_USERS.officer2.id] }).then((r) => expect(r.body).toMatchObject({ stage: 'INVESTIGATION' }));
    await act(api, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '群众来信', sha256: 'a'.repeat(64) }).then((r) => expect(r.body.evidence).toHaveLength(1));
    await act(api, 'officer1', id, 'presentFactMaterials', { personId: 'P1', presentedAt: new Date().toISOString() }).then((r) => expect(r.status).toBe(200));
    await act(api, 'officer1', id, 'recordStatement', { personId: 'P1', receivedAt: new Date().toISOString(), summary: '无异议', signature: 'SIGNED' }).then((r) => expect(r.status).toBe(200));
    await act(api, 'officer1', id, 'submitInvestigationReport', {
      facts: '对群众反映问题长期不作为',
      responsibilityLevel: 'DIRECT',
      forms: [{ form: 'ADMONISHMENT' }],
      leniency: 'NORMAL',
    }).then((r) => expect(r.status).toBe(200));
    await act(api, 'supervisor1', id, 'approve', { comment: '同意' }).then((r) => expect(r.body).toMatchObject({ stage: 'DELIBERATION' }));
    await act(api, 'supervisor2', id, 'recordCollectiveDecision', DEMO_COMMITTEE_VOTES()).then((r) => expect(r.body).toMatchObject({ stage: 'DECIDED' }));
    const servedCase = await act(api, 'officer1', id, 'serveDecision', { servedAt: new Date().toISOString(), method: 'IN_PERSON' });
    expect(servedCase.body).toMatchObject({ stage: 'SERVED', version: SERVED_VERSION });

    const timeline = await get(api, 'auditor1', `/api/cases/${id}/timeline`);
    expect(timeline.body.map((e: { action: string }) => e.action)).toEqual(SERVED_TIMELINE);
    expect((await get(api, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toEqual({ caseId: id, valid: true, events: SERVED_VERSION });
    // Search attributes registered by compose's bootstrap script, on PostgreSQL visibility.
    const listed = await lab.client.workflow.list({ query: `CaseStage = 'SERVED' AND WorkflowId = '${caseWorkflowId(id)}'` });
    const found: string[] = [];
    for await (const w of listed) found.push(w.workflowId);
    expect(found).toEqual([caseWorkflowId(id)]);
  }, 180_000);

  it('runs the fault-tolerance journey: an exemption closes the case', async () => {
    const id = await aCaseUnderInvestigation(api);
    const applied = await act(api, 'subject1', id, 'applyFaultTolerance', { reasons: '先行先试，未谋私利' });
    expect(applied.status).toBe(200);
    const reviewId: string = applied.body.reviews[0].reviewId;
    const review = (user: DemoUserName, step: string, body: Record<string, unknown> = {}) => act(api, user, id, step, { reviewId, ...body });
    expect((await review('officer2', 'acceptApplication', { note: '符合受理条件' })).body).toMatchObject({ status: 'ACCEPTED' });
    expect((await review('supervisor3', 'submitAssessment', anAssessmentBody())).body).toMatchObject({ status: 'ASSESSED', recommendation: { outcome: 'EXEMPTION' } });
    expect((await review('supervisor3', 'determineTolerance', { outcome: 'EXEMPTION' })).body.reason).toBe('ASSESSOR_CANNOT_DETERMINE');
    await review('supervisor1', 'determineTolerance', { outcome: 'EXEMPTION' });
    expect((await review('supervisor2', 'determineTolerance', { outcome: 'EXEMPTION' })).body).toMatchObject({ status: 'DETERMINED' });
    const closed = await eventually(async () => {
      const c = (await get(api, 'supervisor1', `/api/cases/${id}`)).body;
      return c.stage === 'CLOSED' ? c : undefined;
    }, 60_000, 'the exemption to close the case');
    expect(closed).toMatchObject({ closure: { kind: 'EXEMPTED' }, tolerance: { outcome: 'EXEMPTION', reviewId }, noNegativeEvaluation: true });
    expect((await get(api, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toMatchObject({ valid: true });
  }, 180_000);

  it('climbs the deadline ladder of a drill policy published through the API', async () => {
    const policy = aDrillPolicy('cluster-drill', { INTAKE: 4, DISPOSITION: 600 }, { deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.25 } });
    expect((await api.http.post('/api/admin/policies').set('Authorization', `Bearer ${await api.token('admin1')}`).send(policy)).status).toBe(201);
    const created = await register(api, 'intake1', aClue({ orgUnitId: DEMO_ORG_UNITS.districtA.id }));
    expect(created.body).toMatchObject({ policyVersion: 'cluster-drill', deadline: { stage: 'INTAKE', limit: { amount: 4, unit: 'SECOND' } } });
    const id = created.body.id;
    type Rung = { action: string; occurredAt: string; payload: { rung?: string; scheduledAt?: string } };
    const rungs = await eventually(async () => {
      const fired = ((await get(api, 'auditor1', `/api/cases/${id}/timeline`)).body as Rung[]).filter((e) => e.action === 'deadlineRung');
      return fired.length >= 5 ? fired : undefined;
    }, 90_000, 'five rungs');
    expect(rungs.map((e) => e.payload.rung)).toEqual(['REMINDER@0.5', 'REMINDER@0.8', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    for (const e of rungs) expect({ rung: e.payload.rung, early: Date.parse(e.occurredAt) < Date.parse(e.payload.scheduledAt!) }).toEqual({ rung: e.payload.rung, early: false });
    expect((await get(api, 'intake1', `/api/cases/${id}`)).body.deadline).toMatchObject({ card: 'RED', supervised: true });
    const escalated = (await get(api, 'supervisor1', '/api/notifications?unread=true')).body.find((n: { caseId: string }) => n.caseId === id);
    expect(escalated).toMatchObject({ kind: 'ESCALATION' });
    // The bursts below count each case's versions: their cases pin working-day limits again, not a 4-second intake
    // whose rungs would fire while a killed worker or a restarted server holds up the acceptance.
    const restored = await api.http.post('/api/admin/policies').set('Authorization', `Bearer ${await api.token('admin1')}`).send({ ...DEFAULT_POLICY, version: 'cluster-after-drill' });
    expect(restored.status).toBe(201);
  }, 180_000);

  it('finishes a burst with the other worker when one is killed with SIGKILL in its middle', async () => {
    const [killed, survivor] = lab.cluster.workers;
    let steps = 0;
    let struck!: () => void;
    const killedMidway = new Promise<void>((resolve) => (struck = resolve));
    const burst = Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        serveOne(`kill-${n}`, lab.apis, () => {
          if (++steps === 16) struck();
        }),
      ),
    );
    await killedMidway;
    await killed.kill();
    const ids = await burst;
    expect(survivor.running()).toBe(true);
    expect(killed.running()).toBe(false);
    for (const id of ids) expect((await get(api, 'officer1', `/api/cases/${id}`)).body).toMatchObject({ id, stage: 'SERVED', version: SERVED_VERSION });
    // Back to two for what follows.
    await killed.start();
  }, 600_000);

  it('answers through the other API process while one is stopped, with the same session', async () => {
    const [stopped, other] = lab.cluster.apis;
    const [, second] = lab.apis;
    await stopped.stop();
    try {
      const refused = await api.http.get('/api/health').then(
        (r) => r.status,
        () => 'refused',
      );
      expect(refused).toBe('refused');
      expect(other.running()).toBe(true);
      // The token signed in at the stopped process: sessions live in PostgreSQL, the secret is shared.
      const tasks = await get(second, 'officer1', '/api/tasks');
      expect(tasks.status).toBe(200);
      await serveOne('one-api', [second]);
    } finally {
      await stopped.start();
    }
    expect((await api.http.get('/api/health')).body).toMatchObject({ status: 'ok' });
  }, 300_000);

  it('loses and doubles nothing when the Temporal services are restarted in the middle of a burst', async () => {
    let steps = 0;
    let struck!: () => void;
    const midway = new Promise<void>((resolve) => (struck = resolve));
    const burst = Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        serveOne(`restart-${n}`, lab.apis, () => {
          if (++steps === 12) struck();
        }),
      ),
    );
    await midway;
    await lab.cluster.restartTemporal();
    await burst;
    expect(Object.values(lab.cluster.temporal).every((p) => p.running())).toBe(true);
  }, 600_000);

  it('afterwards: every burst case served once, the read model equal to the workflows, npm run verify clean', async () => {
    expect(lab.cluster.unexpectedExits).toEqual([]);
    for (const id of served) {
      const timeline = (await get(api, 'auditor1', `/api/cases/${id}/timeline`)).body as Array<{ action: string; version: number }>;
      expect({ id, actions: timeline.map((e) => e.action), versions: timeline.map((e) => e.version) }).toEqual({
        id,
        actions: SERVED_TIMELINE,
        versions: SERVED_TIMELINE.map((_, i) => i + 1),
      });
      expect({ id, applied: await appliedUpdates(lab.client, id) }).toEqual({ id, applied: SERVED_TIMELINE });
    }
    const [{ n }] = await lab.dataSource.query('SELECT count(*)::int AS n FROM cases');
    const report = await verifyCases({ client: lab.client, dataSource: lab.dataSource, taskQueue: lab.cluster.taskQueue });
    expect(report.cases.filter((c) => !c.consistent)).toEqual([]);
    // Every case workflow on the task queue was compared: one started twice would be one too many.
    expect(report.checked).toBe(n);

    // npm run verify is `node dist/tools/verify.js` once compiled; this is the same file from the test's own build.
    const verify = await run(process.execPath, [lab.build.script('tools/verify.ts')], { env: lab.cluster.env.workers[0], timeout: 120_000 }).catch(
      (e: Error & { stdout?: string; code?: number }) => ({ stdout: `${e.stdout ?? ''}\nexit ${e.code}: ${e.message}`, stderr: '' }),
    );
    expect(verify.stdout).not.toMatch(/exit \d+:/);
    expect(verify.stdout).toContain(`verify: ${n} case(s) checked, ${n} consistent, 0 with differences`);
  }, 300_000);

});
