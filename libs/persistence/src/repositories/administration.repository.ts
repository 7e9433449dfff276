import type { Role } from '@dandang/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** A unit as the administrator manages it, with its own active users counted. */
export interface AdministeredUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
  regionCode: string | null;
  retiredAt: Date | null;
  activeUsers: number;
}

/** An account as the administrator manages it; never the password hash. */
export interface AdministeredUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

export interface UserFilter {
  /** Part of the username or the name shown. */
  q?: string;
  /** Users of this unit's subtree. */
  orgUnitId?: string;
  role?: Role;
  active?: boolean;
}

export interface NewUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
  regionCode: string | null;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  orgUnitId: string;
  mustChangePassword: boolean;
}

/** A new unit of an import, its parent named by code (in the same import, or already stored). */
export interface ImportedUnit extends Omit<NewUnit, 'parentId' | 'path'> {
  parentCode: string | null;
}

/** A new user of an import, their unit named by code. */
export interface ImportedUser extends Omit<NewUser, 'orgUnitId'> {
  unitCode: string;
}

/** A unique column that refused a row: the unit's code or the username was taken meanwhile. */
export class TakenError extends Error {
  constructor(readonly column: 'code' | 'username') {
    super(`${column} is taken`);
  }
}

const UNIT_COLUMNS = `o.id, o.code, o.name, o.parent_id, o.path, o.region_code, o.retired_at,
  (SELECT count(*) FROM users u WHERE u.org_unit_id = o.id AND u.active)::int AS active_users`;
const USER_COLUMNS = 'u.id, u.username, u.display_name, u.roles, u.org_unit_id, u.active, u.must_change_password, u.created_at';

type Row = Record<string, unknown>;
const unitOf = (r: Row): AdministeredUnit => ({
  id: r.id as string,
  code: r.code as string,
  name: r.name as string,
  parentId: (r.parent_id as string | null) ?? null,
  path: r.path as string,
  regionCode: (r.region_code as string | null) ?? null,
  retiredAt: r.retired_at ? new Date(r.retired_at as string) : null,
  activeUsers: Number(r.active_users ?? 0),
});
const userOf = (r: Row): AdministeredUser => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  roles: r.roles as Role[],
  orgUnitId: r.org_unit_id as string,
  active: r.active as boolean,
  mustChangePassword: r.must_change_password as boolean,
  createdAt: new Date(r.created_at as string),
});

/** PostgreSQL's unique violation on a column of ours, as the column it names. */
function taken(error: unknown): TakenError | undefined {
  const e = error as { code?: string; constraint?: string; detail?: string };
  if (e.code !== '23505') return undefined;
  const where = `${e.constraint ?? ''} ${e.detail ?? ''}`;
  return /username/.test(where) ? new TakenError('username') : /code/.test(where) ? new TakenError('code') : undefined;
}

async function insertUser(db: EntityManager | DataSource, user: NewUser): Promise<void> {
  await db.query(
    `INSERT INTO users (id, username, display_name, password_hash, roles, org_unit_id, active, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, true, $7)`,
    [user.id, user.username, user.displayName, user.passwordHash, user.roles, user.orgUnitId, user.mustChangePassword],
  );
}

