import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseNumber, type CaseWorkflowInput, type IntakeMethod, type SupervisionChannel } from '@dandang/contracts';
import { invalidInput, type FieldProblem } from '@dandang/domain';
import { OrgUnitRepository, ReferenceDataRepository, ReporterRepository, UserRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { UnavailableError } from '../infrastructure/unavailable.error';
import { CaseAccessService } from './case-access.service';
import { seesReporter, toCaseView } from './case-view';
import type { RegisterCaseDto } from './dto/register-case.dto';

/** Clocks of offices differ a little; a clue received "in the future" beyond this is a typing error. */
const RECEIVED_AT_SKEW_MS = 5 * 60_000;

/** 问题线索登记: a registered clue becomes a case workflow; the reporter's identity stays in PostgreSQL. */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
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
    const now = new Date();
    // A retry with the same Idempotency-Key reaches the same case, even after a failure that left it half-started.
    const caseId = idempotencyKey ? uuidFrom(`${user.id}:${idempotencyKey}`) : randomUUID();
    const input: CaseWorkflowInput = {
      caseId,
      number: await this.nextCaseNumber(now),
      registration: {
        title: dto.title.trim(),
        summary: dto.summary.trim(),
        channel: dto.channel as SupervisionChannel,
        intakeMethod: dto.intakeMethod as IntakeMethod,
        subject: { name: dto.subject.name.trim(), position: dto.subject.position.trim(), orgUnitId: dto.subject.orgUnitId, userId: dto.subject.userId },
        anonymousReport: !dto.reporter,
        receivedAt: new Date(dto.receivedAt).toISOString(),
        orgUnitId,
      },
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
      return toCaseView(state, user, now, seesReporter(user) ? await this.reporters.findByCaseId(caseId) : null);
    } catch (e) {
      // Nothing of a case that was refused may remain; when the outcome is unknown (Temporal did not answer),
      // the case may exist, so its reporter stays for the retry with the same Idempotency-Key.
      if (!(e instanceof UnavailableError)) await this.reporters.delete(caseId);
      throw e;
    }
  }

  private async checkReferences(user: AuthUser, dto: RegisterCaseDto): Promise<void> {
    const problems: FieldProblem[] = [];
    if (dto.anonymous && dto.reporter) problems.push({ field: 'reporter', message: 'must be omitted for an anonymous report' });
    if (!dto.anonymous && !dto.reporter) problems.push({ field: 'reporter', message: 'is required unless anonymous is true' });
    if (Date.parse(dto.receivedAt) > Date.now() + RECEIVED_AT_SKEW_MS) problems.push({ field: 'receivedAt', message: 'must not be in the future' });
    if (!(await this.orgUnits.findById(dto.subject.orgUnitId))) problems.push({ field: 'subject.orgUnitId', message: 'is not a known org unit' });
    if (dto.subject.userId && !(await this.users.findById(dto.subject.userId))) problems.push({ field: 'subject.userId', message: 'is not a known user' });
    if (dto.subject.userId === user.id) problems.push({ field: 'subject.userId', message: 'you cannot register a clue about yourself' });
    if (problems.length) throw invalidInput(problems);
  }

  /** The next 线索编号, the year in China Standard Time. */
  private async nextCaseNumber(now: Date): Promise<string> {
    const [{ n }] = await this.dataSource.query(`SELECT nextval('case_number_seq') AS n`);
    return caseNumber(new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear(), Number(n));
  }
}

/** A stable UUID (version-4 layout) derived from `text`. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
