import { Injectable } from '@nestjs/common';
import { ACCOUNTABILITY_FORM_SUBTYPES, ACCOUNTABILITY_FORMS, OFFICIAL_EFFECT_KINDS, bilingual, type AccountabilityForm, type OfficialEffectList, type OfficialEffectView } from '@dandang/contracts';
import { caseListScope } from '@dandang/domain';
import { OfficialEffectsRepository, type OfficialEffectFilter, type OfficialEffectRow } from '@dandang/persistence';
import { CaseAccessService } from '../access/case-access.service';
import type { AuthUser } from '../auth/auth-user';
import { fileStamp, type PreparedExport } from '../exports/case-export.service';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import type { ListEffectsQuery } from './effects.query';

const view = (r: OfficialEffectRow, now: Date): OfficialEffectView => ({
  caseId: r.caseId,
  caseNumber: r.caseNumber,
  personId: r.personId,
  personName: r.personName,
  position: r.position,
  orgUnitId: r.orgUnitId,
  orgUnitName: r.orgUnitName,
  userId: r.userId,
  kind: r.kind,
  source: r.source,
  form: r.form ? { form: r.form as AccountabilityForm, ...(r.subtype ? { subtype: r.subtype } : {}) } : null,
  from: r.from.toISOString(),
  until: r.until?.toISOString() ?? null,
  year: r.year,
  active: r.from <= now && (!r.until || r.until > now),
  updatedAt: r.updatedAt.toISOString(),
});

const formLabel = (r: OfficialEffectRow): string | null => {
  if (!r.form) return null;
  const form = ACCOUNTABILITY_FORMS[r.form as AccountabilityForm];
  const subtype = r.subtype ? ACCOUNTABILITY_FORM_SUBTYPES[r.form as AccountabilityForm]?.[r.subtype] : undefined;
  return [form ? bilingual(form) : r.form, subtype ? bilingual(subtype) : r.subtype].filter(Boolean).join(' / ');
};

/**
 * The register of effects (干部影响期登记): what decisions mean for officials of a unit's subtree, in the cases the
 * caller may list (the case list's rule: never a case they are recused from). Each read is a sensitive read,
 * recorded in the security-event log with its filter and row count before it is answered.
 */
@Injectable()
export class EffectsService {
  constructor(
    private readonly effects: OfficialEffectsRepository,
    private readonly access: CaseAccessService,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  private async filter(user: AuthUser, query: ListEffectsQuery, now: Date): Promise<OfficialEffectFilter | undefined> {
    const scope = caseListScope(user);
    if (!scope) return undefined;
    const orgPath = query.orgUnit && !scope.subjectUserId ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : scope.orgPath;
    return { scope, orgPath, ...(query.active ? { activeAt: now } : {}) };
  }

  async list(user: AuthUser, query: ListEffectsQuery, address: string | undefined): Promise<OfficialEffectList> {
    const now = new Date();
    const filter = await this.filter(user, query, now);
    const rows = filter ? await this.effects.list(filter) : [];
    await this.securityEvents.record({
      kind: 'OFFICIAL_EFFECTS_READ',
      actor: user,
      address,
      details: { rows: rows.length, filters: { orgUnit: query.orgUnit, active: query.active } },
    });
    return { items: rows.map((r) => view(r, now)) };
  }

  async export(user: AuthUser, query: ListEffectsQuery, address: string | undefined): Promise<PreparedExport> {
    const now = new Date();
    const filter = await this.filter(user, query, now);
    const rows = filter ? await this.effects.list(filter) : [];
    await this.securityEvents.record({
      kind: 'OFFICIAL_EFFECTS_EXPORTED',
      actor: user,
      address,
      details: { export: 'official-effects', format: 'xlsx', rows: rows.length, filters: { orgUnit: query.orgUnit, active: query.active } },
    });
    return {
      rows: rows.length,
      fileName: `dandang-official-effects-${fileStamp(now)}.xlsx`,
      tables: [
        {
          title: '干部影响期登记 (Register of effects)',
          headers: [
            '姓名 (Name)', '职务 (Position)', '单位 (Unit)', '影响 (Effect)', '年度 (Year)', '起始 北京时间 CST (From)', '截止 北京时间 CST (Until)',
            '问责方式 (Form)', '案件编号 (Case number)', '正在执行 (Active)',
          ],
          rows: [
            rows.map((r) => [
              r.personName, r.position, r.orgUnitName ?? r.orgUnitId, bilingual(OFFICIAL_EFFECT_KINDS[r.kind]), r.year, r.from, r.until,
              formLabel(r), r.caseNumber, view(r, now).active,
            ]),
          ],
        },
      ],
    };
  }
}