/** Org units and accounts as an administrator changes them (系统管理). The rules are the caller's (libs/domain). */
export class AdministrationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listUnits(): Promise<AdministeredUnit[]> {
    return (await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM org_units o ORDER BY o.path`)).map(unitOf);
  }

  async findUnit(id: string, db: EntityManager | DataSource = this.dataSource, lock = false): Promise<AdministeredUnit | undefined> {
    const [row] = await db.query(`SELECT ${UNIT_COLUMNS} FROM org_units o WHERE o.id = $1${lock ? ' FOR UPDATE OF o' : ''}`, [id]);
    return row ? unitOf(row) : undefined;
  }

  async createUnit(unit: NewUnit): Promise<void> {
    try {
      await this.dataSource.query('INSERT INTO org_units (id, code, name, parent_id, path, region_code) VALUES ($1, $2, $3, $4, $5, $6)', [
        unit.id, unit.code, unit.name, unit.parentId, unit.path, unit.regionCode,
      ]);
    } catch (e) {
      throw taken(e) ?? e;
    }
  }

  async renameUnit(id: string, name: string): Promise<void> {
    await this.dataSource.query('UPDATE org_units SET name = $2 WHERE id = $1', [id, name]);
  }

  /**
   * Moves a unit under `parentId` (null: to the top) in one transaction: the unit's and its descendants' paths, and
   * the org_path of every case in the subtree, so that who sees which case follows the move at once. `check` sees the
   * unit and the new parent as locked for the move and returns what refuses it.
   */
  async moveUnit<P>(
    id: string,
    parentId: string | null,
    plan: (unit: AdministeredUnit | undefined, parent: AdministeredUnit | null | undefined) => { refusal?: P; path?: string },
  ): Promise<{ refusal?: P; from?: string; to?: string; units: number; cases: number }> {
    return this.dataSource.transaction(async (db) => {
      // The whole tree is locked against other moves: two crossing moves could otherwise make a loop between them.
      await db.query('LOCK TABLE org_units IN SHARE ROW EXCLUSIVE MODE');
      const unit = await this.findUnit(id, db);
      const parent = parentId === null ? null : await this.findUnit(parentId, db);
      const { refusal, path } = plan(unit, parent);
      if (refusal !== undefined || !unit || !path) return { refusal, units: 0, cases: 0 };
      const units = await db.query(
        `UPDATE org_units SET path = $2 || substr(path, length($1) + 1), parent_id = CASE WHEN id = $3 THEN $4::uuid ELSE parent_id END
         WHERE starts_with(path, $1) RETURNING id`,
        [unit.path, path, unit.id, parentId],
      );
      const cases = await db.query('UPDATE cases SET org_path = $2 || substr(org_path, length($1) + 1) WHERE starts_with(org_path, $1) RETURNING id', [unit.path, path]);
      return { from: unit.path, to: path, units: units[1] ?? units.length, cases: cases[1] ?? cases.length };
    });
  }

  /** Retires a unit in one transaction, if `check` (given its active users and units in service below it) allows. */
  async retireUnit<P>(id: string, at: Date, check: (unit: AdministeredUnit | undefined, holds: { activeUsers: number; unitsInService: number }) => P | undefined): Promise<P | undefined> {
    return this.dataSource.transaction(async (db) => {
      await db.query('LOCK TABLE org_units IN SHARE ROW EXCLUSIVE MODE');
      const unit = await this.findUnit(id, db);
      const [{ below }] = unit
        ? await db.query('SELECT count(*)::int AS below FROM org_units WHERE starts_with(path, $1) AND id <> $2 AND retired_at IS NULL', [unit.path, unit.id])
        : [{ below: 0 }];
      // Users joining the unit meanwhile are held off by the lock on its row.
      if (unit) await db.query('SELECT id FROM org_units WHERE id = $1 FOR UPDATE', [unit.id]);
      const refusal = check(unit, { activeUsers: unit?.activeUsers ?? 0, unitsInService: below });
      if (refusal !== undefined) return refusal;
      await db.query('UPDATE org_units SET retired_at = $2 WHERE id = $1', [id, at]);
      return undefined;
    });
  }

  async listUsers(filter: UserFilter, page: number, pageSize: number): Promise<{ items: AdministeredUser[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(u.username ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
    }
    if (filter.orgUnitId) {
      params.push(filter.orgUnitId);
      where.push(`starts_with(o.path, (SELECT path FROM org_units WHERE id = $${params.length}))`);
    }
    if (filter.role) {
      params.push(filter.role);
      where.push(`$${params.length} = ANY(u.roles)`);
    }
    if (filter.active !== undefined) {
      params.push(filter.active);
      where.push(`u.active = $${params.length}`);
    }
    const from = `FROM users u JOIN org_units o ON o.id = u.org_unit_id${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${USER_COLUMNS} ${from} ORDER BY u.username LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return { items: rows.map(userOf), total };
  }

  async findUser(id: string): Promise<AdministeredUser | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return row ? userOf(row) : undefined;
  }

