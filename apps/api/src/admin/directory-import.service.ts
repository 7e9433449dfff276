import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DirectoryImportResult, IssuedPassword } from '@dandang/contracts';
import { DomainError, DomainErrorCode, invalidInput, planDirectoryImport, reasonProblems, unitPath } from '@dandang/domain';
import { AdministrationRepository, TakenError, hashPassword, oneTimePassword } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { adminOrgUnit, adminUser } from './admin-views';
import { importSheets, type UploadedFile } from './import-files';

/**
 * 批量导入: units and users from an organisation department's roster, checked row by row (every problem named by
 * sheet, row and column), then written in one transaction: all or nothing. New accounts get one-time passwords.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly administration: AdministrationRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async import(admin: AuthUser, files: UploadedFile[], reason: unknown, origin: RequestOrigin): Promise<DirectoryImportResult> {
    const reasonRefused = reasonProblems(reason);
    if (reasonRefused.length) throw invalidInput(reasonRefused);
    const sheets = await importSheets(files);
    const plan = planDirectoryImport(sheets, await this.administration.importContext());
    if (plan.problems.length) throw invalidInput(plan.problems);

    const units = plan.units.map((u) => ({ id: randomUUID(), code: u.code, name: u.name, parentCode: u.parentCode, regionCode: u.regionCode }));
    const passwords = new Map(plan.users.map((u) => [u.username, oneTimePassword(u.username)]));
    const users = [];
    for (const u of plan.users) {
      users.push({ id: randomUUID(), username: u.username, displayName: u.displayName, roles: u.roles, unitCode: u.unitCode, passwordHash: await hashPassword(passwords.get(u.username)!), mustChangePassword: true });
    }
    try {
      await this.administration.importDirectory(units, users, unitPath);
    } catch (e) {
      // Another administrator took a code or a username, or retired a unit, between the check and the write.
      if (e instanceof TakenError || /no longer in service/.test((e as Error).message)) {
        throw new DomainError(DomainErrorCode.CONFLICT, `the directory changed meanwhile (${(e as Error).message}); nothing was imported, upload again`, 'DIRECTORY_CHANGED');
      }
      throw e;
    }
    await this.securityEvents.record({
      kind: 'DIRECTORY_IMPORTED',
      actor: admin,
      reason: String(reason).trim(),
      address: origin.address,
      details: { files: files.map((f) => f.originalname), units: units.map((u) => u.code), users: users.map((u) => u.username) },
    });
    // Each new unit and account also under its own id, so that its history starts with how it came.
    for (const u of units) {
      await this.securityEvents.record({ kind: 'ORG_UNIT_CREATED', actor: admin, subject: u.id, reason: String(reason).trim(), address: origin.address, details: { code: u.code, imported: true } });
    }
    for (const u of users) {
      await this.securityEvents.record({
        kind: 'USER_CREATED',
        actor: admin,
        subject: u.id,
        reason: String(reason).trim(),
        address: origin.address,
        details: { username: u.username, roles: u.roles, unitCode: u.unitCode, imported: true },
      });
    }
    const all = await this.administration.listUnits();
    const created = new Set<string>(units.map((u) => u.id));
    const issued: IssuedPassword[] = [];
    for (const u of users) issued.push({ user: adminUser((await this.administration.findUser(u.id))!), oneTimePassword: passwords.get(u.username)! });
    return { units: all.filter((u) => created.has(u.id)).map(adminOrgUnit), users: issued };
  }
}
