import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { ACTION_SPECS, EVIDENCE_MEDIA_TYPES, type CaseState, type EvidenceFileView, type EvidenceKind } from '@dandang/contracts';
import {
  DomainError,
  DomainErrorCode,
  SNIFF_BYTES,
  checkAction,
  checkField,
  conflict,
  evidenceItemOfFile,
  evidenceMaxBytes,
  forbidden,
  invalidInput,
  isOfficialConcerned,
  readsAsAuditor,
  sniffEvidenceType,
  type FieldProblem,
} from '@dandang/domain';
import { EvidenceFileRepository, FileTooLargeError, SealedFileStore, type EvidenceFileRecord } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseAccessService } from '../access/case-access.service';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { peek, readUpload, type UploadPart } from './upload-stream';

/** What the form of an upload carries besides the file (ACTION_SPECS.attachEvidence's typed fields). */
const FORM_FIELDS = ['kind', 'description', 'supersedes'] as const;
/** Multipart framing beyond the file itself: a request longer than the limit by more than this is refused unread. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

const notFound = (what: string) => new DomainError(DomainErrorCode.NOT_FOUND, `${what} not found`, 'NOT_FOUND');

/**
 * Evidence files (issue 19 §2): streamed into the sealed file store with their SHA-256 computed on the way, recorded
 * in the case by its workflow (attachEvidence, in the hash-chained trail), read back only by staff who may see the
 * case, each download in the security-event log. Nothing deletes one; a correction supersedes it.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly files: EvidenceFileRepository,
    private readonly store: SealedFileStore,
    private readonly workflows: CaseWorkflowClient,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async upload(user: AuthUser, caseId: string, req: IncomingMessage): Promise<EvidenceFileView> {
    const record = await this.access.visibleCase(user, caseId);
    const actor = actorOf(user);
    // Refused before a byte is read: the same check the workflow's validator makes, less the payload.
    checkAction(record.state, 'attachEvidence', { actor, payload: {} as never }, new Date(), { ignorePayload: true });
    const maxBytes = evidenceMaxBytes(record.state.policy);
    const declared = Number(req.headers['content-length']);
    if (declared > maxBytes + FORM_OVERHEAD_BYTES) {
      req.resume();
      throw tooLarge(maxBytes);
    }
    const stored = await readUpload(req, maxBytes, (part) => this.storeFile(user, record.state, part, maxBytes));
    const { fields, file } = stored;
    const result = await this.workflows.act(
      caseId,
      'attachEvidence',
      {
        actor,
        payload: {
          fileId: file.id,
          kind: fields.kind as EvidenceKind,
          description: fields.description,
          name: file.name,
          mediaType: file.mediaType,
          size: file.size,
          sha256: file.sha256,
          ...(fields.supersedes ? { supersedes: fields.supersedes } : {}),
        },
      },
      `attachEvidence:${file.id}`,
    );
    return toView(result.state, file)!;
  }

  /** The case's evidence files, oldest first, for staff who may read the case's content. */
  async list(user: AuthUser, caseId: string): Promise<EvidenceFileView[]> {
    const record = await this.readableCase(user, caseId);
    const rows = await this.files.listByCase(caseId);
    return rows.map((row) => toView(record.state, row)).filter((v): v is EvidenceFileView => v !== undefined);
  }

  /** The file's plaintext, and its row for the headers; the download goes to the security-event log first. */
  async download(user: AuthUser, caseId: string, fileId: string, address?: string): Promise<{ file: EvidenceFileRecord; content: Readable }> {
    const record = await this.readableCase(user, caseId);
    const file = evidenceItemOfFile(record.state, fileId) ? await this.files.find(caseId, fileId) : undefined;
    if (!file) throw notFound('evidence file');
    const content = await this.store.get({ id: file.id, key: file.storageKey, wrappedKey: file.wrappedKey });
    await this.securityEvents.record({
      kind: 'EVIDENCE_DOWNLOADED',
      actor: user,
      subject: caseId,
      address,
      details: { fileId: file.id, sha256: file.sha256, size: file.size },
    });
    return { file, content };
  }

  /**
   * A case whose content the user may read: an auditor reads the course of a case, not what it holds (audit-view),
   * and the official concerned sees the decision about them, not the evidence (subjectCaseView).
   */
  private async readableCase(user: AuthUser, caseId: string) {
    const record = await this.access.visibleCase(user, caseId);
    if (readsAsAuditor(user) || isOfficialConcerned(user)) {
      throw forbidden('NO_CASE_CONTENT', '审计员和被反映人不能查看证据内容 (evidence files are for the staff handling the case)');
    }
    return record;
  }

  private async storeFile(user: AuthUser, state: CaseState, part: UploadPart, maxBytes: number) {
    const fields = formFields(part.fields);
    if (fields.supersedes) {
      const corrected = evidenceItemOfFile(state, fields.supersedes);
      if (!corrected) throw invalidInput([{ field: 'supersedes', message: 'must be an evidence file of this case' }]);
      if (corrected.supersededBy !== undefined) throw conflict('EVIDENCE_SUPERSEDED', `证据 ${corrected.seq} 已被更正 (evidence ${corrected.seq} was already corrected)`);
    }
    const { head, whole } = await peek(part.content, SNIFF_BYTES);
    const mediaType = sniffEvidenceType(head);
    if (!mediaType) {
      whole.destroy();
      throw new UnsupportedMediaTypeException(
        `file: its content is none of the allowed types (${Object.values(EVIDENCE_MEDIA_TYPES).map((l) => l.en).join(', ')}), whatever its name says`,
      );
    }
    const id = randomUUID();
    let stored;
    try {
      stored = await this.store.put(whole, { id, maxBytes });
    } catch (e) {
      if (e instanceof FileTooLargeError) throw tooLarge(maxBytes);
      throw e;
    }
    const file: EvidenceFileRecord = {
      id,
      caseId: state.caseId,
      name: safeName(part.filename),
      mediaType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      wrappedKey: stored.wrappedKey,
      uploadedBy: user.id,
      uploadedByName: user.displayName,
      uploadedAt: new Date(),
      supersedes: fields.supersedes ?? null,
    };
    // The row before the case records it: a file the workflow then refuses stays a row no case lists, never a blob
    // nobody can find.
    await this.files.add(file);
    return { fields, file };
  }
}

