import { DOCUMENT_KINDS, bilingual, type DocumentActionName } from '@dandang/contracts';
import type { Evolutions, PayloadChecks } from '../case/action-handlers';
import { conflict, invalidInput } from '../errors';
import { documentKindsFor, documentPerson } from './document-kinds';

/** Served-at times may run this far ahead of the server clock (clock skew between offices), as for a decision. */
const SERVED_AT_SKEW_MS = 5 * 60_000;

/** A document records a step the case has taken; a service, a document of the case served after it was made. */
export const DOCUMENT_PAYLOAD_CHECKS: PayloadChecks = {
  recordDocument: (state, p) => {
    if (!documentKindsFor(state).includes(p.kind)) {
      throw conflict('DOCUMENT_NOT_APPLICABLE', `本案尚无可生成的${bilingual(DOCUMENT_KINDS[p.kind])} (the case has not reached the step this document records)`);
    }
    if ((state.documents ?? []).some((d) => d.id === p.fileId || d.number === p.number)) {
      throw conflict('DOCUMENT_RECORDED', `文书 ${p.number} 已登记 (this document is recorded already)`);
    }
    if (p.personId !== undefined) documentPerson(p.kind, state, p.personId);
  },
  recordDocumentService: (state, p, { now }) => {
    const doc = (state.documents ?? []).find((d) => d.id === p.fileId);
    if (!doc) throw invalidInput([{ field: 'fileId', message: 'must name a document of this case' }]);
    const servedAt = Date.parse(p.servedAt);
    if (servedAt > now.getTime() + SERVED_AT_SKEW_MS) throw invalidInput([{ field: 'servedAt', message: 'must not be in the future' }]);
    if (servedAt < Date.parse(doc.generatedAt)) throw invalidInput([{ field: 'servedAt', message: 'must not be before the document was generated' }]);
  },
};

/** The case keeps each document's number, hash and template, and each service of it. */
export const DOCUMENT_EVOLUTIONS: Evolutions<DocumentActionName> = {
  recordDocument: (s, p, { actor, at }) => {
    (s.documents ??= []).push({
      id: p.fileId,
      kind: p.kind,
      number: p.number,
      sha256: p.sha256.toLowerCase(),
      templateVersion: p.templateVersion,
      ...(p.personId ? { personId: p.personId } : {}),
      generatedBy: actor.userId,
      generatedByName: actor.displayName,
      generatedAt: at,
      services: [],
    });
    return undefined;
  },
  recordDocumentService: (s, p, { actor, at }) => {
    const doc = s.documents!.find((d) => d.id === p.fileId)!;
    doc.services.push({
      recipient: p.recipient,
      method: p.method,
      servedAt: new Date(p.servedAt).toISOString(),
      ...(p.note ? { note: p.note } : {}),
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
      recordedAt: at,
    });
    return p.note;
  },
};
