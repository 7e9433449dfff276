import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AdminOrgUnit } from '@dandang/contracts';
import {
  DomainError,
  DomainErrorCode,
  invalidInput,
  moveProblems,
  placementProblems,
  reasonProblems,
  regionCodeProblems,
  retireProblems,
  unitCodeProblems,
  unitNameProblems,
  unitPath,
  type FieldProblem,
} from '@dandang/domain';
import { AdministrationRepository, TakenError, type AdministeredUnit } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { adminOrgUnit } from './admin-views';
import type { CreateOrgUnitDto, MoveOrgUnitDto, RenameOrgUnitDto } from './dto/admin.dto';

export const unitNotFound = (id: string) => new DomainError(DomainErrorCode.NOT_FOUND, `org unit ${id} not found`, 'NOT_FOUND');
const refuse = (problems: FieldProblem[]) => {
  if (problems.length) throw invalidInput(problems);
};

/** 单位管理: the org-unit tree (create, rename, move, retire), each change in the security-event log with its reason. */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly administration: AdministrationRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async list(): Promise<AdminOrgUnit[]> {
    return (await this.administration.listUnits()).map(adminOrgUnit);
  }

  async create(admin: AuthUser, dto: CreateOrgUnitDto, origin: RequestOrigin): Promise<AdminOrgUnit> {
    refuse([...unitCodeProblems(dto.code), ...unitNameProblems(dto.name), ...regionCodeProblems(dto.regionCode), ...reasonProblems(dto.reason)]);
    const parent = dto.parentId === null ? null : await this.administration.findUnit(dto.parentId);
    if (dto.parentId !== null) refuse(placementProblems(parent ?? null, 'parentId'));
    const id = randomUUID();
    try {
      await this.administration.createUnit({ id, code: dto.code, name: dto.name.trim(), parentId: parent?.id ?? null, path: unitPath(parent?.path ?? null, id), regionCode: dto.regionCode || null });
    } catch (e) {
      if (e instanceof TakenError) throw invalidInput([{ field: 'code', message: `unit ${dto.code} already exists` }]);
      throw e;
    }
    await this.record(admin, 'ORG_UNIT_CREATED', id, dto.reason, origin, { code: dto.code, parentId: parent?.id ?? null });
    return this.view(id);
  }

  async rename(admin: AuthUser, id: string, dto: RenameOrgUnitDto, origin: RequestOrigin): Promise<AdminOrgUnit> {
    refuse([...unitNameProblems(dto.name), ...reasonProblems(dto.reason)]);
    const unit = await this.unit(id);
    await this.administration.renameUnit(id, dto.name.trim());
    await this.record(admin, 'ORG_UNIT_RENAMED', id, dto.reason, origin, { code: unit.code, from: unit.name, to: dto.name.trim() });
    return this.view(id);
  }

  /** Moves the unit with its subtree; every case under it follows in the same transaction (who sees it follows too). */
  async move(admin: AuthUser, id: string, dto: MoveOrgUnitDto, origin: RequestOrigin): Promise<AdminOrgUnit> {
    refuse(reasonProblems(dto.reason));
    const moved = await this.administration.moveUnit<FieldProblem[] | 'NOT_FOUND'>(id, dto.parentId, (unit, parent) => {
      if (!unit) return { refusal: 'NOT_FOUND' };
      if (parent === undefined) return { refusal: [{ field: 'parentId', message: 'names no unit' }] };
      const problems = moveProblems(unit, parent);
      return problems.length ? { refusal: problems } : { path: unitPath(parent?.path ?? null, unit.id) };
    });
    if (moved.refusal === 'NOT_FOUND') throw unitNotFound(id);
    if (moved.refusal) refuse(moved.refusal);
    await this.record(admin, 'ORG_UNIT_MOVED', id, dto.reason, origin, { parentId: dto.parentId, units: moved.units, cases: moved.cases });
    return this.view(id);
  }

  /** Retires the unit: it keeps its cases and history, and takes no new users, units or cases. */
  async retire(admin: AuthUser, id: string, reason: string, origin: RequestOrigin): Promise<AdminOrgUnit> {
    refuse(reasonProblems(reason));
    const refusal = await this.administration.retireUnit<FieldProblem[] | 'NOT_FOUND'>(id, new Date(), (unit, holds) => {
      if (!unit) return 'NOT_FOUND';
      const problems = retireProblems(unit, holds);
      return problems.length ? problems : undefined;
    });
    if (refusal === 'NOT_FOUND') throw unitNotFound(id);
    if (refusal) throw new DomainError(DomainErrorCode.CONFLICT, refusal.map((p) => p.message).join('; '), 'UNIT_IN_USE', refusal);
    await this.record(admin, 'ORG_UNIT_RETIRED', id, reason, origin, {});
    return this.view(id);
  }

  private async unit(id: string): Promise<AdministeredUnit> {
    const unit = await this.administration.findUnit(id);
    if (!unit) throw unitNotFound(id);
    return unit;
  }

  private async view(id: string): Promise<AdminOrgUnit> {
    return adminOrgUnit(await this.unit(id));
  }

  private async record(
    admin: AuthUser,
    kind: 'ORG_UNIT_CREATED' | 'ORG_UNIT_RENAMED' | 'ORG_UNIT_MOVED' | 'ORG_UNIT_RETIRED',
    subject: string,
    reason: string,
    origin: RequestOrigin,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.securityEvents.record({ kind, actor: admin, subject, reason: reason.trim(), address: origin.address, details });
  }
}
