import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { useTestDataSource } from '@dandang/testing';

describe('createDataSource', () => {
  const db = useTestDataSource(2);

  it('survives PostgreSQL ending a connection that is checked out between queries, and then works on', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [connection, release] = await (db.dataSource.driver as PostgresDriver).obtainMasterConnection();
    try {
      // Without a listener the error below would be thrown from the socket's handler and end this process.
      expect(connection.listenerCount('error')).toBeGreaterThan(0);
      const { rows } = await connection.query('SELECT pg_backend_pid() AS pid');
      // Listened for first: the end can arrive before the answer to pg_terminate_backend (a CI run hung waiting for it).
      const ended = new Promise<void>((resolve) => connection.once('end', () => resolve()));
      // Ended from elsewhere while checked out with no query running: the error arrives with nobody waiting for it.
      await db.dataSource.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await ended;
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('PostgreSQL connection lost: terminating connection'));
      await expect(connection.query('SELECT 1')).rejects.toThrow();
    } finally {
      // Back to the pool in any case, or closing the data source after a failure would wait for it forever.
      release();
      warn.mockRestore();
    }
    expect(await db.dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
