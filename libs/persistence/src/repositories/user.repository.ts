import type { Role } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { OrgUnitEntity, UserEntity } from '../entities';

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user with the password hash (which `find` never selects otherwise). */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  /** Active users whose unit lies under `orgPath` (optionally holding `role`), by display name; never the hash. */
  listActiveInSubtree(orgPath: string, role?: Role): Promise<UserEntity[]> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(OrgUnitEntity, 'o', 'o.id = u.orgUnitId')
      .where('u.active = true')
      .andWhere('starts_with(o.path, :orgPath)', { orgPath });
    if (role) query.andWhere(':role = ANY(u.roles)', { role });
    return query.orderBy('u.displayName', 'ASC').addOrderBy('u.username', 'ASC').getMany();
  }
}

export class OrgUnitRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  /** The unit at `orgPath` and every unit below it, ordered by path (a parent before its children). */
  listInSubtree(orgPath: string): Promise<OrgUnitEntity[]> {
    return this.dataSource
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('o')
      .where('starts_with(o.path, :orgPath)', { orgPath })
      .orderBy('o.path', 'ASC')
      .getMany();
  }

  list(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ order: { path: 'ASC' } });
  }
}
