import { sniffEvidenceType } from './media-type';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
/** A zip's local entry header naming `name`. */
const zipEntry = (name: string): number[] => [0x50, 0x4b, 0x03, 0x04, ...new Array(22).fill(0), name.length, 0, 0, 0, ...Buffer.from(name)];

describe('what an evidence file is, by its content', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['a DOCX', bytes(zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an XLSX', bytes(zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an MP3 with a tag', bytes('ID3', [4, 0]), 'audio/mpeg'],
    ['an MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['an MP4', bytes([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
    ['UTF-8 text', bytes(Buffer.from('谈话笔录\n').toString('latin1')), 'text/plain'],
  ])('recognises %s', (_, head, type) => {
    expect(sniffEvidenceType(head)).toBe(type);
  });

  it.each([
    ['a Windows executable (renamed .pdf)', bytes('MZ', [0x90, 0, 3, 0])],
    ['a plain zip', bytes(zipEntry('payload.bin'))],
    ['a HEIF image', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['binary with NUL bytes', bytes('abc', [0], 'def')],
    ['invalid UTF-8', bytes([0xc3, 0x28])],
    ['nothing', bytes()],
  ])('refuses %s', (_, head) => {
    expect(sniffEvidenceType(head)).toBeUndefined();
  });
});
