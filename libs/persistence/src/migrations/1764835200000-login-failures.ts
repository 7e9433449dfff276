import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per username (登录失败处理): after a run of failures the username is locked for a while, so that a
 * password cannot be guessed by trying. Kept by username, known or not, so a lock says nothing of who exists.
 */
export class LoginFailures1764835200000 implements MigrationInterface {
  name = 'LoginFailures1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_failures (
      username text PRIMARY KEY,
      failures integer NOT NULL,
      last_failed_at timestamptz NOT NULL,
      locked_until timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_failures');
  }
}
