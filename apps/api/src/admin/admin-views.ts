import type { AdminOrgUnit, AdminUser } from '@dandang/contracts';
import type { AdministeredUnit, AdministeredUser } from '@dandang/persistence';

export const adminOrgUnit = (u: AdministeredUnit): AdminOrgUnit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  parentId: u.parentId,
  path: u.path,
  regionCode: u.regionCode,
  retiredAt: u.retiredAt?.toISOString() ?? null,
  activeUsers: u.activeUsers,
});

export const adminUser = (u: AdministeredUser): AdminUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  orgUnitId: u.orgUnitId,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
});
