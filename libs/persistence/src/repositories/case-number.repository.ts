import type { DataSource } from 'typeorm';

/** The 线索编号 counter: a PostgreSQL sequence, so numbers never repeat across API processes. */
export class CaseNumberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The next value of the sequence (gaps are possible: a refused registration still consumes one). */
  async next(): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: string }[]>(`SELECT nextval('case_number_seq') AS n`);
    return Number(n);
  }
}
