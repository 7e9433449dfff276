import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_SHEET_NAMES, importHeader, invalidInput, type ImportSheetName, type RawSheet } from '@dandang/domain';

/** An uploaded file, as multer hands it over. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  buffer: Buffer;
}

const XLSX_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const isXlsx = (file: UploadedFile) => file.buffer.subarray(0, 4).equals(XLSX_MAGIC);

/**
 * A CSV's text: UTF-8 (with or without the BOM Excel writes), else GB18030, in which Excel on a Chinese Windows saves
 * "CSV" by default; a department's roster arrives in either.
 */
function csvText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function csvSheet(file: UploadedFile): RawSheet {
  let records: string[][];
  try {
    records = parse(csvText(file.buffer), { relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (e) {
    throw invalidInput([{ field: file.fieldname, message: `${file.originalname} is not readable CSV: ${(e as Error).message}` }]);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** Which sheet a sheet's or a file's name means: `单位`, `units`, `单位 (units)`, `users.csv`… */
function sheetNamed(name: string): ImportSheetName | undefined {
  const lower = name.toLowerCase();
  return (['units', 'users'] as const).find((sheet) => lower.includes(sheet) || name.includes(IMPORT_SHEET_NAMES[sheet]));
}

/** A CSV holds one sheet: the one its field or file name says, else the one whose columns its header has. */
function csvSheetName(file: UploadedFile, sheet: RawSheet): ImportSheetName {
  const named = sheetNamed(file.fieldname) ?? sheetNamed(file.originalname);
  if (named) return named;
  return sheet.header.some((h) => /用户名|username/i.test(h)) ? 'users' : 'units';
}

async function xlsxSheets(file: UploadedFile): Promise<Partial<Record<ImportSheetName, RawSheet>>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw invalidInput([{ field: file.fieldname, message: `${file.originalname} is not a readable XLSX workbook: ${(e as Error).message}` }]);
  }
  const sheets: Partial<Record<ImportSheetName, RawSheet>> = {};
  workbook.eachSheet((worksheet) => {
    const name = sheetNamed(worksheet.name);
    if (!name) return; // a notes sheet, say
    const text = (row: ExcelJS.Row) => Array.from({ length: Math.max(row.cellCount, 0) }, (_, i) => row.getCell(i + 1).text ?? '');
    const rows: string[][] = [];
    // Numbered as in the workbook: blank rows keep their place, so that a problem names the row the admin sees.
    for (let r = 2; r <= worksheet.rowCount; r++) rows.push(text(worksheet.getRow(r)));
    sheets[name] = { header: text(worksheet.getRow(1)), rows };
  });
  if (!sheets.units && !sheets.users) {
    throw invalidInput([{ field: file.fieldname, message: `${file.originalname} has no sheet named 单位 (units) or 人员 (users)` }]);
  }
  return sheets;
}

/** The sheets of an upload: one XLSX workbook, or a CSV file per sheet; a sheet given twice is refused. */
export async function importSheets(files: UploadedFile[]): Promise<Partial<Record<ImportSheetName, RawSheet>>> {
  if (!files.length) throw invalidInput([{ field: 'file', message: 'upload an XLSX workbook, or a CSV file of units and/or one of users' }]);
  const sheets: Partial<Record<ImportSheetName, RawSheet>> = {};
  for (const file of files) {
    const found: Partial<Record<ImportSheetName, RawSheet>> = isXlsx(file) ? await xlsxSheets(file) : {};
    if (!isXlsx(file)) {
      const sheet = csvSheet(file);
      found[csvSheetName(file, sheet)] = sheet;
    }
    for (const [name, sheet] of Object.entries(found) as [ImportSheetName, RawSheet][]) {
      if (sheets[name]) throw invalidInput([{ field: file.fieldname, message: `the ${name} (${IMPORT_SHEET_NAMES[name]}) sheet is given twice` }]);
      sheets[name] = sheet;
    }
  }
  return sheets;
}

/** The import template: an XLSX workbook with both sheets and a notes sheet, or one sheet's CSV (UTF-8 with BOM). */
export async function importTemplate(format: 'xlsx' | 'csv', sheet: ImportSheetName): Promise<{ body: Buffer; contentType: string; filename: string }> {
  if (format === 'csv') {
    const header = IMPORT_COLUMNS[sheet].map(importHeader).join(',');
    return { body: Buffer.from(`\uFEFF${header}\r\n`, 'utf8'), contentType: 'text/csv; charset=utf-8', filename: `dandang-import-${sheet}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  for (const name of ['units', 'users'] as const) {
    const worksheet = workbook.addWorksheet(`${IMPORT_SHEET_NAMES[name]} (${name})`);
    worksheet.addRow(IMPORT_COLUMNS[name].map(importHeader)).font = { bold: true };
    worksheet.columns.forEach((column) => (column.width = 24));
  }
  const notes = workbook.addWorksheet('说明 (notes)');
  notes.addRow(['sheet', 'column', 'required', 'note']).font = { bold: true };
  for (const name of ['units', 'users'] as const) {
    for (const column of IMPORT_COLUMNS[name]) notes.addRow([`${IMPORT_SHEET_NAMES[name]} (${name})`, importHeader(column), column.required ? '必填 required' : '选填 optional', column.note]);
  }
  notes.columns.forEach((column) => (column.width = 36));
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: 'dandang-import.xlsx',
  };
}
