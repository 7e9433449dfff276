import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type CaseWorkflow } from '@dandang/contracts';
import { registerClueUpdate } from '@dandang/workflow-messages';
import { CHINA_CALENDAR_2025_2026 } from '@dandang/domain';
import { freePort, startTemporalDevServer, type RunningDevServer } from '@dandang/embedded-services/temporal';
import { AuditRepository } from '@dandang/persistence';
import { aDemoCaseInput, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';
import { aDrillPolicy, eventually } from '../support/drill-policy';

/** Its own dev server, so restarting it disturbs no other test file. */
describe('stage clocks survive a restart of the worker and of the Temporal dev server', () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'dandang-restart-')), 'temporal.db');
  let port: number;
  let server: RunningDevServer;
  let h: CaseWorkerHarness;

  beforeAll(async () => {
    port = await freePort();
    server = await startTemporalDevServer({ dbFile, port });
    h = await startCaseWorkerHarness({ temporalAddress: server.address });
  });
  afterAll(async () => {
    await h.close();
    await server.stop();
  });

  it('loses no rung and fires none twice when both go down mid-wait', async () => {
    const input = aDemoCaseInput({ policy: aDrillPolicy('drill-restart', { INTAKE: 8 }), calendar: CHINA_CALENDAR_2025_2026 });
    await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue: h.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    const audit = new AuditRepository(h.dataSource);
    const rungs = async () => (await audit.listForCase(input.caseId)).filter((e) => e.action === 'deadlineRung');
    await eventually(async () => ((await rungs()).length >= 1 ? true : undefined), 15_000, 'the first reminder');

    await h.stopWorker();
    await server.stop();
    server = await startTemporalDevServer({ dbFile, port });
    await h.startWorker();

    const fired = await eventually(async () => {
      const all = await rungs();
      return all.length >= 5 ? all : undefined;
    }, 30_000, 'every rung after the restart');
    expect(fired.map((e) => e.payload['rung'])).toEqual(['REMINDER@0.5', 'REMINDER@0.8', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    expect(new Set(fired.map((e) => e.version)).size).toBe(5);
    expect(await audit.verifyChain(input.caseId)).toMatchObject({ valid: true, events: 6 });
  });
});
