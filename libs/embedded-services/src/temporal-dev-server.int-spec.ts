import { mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startTemporalDevServer, type RunningDevServer } from './temporal-dev-server';

/** Byte 18 of an SQLite file header, the file format write version: 1 = rollback journal, 2 = write-ahead log. */
function sqliteWriteVersion(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(20);
    readSync(fd, header, 0, 20, 0);
    return header[18];
  } finally {
    closeSync(fd);
  }
}

describe('the embedded Temporal dev server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dandang-dev-server-'));
  let server: RunningDevServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its state in SQLite in write-ahead-log mode, and answers', async () => {
    const dbFile = join(dir, 'temporal.db');
    server = await startTemporalDevServer({ dbFile });
    const connection = await Connection.connect({ address: server.address });
    try {
      const namespaces = await new Client({ connection }).workflowService.listNamespaces({});
      expect(namespaces.namespaces.map((n) => n.namespaceInfo?.name)).toContain('default');
    } finally {
      await connection.close();
    }
    expect(sqliteWriteVersion(dbFile)).toBe(2);
  });
});
