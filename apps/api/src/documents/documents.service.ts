import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DOCUMENT_KINDS,
  isDocumentKind,
  type CaseDocument,
  type CaseDocumentList,
  type CaseDocumentView,
  type CaseState,
  type DocumentServiceMethod,
} from '@dandang/contracts';
import { checkAction, documentData, documentKindsFor, documentPerson, documentYear, formatDocumentNumber, invalidInput, personsOf, DomainError, DomainErrorCode } from '@dandang/domain';
import { DocumentRepository, OrgUnitRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseAccessService } from '../access/case-access.service';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { DocumentFileStore } from './document-file-store';
import { DocumentTemplatesService } from './document-templates.service';
import { renderDocx } from './docx/render-docx';
import { PdfConverter } from './pdf-converter';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocumentDownload {
  content: Buffer;
  contentType: string;
  fileName: string;
}

const notFound = (what: string) => new DomainError(DomainErrorCode.NOT_FOUND, `${what} not found`, 'NOT_FOUND');
const view = (state: CaseState, d: CaseDocument): CaseDocumentView => {
  const person = d.personId ? personsOf(state).find((p) => p.personId === d.personId) : undefined;
  return { ...d, kindLabel: DOCUMENT_KINDS[d.kind], ...(person ? { personName: person.name } : {}) };
};

/**
 * 文书: generated from the case's state by the domain's data of each kind and the locality's template, numbered from
 * the kind's sequence of the year, stored sealed, and recorded on the case (number, SHA-256, template) by the
 * `recordDocument` Update, so each document is in the hash-chained audit trail. Served copies record who received them.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly workflows: CaseWorkflowClient,
    private readonly documents: DocumentRepository,
    private readonly orgUnits: OrgUnitRepository,
    private readonly files: DocumentFileStore,
    private readonly templates: DocumentTemplatesService,
    private readonly pdf: PdfConverter,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async list(user: AuthUser, caseId: string): Promise<CaseDocumentList> {
    const record = await this.access.visibleCase(user, caseId);
    const state = record.state;
    const mayGenerate = this.refusalToGenerate(state, user) === undefined;
    return {
      documents: (state.documents ?? []).map((d) => view(state, d)),
      generatable: mayGenerate ? documentKindsFor(state).map((kind) => ({ kind, label: DOCUMENT_KINDS[kind] })) : [],
    };
  }

  async generate(user: AuthUser, caseId: string, kind: unknown, personId?: string): Promise<CaseDocumentView> {
    if (!isDocumentKind(kind)) throw invalidInput([{ field: 'kind', message: `must be one of ${Object.keys(DOCUMENT_KINDS).join(', ')}` }]);
    const record = await this.access.visibleCase(user, caseId);
    const fileId = randomUUID();
    const template = await this.templates.templateFor(kind);
    // Refused before a number is drawn: the case's rules decide who may, and which kinds the case supports now.
    const provisional = { kind, number: '—', sha256: '0'.repeat(64), fileId, templateVersion: template.version };
    checkAction(record.state, 'recordDocument', { actor: actorOf(user), payload: provisional }, new Date());
    // A document of one person: the person named (an unknown one refused, naming personId), or the first it can be.
    const person = documentPerson(kind, record.state, personId);
    const now = new Date();
    const year = documentYear(now);
    const number = formatDocumentNumber(template.numberPrefix, year, await this.documents.nextNumber(kind, year));
    const context = await this.contextOf(record.state, user, number, now, person?.orgUnitId);
    const content = renderDocx(template.content, documentData(kind, record.state, { ...context, ...(person ? { personId: person.personId } : {}) }));
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.files.put({ id: fileId, caseId: record.id, kind, sha256, content });
    const result = await this.workflows.act(
      record.id,
      'recordDocument',
      { actor: actorOf(user), payload: { kind, number, sha256, fileId, templateVersion: template.version, ...(person ? { personId: person.personId } : {}) } },
      `recordDocument:${fileId}`,
    );
    return view(result.state, result.state.documents!.find((d) => d.id === fileId)!);
  }

  /** The document as generated (docx) or rendered from it (pdf); each download is in the security-event log. */
  async download(user: AuthUser, caseId: string, docId: string, format: 'docx' | 'pdf', address?: string): Promise<DocumentDownload> {
    const record = await this.access.visibleCase(user, caseId);
    const doc = (record.state.documents ?? []).find((d) => d.id === docId);
    const file = doc ? await this.files.get(record.id, doc.id) : null;
    if (!doc || !file) throw notFound('document');
    const content = format === 'pdf' ? await this.pdf.toPdf(file.content) : file.content;
    await this.securityEvents.record({
      kind: 'DOCUMENT_DOWNLOADED',
      actor: user,
      subject: record.id,
      address,
      details: { document: doc.id, kind: doc.kind, number: doc.number, format, sha256: doc.sha256 },
    });
    const base = `${DOCUMENT_KINDS[doc.kind].zh}-${doc.number}`;
    return { content, contentType: format === 'pdf' ? 'application/pdf' : DOCX_TYPE, fileName: `${base}.${format}` };
  }

  /** 送达: who received the document, when and how, as a case Update (in the audit trail; the 送达回证 renders it). */
  async recordService(
    user: AuthUser,
    caseId: string,
    docId: string,
    body: { recipient: string; method: DocumentServiceMethod; servedAt: string; note?: string },
  ): Promise<CaseDocumentView> {
    const record = await this.access.visibleCase(user, caseId);
    const result = await this.workflows.act(
      record.id,
      'recordDocumentService',
      { actor: actorOf(user), payload: { fileId: docId, ...body } },
      randomUUID(),
    );
    const doc = result.state.documents?.find((d) => d.id === docId);
    if (!doc) throw notFound('document');
    return view(result.state, doc);
  }

  private refusalToGenerate(state: CaseState, user: AuthUser): DomainError | undefined {
    try {
      checkAction(state, 'recordDocument', { actor: actorOf(user), payload: {} as never }, new Date(), { ignorePayload: true });
      return undefined;
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
  }

  /** The units' names: the case's (the issuing body), and the official's (the person's a document is written for). */
  private async contextOf(state: CaseState, user: AuthUser, number: string, issuedAt: Date, personUnitId?: string) {
    const [caseUnit, subjectUnit] = await Promise.all([
      this.orgUnits.findById(state.registration.orgUnitId),
      this.orgUnits.findById(personUnitId ?? state.registration.subject.orgUnitId),
    ]);
    return { number, issuedAt, issuingBody: caseUnit?.name ?? '', subjectUnit: subjectUnit?.name ?? '', preparedBy: user.displayName };
  }
}

