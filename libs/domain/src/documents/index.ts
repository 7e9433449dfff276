export * from './document-kinds';
export * from './document-data';
export * from './template-texts';
export { DOCUMENT_EVOLUTIONS, DOCUMENT_PAYLOAD_CHECKS } from './document-actions';
export { sampleDocumentCase } from './sample-case';
