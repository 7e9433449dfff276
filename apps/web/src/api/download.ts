import { ApiError, bearerToken } from './client';

/** How far a download has come: bytes received, and the rows the server counted (X-Export-Rows) when it says. */
export interface DownloadProgress {
  bytes: number;
  rows?: number;
}

/**
 * Fetches `/api${path}` as a file and saves it under the name the server gives: read as a stream, so the caller can
 * show the bytes received while a large export arrives (it has no length in advance). Throws ApiError as `api` does.
 */
export async function downloadFile(path: string, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal): Promise<void> {
  const token = bearerToken();
  const response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { reason?: string; message?: string };
    throw new ApiError(response.status, body.reason ?? 'ERROR', body.message ?? response.statusText);
  }
  const rowsHeader = response.headers.get('X-Export-Rows');
  const rows = rowsHeader === null ? undefined : Number(rowsHeader);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  onProgress({ bytes, rows });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    bytes += value.byteLength;
    onProgress({ bytes, rows });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export';
  const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