function tooLarge(maxBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`file: larger than this case's limit of ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MiB, policy evidenceMaxBytes)`);
}

/** The form's fields, checked by attachEvidence's field specs before anything is stored. */
function formFields(raw: Record<string, string>): { kind: string; description: string; supersedes?: string } {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(raw)) {
    if (!(FORM_FIELDS as readonly string[]).includes(name)) problems.push({ field: name, message: 'is not a field of an evidence upload' });
  }
  const supersedes = raw['supersedes'] || undefined;
  const values: Record<string, string | undefined> = { kind: raw['kind'], description: raw['description'], supersedes };
  for (const name of FORM_FIELDS) {
    const problem = checkField(ACTION_SPECS.attachEvidence.fields[name], values[name]);
    if (problem) problems.push({ field: name, message: problem });
  }
  if (problems.length) throw invalidInput(problems);
  return { kind: raw['kind'], description: raw['description'], supersedes };
}

/** The uploader's file name without any folder, control characters or excess length. */
function safeName(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...(base || 'evidence')].slice(0, 200).join('');
}

function toView(state: CaseState, row: EvidenceFileRecord): EvidenceFileView | undefined {
  const item = evidenceItemOfFile(state, row.id);
  if (!item) return undefined;
  const fileOf = (seq: number | undefined) => (seq === undefined ? null : (state.evidence.find((e) => e.seq === seq)?.file?.fileId ?? null));
  return {
    id: row.id,
    caseId: row.caseId,
    seq: item.seq,
    kind: item.kind,
    description: item.description,
    name: row.name,
    mediaType: row.mediaType,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploadedByName,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
    supersedes: fileOf(item.supersedes),
    supersededBy: fileOf(item.supersededBy),
  };
}
