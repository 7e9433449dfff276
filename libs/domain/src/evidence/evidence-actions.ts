import { EVIDENCE_DEFAULT_MAX_BYTES, type CaseState, type EvidenceItem, type PinnedPolicy } from '@dandang/contracts';
import type { Evolutions, PayloadChecks } from '../case/action-handlers';
import { conflict, invalidInput } from '../errors';

/** The largest evidence file the case's policy admits, in bytes. */
export const evidenceMaxBytes = (policy: Pick<PinnedPolicy, 'evidenceMaxBytes'>): number => policy.evidenceMaxBytes ?? EVIDENCE_DEFAULT_MAX_BYTES;

/** The case's evidence item that holds the file `fileId`. */
export const evidenceItemOfFile = (state: CaseState, fileId: string): EvidenceItem | undefined =>
  state.evidence.find((e) => e.file?.fileId === fileId);

/**
 * A correction supersedes a file of this case that nothing has superseded yet: evidence is never deleted, and a
 * chain of corrections stays a chain.
 */
export const EVIDENCE_PAYLOAD_CHECKS: PayloadChecks<'attachEvidence'> = {
  attachEvidence: (state, p) => {
    if (evidenceItemOfFile(state, p.fileId)) throw conflict('EVIDENCE_ATTACHED', `file ${p.fileId} is already evidence of this case`);
    if (p.supersedes === undefined) return;
    const corrected = evidenceItemOfFile(state, p.supersedes);
    if (!corrected) throw invalidInput([{ field: 'supersedes', message: 'must be an evidence file of this case' }]);
    if (corrected.supersededBy !== undefined) {
      throw conflict('EVIDENCE_SUPERSEDED', `证据 ${corrected.seq} 已被更正 (evidence ${corrected.seq} was already corrected by ${corrected.supersededBy})`);
    }
  },
};

export const EVIDENCE_EVOLUTIONS: Evolutions<'attachEvidence'> = {
  attachEvidence: (s, p, { actor, at }) => {
    const seq = s.evidence.length + 1;
    const corrected = p.supersedes === undefined ? undefined : evidenceItemOfFile(s, p.supersedes);
    s.evidence = s.evidence.map((e) => (e === corrected ? { ...e, supersededBy: seq } : e));
    s.evidence.push({
      seq,
      kind: p.kind,
      description: p.description,
      sha256: p.sha256,
      addedBy: actor.userId,
      addedAt: at,
      file: { fileId: p.fileId, name: p.name, mediaType: p.mediaType, size: p.size },
      ...(corrected ? { supersedes: corrected.seq } : {}),
    });
    return undefined;
  },
};
