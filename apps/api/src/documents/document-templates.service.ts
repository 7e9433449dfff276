import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind, type DocumentTemplateInfo } from '@dandang/contracts';
import { DEFAULT_DOCUMENT_NUMBER_PREFIXES, DomainError, DomainErrorCode, documentData, documentYear, formatDocumentNumber, invalidInput, sampleDocumentCase } from '@dandang/domain';
import { DocumentRepository } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { builtinTemplate } from './docx/builtin-template';
import { renderDocx, templateTagsOf } from './docx/render-docx';

/** The template a document of a kind renders with: the locality's newest upload, or the built-in one (version 0). */
export interface ResolvedTemplate {
  kind: DocumentKind;
  version: number;
  content: Buffer;
  numberPrefix: string;
  uploadedBy: string | null;
  uploadedAt: Date | null;
}

/** A 文号 prefix: a few characters, no brackets or digits of the number itself. */
const PREFIX = /^[^\s〔〕[\]{}0-9]{1,20}$/u;
/** Largest template accepted; a template is a few tens of kilobytes. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** Templates per kind: built in, replaced by an administrator's upload (versioned; the newest applies). */
@Injectable()
export class DocumentTemplatesService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async templateFor(kind: DocumentKind): Promise<ResolvedTemplate> {
    const stored = await this.documents.latestTemplate(kind);
    if (stored) return { kind, version: stored.version, content: stored.content, numberPrefix: stored.numberPrefix, uploadedBy: stored.uploadedByName, uploadedAt: stored.uploadedAt };
    return { kind, version: 0, content: builtinTemplate(kind), numberPrefix: DEFAULT_DOCUMENT_NUMBER_PREFIXES[kind], uploadedBy: null, uploadedAt: null };
  }

  async list(): Promise<DocumentTemplateInfo[]> {
    const kinds = Object.keys(DOCUMENT_KINDS) as DocumentKind[];
    return Promise.all(kinds.map(async (kind) => info(await this.templateFor(kind))));
  }

  async current(kind: string): Promise<ResolvedTemplate> {
    return this.templateFor(this.kindOf(kind));
  }

  /**
   * Replaces the kind's template by `content`, after rendering it with a sample case that has taken every step: a
   * template whose tags do not parse, or that names a tag the kind does not carry, is refused naming the tag.
   */
  async upload(user: AuthUser, kindParam: string, content: Buffer | undefined, numberPrefix: unknown, address?: string): Promise<DocumentTemplateInfo> {
    const kind = this.kindOf(kindParam);
    if (!content?.length) throw invalidInput([{ field: 'file', message: 'is required: a .docx file' }]);
    if (numberPrefix !== undefined && (typeof numberPrefix !== 'string' || !PREFIX.test(numberPrefix))) {
      throw invalidInput([{ field: 'numberPrefix', message: 'must be 1 to 20 characters, without spaces, brackets or digits' }]);
    }
    const current = await this.templateFor(kind);
    const prefix = (numberPrefix as string | undefined) ?? current.numberPrefix;
    const now = new Date();
    renderDocx(content, documentData(kind, sampleDocumentCase(kind), {
      number: formatDocumentNumber(prefix, documentYear(now), 1),
      issuedAt: now,
      issuingBody: '示例纪律检查委员会',
      subjectUnit: '示例局',
      preparedBy: '示例承办人',
    }));
    const stored = await this.documents.addTemplate({ kind, content, sha256: sha256(content), numberPrefix: prefix, uploadedBy: user.id, uploadedByName: user.displayName });
    await this.securityEvents.record({
      kind: 'DOCUMENT_TEMPLATE_REPLACED',
      actor: user,
      subject: kind,
      address,
      details: { version: stored.version, sha256: stored.sha256, numberPrefix: prefix },
    });
    return info({ kind, version: stored.version, content, numberPrefix: prefix, uploadedBy: stored.uploadedByName, uploadedAt: stored.uploadedAt });
  }

  private kindOf(kind: string): DocumentKind {
    if (!isDocumentKind(kind)) throw new DomainError(DomainErrorCode.NOT_FOUND, `no document kind ${kind}`, 'NOT_FOUND');
    return kind;
  }
}

function info(t: ResolvedTemplate): DocumentTemplateInfo {
  return {
    kind: t.kind,
    label: DOCUMENT_KINDS[t.kind],
    version: t.version,
    numberPrefix: t.numberPrefix,
    sha256: sha256(t.content),
    uploadedBy: t.uploadedBy,
    uploadedAt: t.uploadedAt ? t.uploadedAt.toISOString() : null,
    tags: templateTagsOf(t.content),
  };
}
