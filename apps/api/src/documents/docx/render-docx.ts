import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { invalidInput, type DocumentData } from '@dandang/domain';

/** A tag the data has no value for: the template names something a document of its kind does not carry. */
class UnknownTagError extends Error {
  constructor(readonly tag: string) {
    super(`unknown placeholder {${tag}}`);
  }
}

interface TemplateErrorDetail {
  properties?: { id?: string; explanation?: string; xtag?: string; errors?: TemplateErrorDetail[] };
  message?: string;
}

/** docxtemplater's errors as the problems of an upload, each naming its tag. */
function problemsOf(error: unknown): { field: string; message: string }[] {
  if (error instanceof UnknownTagError) return [{ field: 'file', message: `{${error.tag}}: unknown placeholder, not a field of this kind of document` }];
  const detail = error as TemplateErrorDetail;
  const errors = detail.properties?.errors?.length ? detail.properties.errors : [detail];
  return errors.map((e) => ({
    field: 'file',
    message: `${e.properties?.xtag ? `{${e.properties.xtag}}: ` : ''}${e.properties?.explanation ?? e.message ?? 'the template could not be rendered'}`,
  }));
}

/**
 * Renders a .docx template with `data` (paragraph loops, line breaks kept). Every value the domain gives is present
 * (empty when the case has none), so a missing one means the template names an unknown tag: refused, named. A
 * template that is no .docx or whose tags do not parse is refused the same way (INVALID_INPUT, field `file`).
 */
export function renderDocx(template: Buffer, data: DocumentData): Buffer {
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      // Errors are answered to the uploader, not logged to the console.
      errorLogging: false,
      nullGetter: (part) => {
        throw new UnknownTagError(String(part.value));
      },
    });
    doc.render(data);
  } catch (e) {
    if (e instanceof UnknownTagError || (e as TemplateErrorDetail).properties) throw invalidInput(problemsOf(e));
    throw invalidInput([{ field: 'file', message: `not a .docx file: ${(e as Error).message}` }]);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The placeholders a template uses (its tags, list names included), for the administrator's overview. */
export function templateTagsOf(template: Buffer): string[] {
  const text = paragraphTexts(template).join('\n');
  return [...new Set([...text.matchAll(/\{[#/^]?\s*([^{}#/^\s]+)\s*\}/g)].map((m) => m[1]))];
}

/** The text of each paragraph of word/document.xml, tags stripped: what a reader sees, to check a document by. */
export function paragraphTexts(docx: Buffer): string[] {
  const xml = new PizZip(docx).file('word/document.xml')?.asText() ?? '';
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[1] === undefined ? '\n' : t[1]))
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** The whole text of a .docx, one paragraph a line. */
export const docxText = (docx: Buffer): string => paragraphTexts(docx).join('\n');
