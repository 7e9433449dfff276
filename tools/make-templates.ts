// Writes the built-in document templates (文书模板) as .docx files into apps/api/assets/document-templates/, for
// administrators to start their locality's own from (edit in Word or WPS, keep the {placeholders}, upload at
// POST /api/admin/document-templates/:kind). The API builds the same bytes in memory
// (apps/api/src/documents/docx/builtin-template.ts); a spec fails while a committed file differs from them.
//
//   npx swc apps/api/src/documents libs tools -d dist --ignore "**/*.spec.ts,**/*.int-spec.ts" --quiet && node dist/tools/make-templates.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOCUMENT_KINDS, enumValues } from '@dandang/contracts';
import { builtinTemplate } from '../apps/api/src/documents/docx/builtin-template';

export const TEMPLATES_DIR = 'apps/api/assets/document-templates';

/** The file of a kind's built-in template, relative to the repository. */
export const templateFileOf = (kind: string): string => join(TEMPLATES_DIR, `${kind}.docx`);

if (require.main === module) {
  const root = resolve(__dirname, '..', '..');
  mkdirSync(join(root, TEMPLATES_DIR), { recursive: true });
  for (const kind of enumValues(DOCUMENT_KINDS)) {
    writeFileSync(join(root, templateFileOf(kind)), builtinTemplate(kind));
    console.log(`make-templates: wrote ${templateFileOf(kind)} (${DOCUMENT_KINDS[kind].zh})`);
  }
}
