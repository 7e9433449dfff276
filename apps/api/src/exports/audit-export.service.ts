import { Injectable } from '@nestjs/common';
import type { AuditTrailExport, AuditTrailExportEvent, TimelineEntry } from '@dandang/contracts';
import { auditTimelineEntry, readsAsAuditor } from '@dandang/domain';
import { AuditRepository } from '@dandang/persistence';
import { CaseAccessService } from '../access/case-access.service';
import type { AuthUser } from '../auth/auth-user';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { fileStamp } from './case-export.service';
import { csvField } from './table-writer';

const CSV_HEADERS = [
  '流 (Stream)', '序号 (Version)', '操作 (Action)', '操作人ID (Actor id)', '操作人 (Actor)', '角色 (Role)', '时间 (Occurred at, UTC)',
  '原阶段 (From stage)', '新阶段 (To stage)', '记录值 (Payload)', '未导出 (Withheld)', '前一哈希 (Previous hash)', '哈希 (Hash)',
];

/**
 * An auditor's export of a case's audit chain (审计链): every event of every stream as the auditor's timeline shows it
 * (`auditTimelineEntry`: what was written is withheld and named), with both hashes and the chain's verification
 * at the time of the export. Recorded in the security-event log before it is answered.
 */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly audit: AuditRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async export(user: AuthUser, caseId: string, format: 'json' | 'csv', address: string | undefined) {
    const record = await this.access.visibleCase(user, caseId);
    const [events, verification] = await Promise.all([this.audit.listForCase(record.id), this.audit.verifyChain(record.id)]);
    await this.securityEvents.record({
      kind: 'AUDIT_TRAIL_EXPORTED',
      actor: user,
      subject: record.id,
      address,
      details: { format, events: events.length, valid: verification.valid },
    });
    const exported: AuditTrailExportEvent[] = events.map((e) => {
      const entry: TimelineEntry = {
        stream: e.stream, version: e.version, action: e.action, actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
        occurredAt: e.occurredAt.toISOString(), reason: e.reason, fromStage: e.fromStage, toStage: e.toStage, payload: e.payload, hash: e.hash,
      };
      const seen = readsAsAuditor(user) ? auditTimelineEntry(entry) : entry;
      return {
        stream: e.stream, version: e.version, action: e.action, actorId: e.actorId, actorName: seen.actor.name, actorRole: e.actorRole,
        occurredAt: seen.occurredAt, fromStage: e.fromStage, toStage: e.toStage, payload: seen.payload, withheld: seen.withheld ?? [],
        prevHash: e.prevHash, hash: e.hash,
      };
    });
    const json: AuditTrailExport = {
      caseId: record.id,
      number: record.number,
      exportedAt: new Date().toISOString(),
      exportedBy: user.username,
      verification: { valid: verification.valid, events: verification.events, ...(verification.brokenAt ? { brokenAt: verification.brokenAt } : {}) },
      events: exported,
    };
    const line = (cells: (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;
    const broken = verification.brokenAt;
    const csv = format === 'csv'
      ? '\uFEFF' +
        line(['线索编号 (Case number)', record.number]) +
        line(['校验结果 (Verification)', verification.valid ? '完整 (valid)' : '已被篡改 (broken)', broken ? `${broken.stream ?? 'case'} v${broken.version}: ${broken.problem}` : null]) +
        line(['事件数 (Events)', verification.events]) +
        line(['导出时间 (Exported at, UTC)', json.exportedAt]) +
        '\r\n' +
        line(CSV_HEADERS) +
        exported.map((e) => line([e.stream, e.version, e.action, e.actorId, e.actorName, e.actorRole, e.occurredAt, e.fromStage, e.toStage, JSON.stringify(e.payload), e.withheld.join(' '), e.prevHash, e.hash])).join('')
      : undefined;
    return { json, csv, fileName: `dandang-audit-${record.number}-${fileStamp(new Date())}.${format}` };
  }
}
