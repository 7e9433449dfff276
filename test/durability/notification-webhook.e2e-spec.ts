import { WithStartWorkflowOperation } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type CaseWorkflow } from '@dandang/contracts';
import { registerClueUpdate } from '@dandang/workflow-messages';
import { webhookSignature } from '@dandang/activities';
import { CHINA_CALENDAR_2025_2026 } from '@dandang/domain';
import { aDemoCaseInput, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';
import { aDrillPolicy, eventually } from '../support/drill-policy';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'webhook-secret-for-tests';

describe('reminders and escalations reach the webhook, signed, retried until it answers', () => {
  let h: CaseWorkerHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    // The first delivery fails, as a receiver that is briefly down would.
    receiver = await startWebhookReceiver({ refuseFirst: 1 });
    h = await startCaseWorkerHarness({ notificationWebhook: { url: `${receiver.baseUrl}/hooks`, secret: SECRET } });
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  it('delivers each notification once with an HMAC signature of its body', async () => {
    const input = aDemoCaseInput({ policy: aDrillPolicy('drill-webhook', { INTAKE: 2 }), calendar: CHINA_CALENDAR_2025_2026 });
    await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
      }),
    });
    // Every rung reaches the webhook, or this times out and fails.
    await eventually(async () => {
      const kinds = receiver.received.flatMap((r) => (JSON.parse(r.body).notifications as { kind: string }[]).map((n) => n.kind));
      // The refused first batch (the reminders) comes again after its retry's backoff, which may be after the rest.
      return ['REMINDER', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION'].every((k) => kinds.includes(k)) ? kinds : undefined;
    }, 30_000, 'every rung at the webhook, the refused batch retried');
    for (const r of receiver.received) expect(r.signature).toBe(webhookSignature(SECRET, r.body));
    // A batch is marked delivered once the receiver has answered, so the last one is marked a moment after it arrived.
    await eventually(async () => {
      const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND webhook_delivered_at IS NULL`, [input.caseId]);
      return n === 0 ? true : undefined;
    }, 20_000, 'every notification of the case marked delivered');
    const ids = receiver.received.flatMap((r) => (JSON.parse(r.body).notifications as { id: string }[]).map((n) => n.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
