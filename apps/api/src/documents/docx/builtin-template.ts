import PizZip from 'pizzip';
import { DOCUMENT_TEMPLATE_TEXTS, type TemplateLine, type TemplateLineStyle } from '@dandang/domain';
import type { DocumentKind } from '@dandang/contracts';

/**
 * The built-in templates as .docx files: the minimal parts of an Office Open XML document, the text of
 * DOCUMENT_TEMPLATE_TEXTS set in the fonts of official documents (GB/T 9704: 仿宋_GB2312 三号 for the body, 小标宋 for
 * the title), each with a font that every machine has named beside it (宋体 / SimSun) and the CJK fonts of
 * fonts-noto-cjk taking over where neither is installed.
 */

const FONTS: Record<TemplateLineStyle, { font: string; halfPoints: number; bold: boolean; align: 'center' | 'right' | 'both' }> = {
  issuer: { font: '方正小标宋简体', halfPoints: 44, bold: false, align: 'center' },
  title: { font: '方正小标宋简体', halfPoints: 44, bold: false, align: 'center' },
  number: { font: '仿宋_GB2312', halfPoints: 32, bold: false, align: 'center' },
  body: { font: '仿宋_GB2312', halfPoints: 32, bold: false, align: 'both' },
  signature: { font: '仿宋_GB2312', halfPoints: 32, bold: false, align: 'right' },
};

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(line: TemplateLine): string {
  const f = FONTS[line.style];
  const indent = line.style === 'body' ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : '';
  const rPr = `<w:rPr><w:rFonts w:ascii="${f.font}" w:hAnsi="${f.font}" w:eastAsia="${f.font}" w:cs="${f.font}" w:hint="eastAsia"/>${f.bold ? '<w:b/>' : ''}<w:sz w:val="${f.halfPoints}"/><w:szCs w:val="${f.halfPoints}"/></w:rPr>`;
  return `<w:p><w:pPr><w:jc w:val="${f.align}"/><w:spacing w:line="560" w:lineRule="exact"/>${indent}</w:pPr><w:r>${rPr}<w:t xml:space="preserve">${escapeXml(line.text)}</w:t></w:r></w:p>`;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>`;

// Defaults for any run without fonts of its own (an administrator's edits): 仿宋 with 宋体 as the East Asian fallback.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

/** Each font with the fallbacks a reader without it should use (altName), as Word and LibreOffice read them. */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts ${W}><w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/></w:font><w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="roman"/></w:font><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/></w:font></w:fonts>`;

/** A4 with the margins of GB/T 9704 (top 37 mm, left 28 mm, text block 156 × 225 mm). */
const SECTION = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';

/** The .docx of a list of lines (the built-in template of a kind, or a test's own). */
export function docxOfLines(lines: readonly TemplateLine[]): Buffer {
  const zip = new PizZip();
  // A fixed date keeps the built-in templates' bytes (and hashes) the same on every build.
  const options = { date: new Date('2026-01-01T00:00:00Z') };
  zip.file('[Content_Types].xml', CONTENT_TYPES, options);
  zip.file('_rels/.rels', ROOT_RELS, options);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS, options);
  zip.file('word/styles.xml', STYLES, options);
  zip.file('word/fontTable.xml', FONT_TABLE, options);
  const body = lines.map(paragraph).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}${SECTION}</w:body></w:document>`, options);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The built-in template of `kind`. */
export function builtinTemplate(kind: DocumentKind): Buffer {
  return docxOfLines(DOCUMENT_TEMPLATE_TEXTS[kind]);
}
