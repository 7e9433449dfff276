import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseWorkflowInput, IntakeMethod, SupervisionChannel } from '@dandang/contracts';
import { assertRegistrable, caseNumberAt, caseRegistrationOf, invalidInput, placementProblems } from '@dandang/domain';
import { CaseNumberRepository, OrgUnitRepository, ReferenceDataRepository, ReporterRepository, UserRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { UnavailableError } from '../infrastructure/unavailable.error';
import { CaseAccessService } from '../access/case-access.service';
import { toCaseView } from './case-view';
import type { RegisterCaseDto } from './dto/register-case.dto';

/** 问题线索登记: a registered clue becomes a case workflow; the reporter's identity stays in PostgreSQL. */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly caseNumbers: CaseNumberRepository,
    private readonly access: CaseAccessService,
    private readonly orgUnits: OrgUnitRepository,
    private readonly users: UserRepository,
    private readonly reporters: ReporterRepository,
    private readonly referenceData: ReferenceDataRepository,
    private readonly workflows: CaseWorkflowClient,
  ) {}

  async register(user: AuthUser, dto: RegisterCaseDto, idempotencyKey?: string) {
    await this.checkReferences(user, dto);
    const orgUnitId = dto.orgUnitId ?? user.orgUnitId;
    await this.access.orgPathWithin(user, orgUnitId, 'orgUnitId');
    // A new case pins the newest policy and calendar; running cases keep theirs.
    const [policy, calendar, unit] = await Promise.all([
      this.referenceData.latestPolicy(),
      this.referenceData.latestCalendar(),
      this.orgUnits.findById(orgUnitId),
    ]);
    // A retired unit (已撤销) keeps its cases but takes no new one.
    if (unit?.retiredAt) throw invalidInput(placementProblems(unit, 'orgUnitId'));
    const now = new Date();
    // A retry with the same Idempotency-Key reaches the same case, even after a failure that left it half-started.
    const caseId = idempotencyKey ? uuidFrom(`${user.id}:${idempotencyKey}`) : randomUUID();
    const input: CaseWorkflowInput = {
      caseId,
      number: await this.nextCaseNumber(now),
      // The DTO's validators admit only known channels and intake methods.
      registration: caseRegistrationOf({ ...dto, channel: dto.channel as SupervisionChannel, intakeMethod: dto.intakeMethod as IntakeMethod }, orgUnitId),
      registeredBy: actorOf(user),
      registeredAt: now.toISOString(),
      policy,
      calendar,
      calendarRegion: unit?.regionCode ?? undefined,
      recusedUserIds: dto.subject.userId ? [dto.subject.userId] : [],
    };
    await this.reporters.insert({
      caseId,
      anonymous: !dto.reporter,
      name: dto.reporter?.name ?? null,
      contact: dto.reporter?.contact ?? null,
      recordedBy: user.id,
    });
    try {
      const state = await this.workflows.register(input, idempotencyKey ? `register:${user.id}:${idempotencyKey}` : caseId);
      return toCaseView(state, user, now);
    } catch (e) {
      // Nothing of a case that was refused may remain; when the outcome is unknown (Temporal did not answer),
      // the case may exist, so its reporter stays for the retry with the same Idempotency-Key.
      if (!(e instanceof UnavailableError)) await this.reporters.delete(caseId);
      throw e;
    }
  }

  private async checkReferences(user: AuthUser, dto: RegisterCaseDto): Promise<void> {
    const facts = {
      registrantId: user.id,
      subjectOrgUnitKnown: Boolean(await this.orgUnits.findById(dto.subject.orgUnitId)),
      subjectUserKnown: dto.subject.userId !== undefined && Boolean(await this.users.findById(dto.subject.userId)),
    };
    assertRegistrable(dto, facts, new Date());
  }

  /** The next 线索编号, the year in China Standard Time. */
  private async nextCaseNumber(now: Date): Promise<string> {
    return caseNumberAt(now, await this.caseNumbers.next());
  }
}

/** A stable UUID (version-4 layout) derived from `text`. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
