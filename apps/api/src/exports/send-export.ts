import type { Response } from 'express';
import type { ExportFormat } from '@dandang/contracts';
import type { PreparedExport } from './case-export.service';
import { EXPORT_CONTENT_TYPES, writeTables } from './table-writer';

/**
 * Streams a prepared export as the answer. Once the headers are out, a failure can only cut the download short
 * (the client sees an incomplete file and its fetch fails), so the response is destroyed rather than answered.
 */
export async function sendExport(res: Response, format: ExportFormat, prepared: PreparedExport): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${prepared.fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Export-Rows', String(prepared.rows));
  try {
    await writeTables(format, prepared.tables, res);
  } catch (e) {
    res.destroy(e as Error);
  }
}
