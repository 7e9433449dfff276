import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isActionName, type ActionName, type ActionPayloads } from '@dandang/contracts';
import { DomainError, DomainErrorCode, invalidInput, isPlainObject, validateActionPayload } from '@dandang/domain';
import { ReporterRepository, UserRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { CaseAccessService } from './case-access.service';
import { toCaseView } from './case-view';

/** Fields naming a user who will be given the case: they must be an active case officer who can see it. */
const ASSIGNEE_FIELDS: Partial<Record<ActionName, 'assigneeId' | 'toUserId'>> = { acceptClue: 'assigneeId', reassign: 'toUserId' };

@Injectable()
export class CaseActionsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly users: UserRepository,
    private readonly reporters: ReporterRepository,
    private readonly workflows: CaseWorkflowClient,
  ) {}

  /** Sends an officer action to the case's workflow; answers once the change is in the read model. */
  async perform(user: AuthUser, caseId: string, action: string, body: unknown, idempotencyKey?: string) {
    if (!isActionName(action)) throw new DomainError(DomainErrorCode.NOT_FOUND, `unknown action ${action}`, 'UNKNOWN_ACTION');
    const record = await this.access.visibleCase(user, caseId);
    const { expectedVersion, payload } = splitBody(body);
    const problems = validateActionPayload(action, payload);
    if (problems.length) throw invalidInput(problems);
    await this.checkAssignee(action, payload as Record<string, unknown>, record.orgPath);
    const result = await this.workflows.act(
      caseId,
      action,
      { actor: actorOf(user), payload: payload as ActionPayloads[ActionName], expectedVersion },
      idempotencyKey ? `${action}:${user.id}:${idempotencyKey}` : randomUUID(),
    );
    return toCaseView(result.state, user, new Date(), await this.reporters.findByCaseId(caseId));
  }

  private async checkAssignee(action: ActionName, payload: Record<string, unknown>, caseOrgPath: string): Promise<void> {
    const field = ASSIGNEE_FIELDS[action];
    const userId = field ? payload[field] : undefined;
    if (typeof userId !== 'string') return;
    const assignee = await this.users.findById(userId);
    const unitOk = assignee && (await this.access.visibleCaseOrgFor(assignee.orgUnitId, caseOrgPath));
    if (!assignee || !assignee.active || !assignee.roles.includes('CASE_OFFICER') || !unitOk) {
      throw invalidInput([{ field: field!, message: 'must be an active case officer who can see this case' }]);
    }
  }
}

function splitBody(body: unknown): { expectedVersion?: number; payload: unknown } {
  if (!isPlainObject(body)) return { payload: body };
  const { expectedVersion, ...payload } = body;
  if (expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || (expectedVersion as number) < 1)) {
    throw invalidInput([{ field: 'expectedVersion', message: 'must be a positive integer' }]);
  }
  return { expectedVersion: expectedVersion as number | undefined, payload };
}
