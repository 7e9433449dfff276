import type { EvidenceMediaType } from '@dandang/contracts';

/** How many leading bytes `sniffEvidenceType` looks at: enough for the first entries of an Office file's zip. */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** MP4's major brands (ISO base media with video); QuickTime and HEIF images share the box and are not these. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'MSNV']);

/**
 * What an evidence file is, from its first bytes (at most SNIFF_BYTES), among the allowed types
 * (EVIDENCE_MEDIA_TYPES); undefined for anything else, whatever its name says. A small signature check rather than
 * the `file-type` package: eight types, each with a short signature, and file-type's ESM-only dependency chain does
 * not load in the API's tests. An Office file is a zip whose entries name it (`word/…`, `xl/…`); any other zip, like
 * an executable, is refused. Text is UTF-8 without NUL bytes.
 */
export function sniffEvidenceType(head: Uint8Array): EvidenceMediaType | undefined {
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officeType(head);
  if (startsWith(head, ascii('ftyp'), 4) && MP4_BRANDS.has(String.fromCharCode(...head.subarray(8, 12)))) return 'video/mp4';
  if (startsWith(head, ascii('ID3')) || (head[0] === 0xff && (head[1] & 0xe6) === 0xe2)) return 'audio/mpeg';
  return isUtf8Text(head) ? 'text/plain' : undefined;
}

/** DOCX or XLSX by the names of the zip's local entries within `head`. */
function officeType(head: Uint8Array): EvidenceMediaType | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  for (let at = 0; at + 30 <= head.length; at++) {
    if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04], at)) continue;
    const length = view.getUint16(at + 26, true);
    const name = String.fromCharCode(...head.subarray(at + 30, at + 30 + length));
    if (name.startsWith('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (name.startsWith('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return undefined;
}

function isUtf8Text(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // `stream`: a character cut off at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
