import { Injectable } from '@nestjs/common';
import {
  Client,
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { encodeToPayloads } from '@temporalio/common/lib/internal-non-workflow';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type ReviewActionName, type ReviewRequest, type ReviewResult, type ActionName, type ActionRequest, type ActionResult, type CaseState, type CaseWorkflow, type CaseWorkflowInput, type PinnedCalendar } from '@dandang/contracts';
import { CaseNumberKey, CaseOrgUnitKey, CaseStageKey, calendarPublishedSignal, caseActionUpdates, registerClueUpdate, reviewActionUpdates } from '@dandang/workflow-messages';
import { DomainError, DomainErrorCode } from '@dandang/domain';
import { ApiConfig } from './api-config';
import { UnavailableError } from './unavailable.error';

/** How long the API waits for a worker to answer an Update before telling the caller to retry. */
const UPDATE_DEADLINE_MS = 15_000;

/** Starts case workflows and sends them officer actions; Temporal's errors become domain or availability errors. */
@Injectable()
export class CaseWorkflowClient {
  constructor(
    private readonly client: Client,
    private readonly config: ApiConfig,
  ) {}

  register(input: CaseWorkflowInput, updateId: string): Promise<CaseState> {
    const operation = new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(input.caseId),
      taskQueue: this.config.values.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CaseStageKey, value: 'INTAKE' },
        { key: CaseNumberKey, value: input.number },
        { key: CaseOrgUnitKey, value: input.registration.orgUnitId },
      ],
    });
    return this.call(() =>
      this.client.workflow.executeUpdateWithStart(registerClueUpdate, { updateId, startWorkflowOperation: operation }),
    );
  }

  act(caseId: string, action: ActionName, request: ActionRequest, updateId: string): Promise<ActionResult> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(caseId));
    return this.call(() =>
      handle.executeUpdate(caseActionUpdates[action] as never, { args: [request] as never, updateId }),
    ) as Promise<ActionResult>;
  }

  /** A step of a fault-tolerance review, sent to the review's own workflow. */
  actOnReview(workflowId: string, action: ReviewActionName, request: ReviewRequest, updateId: string): Promise<ReviewResult> {
    const handle = this.client.workflow.getHandle(workflowId);
    return this.call(() =>
      handle.executeUpdate(reviewActionUpdates[action] as never, { args: [request] as never, updateId }),
    ) as Promise<ReviewResult>;
  }

  /**
   * Tells every running case of a calendar publication, as one server-side batch signal (a single call however many
   * cases run; the server delivers and retries). The job is named for the version, so telling again is harmless.
   */
  async tellCalendarPublished(calendar: PinnedCalendar): Promise<void> {
    const payloads = await encodeToPayloads(this.client.options.loadedDataConverter, calendar);
    await this.call(() =>
      this.client.workflowService.startBatchOperation({
        namespace: this.client.options.namespace,
        jobId: `calendar-published-${calendar.version}`,
        reason: `calendar ${calendar.version} published`,
        visibilityQuery: `WorkflowType = '${CASE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`,
        signalOperation: { signal: calendarPublishedSignal.name, input: { payloads }, identity: 'dandang-api' },
      }),
    );
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.client.connection.withDeadline(Date.now() + UPDATE_DEADLINE_MS, fn);
    } catch (e) {
      throw translate(e);
    }
  }
}

function translate(e: unknown): Error {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const detail = e.cause.details?.[0] as Partial<DomainError> | undefined;
    if (detail?.code && Object.values(DomainErrorCode).includes(detail.code)) {
      return new DomainError(detail.code, e.cause.message, detail.reason ?? e.cause.type ?? 'REFUSED', detail.fields ?? []);
    }
  }
  if (e instanceof WorkflowNotFoundError) {
    return new DomainError(DomainErrorCode.NOT_FOUND, 'case workflow not found', 'NOT_FOUND');
  }
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcServiceError(e) || isTransient(e) || (e instanceof Error && /deadline|unavailable|timed? ?out/i.test(e.message))) {
    return new UnavailableError('案件流程暂时无法响应，请用同一 Idempotency-Key 重试 (the case workflow did not answer in time; retry with the same Idempotency-Key)');
  }
  return e instanceof Error ? e : new Error(String(e));
}

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_FAILED_PRECONDITION = 9;
const GRPC_UNAVAILABLE = 14;

/**
 * A refusal by the Temporal server that the same call may overcome later: the server was unreachable or busy, or the
 * workflow's task was failing (the server refuses Updates until a task succeeds again, e.g. while the task a killed
 * worker held is retried). The client wraps these in a ServiceError.
 */
function isTransient(e: unknown): boolean {
  if (!(e instanceof ServiceError) || !isGrpcServiceError(e.cause)) return false;
  const { code, details } = e.cause;
  if (code === GRPC_FAILED_PRECONDITION) return /Workflow Task in failed state/i.test(details);
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || code === GRPC_RESOURCE_EXHAUSTED;
}
