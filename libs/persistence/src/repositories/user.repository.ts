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

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }
}

export class OrgUnitRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  list(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ order: { path: 'ASC' } });
  }
}
