import type { EvidenceKind } from '../enums';

/** `GET /api/cases/:id/evidence`, `POST /api/cases/:id/evidence`: one stored evidence file. */
export interface EvidenceFileView {
  id: string;
  caseId: string;
  /** The item's number in the case's evidence (`EvidenceItem.seq`). */
  seq: number;
  kind: EvidenceKind;
  description: string;
  /** The name the uploader's file had; the type below is what its content is. */
  name: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the bytes, computed by the server as they arrived. */
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
  /** The file this one corrects. */
  supersedes: string | null;
  /** The file that corrects this one: a superseded file stays, as evidence is never deleted. */
  supersededBy: string | null;
}
