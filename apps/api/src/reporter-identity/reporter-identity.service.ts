import { Injectable } from '@nestjs/common';
import { STAGE_LABELS, type PendingReveal, type RevealedReporter } from '@dandang/contracts';
import { assertMayReveal, caseListScope, revealRequestView, revealsAwaiting } from '@dandang/domain';
import { CaseReadRepository, ReporterRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseAccessService } from '../access/case-access.service';
import { SecurityEventLog } from '../security-events/security-event-log.service';

/**
 * 举报人信息查看 (the reveal): the reporter's identity, shown only to the officer whose request a custodian approved,
 * while the approval is in force; each showing is recorded in the security-event log before it is answered.
 */
@Injectable()
export class ReporterIdentityService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CaseReadRepository,
    private readonly reporters: ReporterRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async reveal(user: AuthUser, caseId: string, address?: string): Promise<RevealedReporter> {
    const record = await this.access.visibleCase(user, caseId);
    const now = new Date();
    const grant = assertMayReveal(record.state, actorOf(user), now);
    const reporter = await this.reporters.findByCaseId(record.id);
    // Recorded first: if the record cannot be written, nothing is shown.
    await this.securityEvents.record({
      kind: 'REPORTER_IDENTITY_REVEALED',
      actor: user,
      subject: record.id,
      address,
      details: { request: grant.seq, approvedBy: grant.decidedBy, expiresAt: grant.expiresAt },
    });
    return {
      caseId: record.id,
      number: record.number,
      name: reporter?.name ?? null,
      contact: reporter?.contact ?? null,
      seq: grant.seq,
      expiresAt: grant.expiresAt!,
      revealedAt: now.toISOString(),
    };
  }

  /** The requests waiting for the caller's decision as a custodian, on the cases they see. */
  async awaiting(user: AuthUser): Promise<PendingReveal[]> {
    const scope = caseListScope(user);
    if (!scope || scope.subjectUserId) return [];
    const now = new Date();
    const actor = actorOf(user);
    const records = await this.cases.withPendingReveals({ orgPath: scope.orgPath, notRecused: scope.notRecused });
    return records.flatMap((c) =>
      revealsAwaiting(c.state, actor).map((r) => ({
        caseId: c.id,
        number: c.number,
        title: c.title,
        stage: c.stage,
        stageLabel: STAGE_LABELS[c.stage],
        request: revealRequestView(r, now),
      })),
    );
  }
}
