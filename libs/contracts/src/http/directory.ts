import type { Role } from '../roles';

/** An entry of `GET /api/users`: an active user of the caller's subtree. */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
}

/** An entry of `GET /api/org-units`: an org unit of the caller's subtree. */
export interface DirectoryOrgUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
}
