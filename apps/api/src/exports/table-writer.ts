import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '@dandang/contracts';

/** A cell: times are written in China Standard Time (北京时间), the zone every date of a case is counted in. */
export type ExportCell = string | number | boolean | Date | null;

/** One table of an export: a worksheet in XLSX, a titled block in CSV. Rows come in batches, pulled one at a time. */
export interface ExportTable {
  title: string;
  headers: string[];
  rows: AsyncIterable<ExportCell[][]> | Iterable<ExportCell[][]>;
}

const CST_OFFSET_MS = 8 * 3_600_000;
/**
 * UTF-8 with a byte-order mark: Excel, which officers open these files in, reads a CSV without one in the system's
 * code page (GBK on Chinese Windows) and garbles every character outside it; with the mark it reads UTF-8. GB18030
 * would suit Excel alone but not the other tools (and the mark is ignored by csv parsers that know it).
 */
const UTF8_BOM = '\uFEFF';
const YES = '是 (yes)';
const NO = '否 (no)';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** `2026-04-01 10:00:00`, in China Standard Time. */
export function cstText(at: Date): string {
  const d = new Date(at.getTime() + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A CSV field. Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first: CSV injection) gets
 * a leading apostrophe, since titles and names are typed by people outside the commission.
 */
export function csvField(value: ExportCell): string {
  if (value === null) return '';
  if (value instanceof Date) return cstText(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: ExportCell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** Waits while the client is slower than the export: a slow download holds the reading back, never the rows in memory. */
async function drained(sink: Writable): Promise<void> {
  if (!sink.writableNeedDrain || sink.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
  });
}

/**
 * Writes the tables to `sink` as `format`, a batch of rows at a time, waiting for the sink to drain between batches;
 * answers the number of rows written. Ends the sink. A client that goes away stops the export (`sink.destroyed`).
 */
export async function writeTables(format: ExportFormat, tables: ExportTable[], sink: Writable): Promise<number> {
  return format === 'csv' ? writeCsv(tables, sink) : writeXlsx(tables, sink);
}

async function writeCsv(tables: ExportTable[], sink: Writable): Promise<number> {
  let rows = 0;
  sink.write(UTF8_BOM);
  // Several tables (a report) follow each other, each under its title, a blank line between them; a single table
  // (a case list) is a plain CSV of a header and rows.
  for (const [i, table] of tables.entries()) {
    if (tables.length > 1) sink.write(`${i > 0 ? '\r\n' : ''}${csvLine([table.title])}`);
    sink.write(csvLine(table.headers));
    for await (const batch of table.rows) {
      if (sink.destroyed) return rows;
      sink.write(batch.map(csvLine).join(''));
      rows += batch.length;
      await drained(sink);
    }
  }
  await new Promise<void>((resolve) => sink.end(resolve));
  return rows;
}

async function writeXlsx(tables: ExportTable[], sink: Writable): Promise<number> {
  let rows = 0;
  // Shared strings would keep every distinct text of the workbook in memory until the end: inline strings stream.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  for (const table of tables) {
    // Worksheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    sheet.columns = table.headers.map((header) => ({ header, width: Math.min(40, Math.max(12, header.length * 1.6)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of table.rows) {
      if (sink.destroyed) return rows;
      for (const cells of batch) {
        const row = sheet.addRow(cells.map((c) => (c instanceof Date ? new Date(c.getTime() + CST_OFFSET_MS) : typeof c === 'boolean' ? (c ? YES : NO) : c)));
        // A Date is written as a serial day with no zone: shifted above so that Excel shows the time in CST.
        cells.forEach((c, i) => {
          if (c instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
        });
        row.commit();
      }
      rows += batch.length;
      await drained(sink);
    }
    sheet.commit();
  }
  await workbook.commit();
  return rows;
}

/** The Content-Type of each format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
