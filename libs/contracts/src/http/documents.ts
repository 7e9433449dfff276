import type { CaseDocument, DocumentKind } from '../documents';
import type { Label } from '../labels';

/** `GET /api/cases/:id/documents`: one generated document, with its kind's label. */
export interface CaseDocumentView extends CaseDocument {
  kindLabel: Label;
  /** The name of the person the document is for, as the case holds it. */
  personName?: string;
}

/** `GET /api/cases/:id/documents`: the documents generated and the kinds the case could produce now. */
export interface CaseDocumentList {
  documents: CaseDocumentView[];
  /** Kinds the case's state supports now (empty for a reader who may not generate). */
  generatable: { kind: DocumentKind; label: Label }[];
}

/** `GET /api/admin/document-templates`: the template each kind renders with now. */
export interface DocumentTemplateInfo {
  kind: DocumentKind;
  label: Label;
  /** 0: the built-in template; 1, 2, …: an administrator's upload. */
  version: number;
  /** The 文号's prefix (e.g. 纪立), before 〔year〕n号. */
  numberPrefix: string;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string | null;
  /** The placeholders the template uses. */
  tags: string[];
}
