import type { Actor } from '@dandang/contracts';
import type { ActiveUserWithOrgPath } from '@dandang/persistence';

/** The signed-in user of a request, loaded fresh from PostgreSQL (roles and unit may change). */
export type AuthUser = ActiveUserWithOrgPath;

export function actorOf(user: AuthUser): Actor {
  return { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId };
}