  async findUserByUsername(username: string): Promise<AdministeredUser | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`, [username]);
    return row ? userOf(row) : undefined;
  }

  /**
   * Creates an account in a unit in service: the unit's row is locked so that it cannot be retired meanwhile; false
   * when it is retired or gone by then.
   */
  async createUser(user: NewUser): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (db) => {
        const [unit] = await db.query('SELECT id FROM org_units WHERE id = $1 AND retired_at IS NULL FOR SHARE', [user.orgUnitId]);
        if (!unit) return false;
        await insertUser(db, user);
        return true;
      });
    } catch (e) {
      throw taken(e) ?? e;
    }
  }

  async setRoles(id: string, roles: Role[]): Promise<void> {
    await this.dataSource.query('UPDATE users SET roles = $2 WHERE id = $1', [id, roles]);
  }

  /** Moves an account to a unit in service (locked against retiring meanwhile); false when it is retired or gone. */
  async setUnit(id: string, orgUnitId: string): Promise<boolean> {
    return this.dataSource.transaction(async (db) => {
      const [unit] = await db.query('SELECT id FROM org_units WHERE id = $1 AND retired_at IS NULL FOR SHARE', [orgUnitId]);
      if (!unit) return false;
      await db.query('UPDATE users SET org_unit_id = $2 WHERE id = $1', [id, orgUnitId]);
      return true;
    });
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.dataSource.query('UPDATE users SET active = $2 WHERE id = $1', [id, active]);
  }

  /** A password the administrator set: the user must change it at the next sign-in. */
  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.dataSource.query('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1', [id, passwordHash, mustChangePassword]);
  }

  /** Whatever an import is checked against: every unit code (retired or not) and every username. */
  async importContext(): Promise<{ units: Map<string, { retired: boolean }>; usernames: Set<string> }> {
    const [units, users] = await Promise.all([
      this.dataSource.query('SELECT code, retired_at IS NOT NULL AS retired FROM org_units'),
      this.dataSource.query('SELECT username FROM users'),
    ]);
    return {
      units: new Map(units.map((u: { code: string; retired: boolean }) => [u.code, { retired: u.retired }])),
      usernames: new Set(users.map((u: { username: string }) => u.username)),
    };
  }

  /**
   * Inserts an import's units (parents first) and users in one transaction: all or nothing. A unit named by code
   * must be in service when the transaction runs; `path` builds a new unit's path under its parent's.
   */
  async importDirectory(units: ImportedUnit[], users: ImportedUser[], path: (parentPath: string | null, id: string) => string): Promise<{ unitIds: string[] }> {
    try {
      return await this.dataSource.transaction(async (db) => {
        await db.query('LOCK TABLE org_units IN SHARE ROW EXCLUSIVE MODE');
        const known = new Map<string, { id: string; path: string; retired: boolean }>(
          (await db.query('SELECT id, code, path, retired_at IS NOT NULL AS retired FROM org_units')).map((r: { id: string; code: string; path: string; retired: boolean }) => [r.code, r]),
        );
        const inService = (code: string) => {
          const unit = known.get(code);
          if (!unit || unit.retired) throw new Error(`unit ${code} is no longer in service`);
          return unit;
        };
        for (const unit of units) {
          const parent = unit.parentCode ? inService(unit.parentCode) : null;
          const unitPath = path(parent?.path ?? null, unit.id);
          await db.query('INSERT INTO org_units (id, code, name, parent_id, path, region_code) VALUES ($1, $2, $3, $4, $5, $6)', [
            unit.id, unit.code, unit.name, parent?.id ?? null, unitPath, unit.regionCode,
          ]);
          known.set(unit.code, { id: unit.id, path: unitPath, retired: false });
        }
        for (const { unitCode, ...user } of users) await insertUser(db, { ...user, orgUnitId: inService(unitCode).id });
        return { unitIds: units.map((u) => u.id) };
      });
    } catch (e) {
      throw taken(e) ?? e;
    }
  }
}
