import type { Label } from './labels';

/**
 * The file types evidence may be, recognised by their content (never the name a client gives): documents, scans,
 * photographs, recordings and plain text notes. Anything else (an executable, an archive) is refused.
 */
export const EVIDENCE_MEDIA_TYPES = {
  'application/pdf': { zh: 'PDF 文档', en: 'PDF' },
  'image/jpeg': { zh: 'JPEG 图片', en: 'JPEG image' },
  'image/png': { zh: 'PNG 图片', en: 'PNG image' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { zh: 'Word 文档', en: 'Word document (DOCX)' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { zh: 'Excel 表格', en: 'Excel workbook (XLSX)' },
  'text/plain': { zh: '纯文本', en: 'Plain text' },
  'audio/mpeg': { zh: 'MP3 录音', en: 'MP3 audio' },
  'video/mp4': { zh: 'MP4 视频', en: 'MP4 video' },
} as const satisfies Record<string, Label>;
export type EvidenceMediaType = keyof typeof EVIDENCE_MEDIA_TYPES;

export const isEvidenceMediaType = (type: string): type is EvidenceMediaType => Object.prototype.hasOwnProperty.call(EVIDENCE_MEDIA_TYPES, type);

/** The largest evidence file when the case's policy names none: [SUGGESTED] 200 MiB, a long interview recording. */
export const EVIDENCE_DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
