import type { Role } from '../roles';

/** An entry of `GET /api/admin/org-units`: every unit, retired ones too (they keep their history), parents first. */
export interface AdminOrgUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** '/<root id>/…/<own id>/': a subtree is a prefix. */
  path: string;
  regionCode: string | null;
  /** Set once the unit is retired (撤销): it takes no new users, units or cases. */
  retiredAt: string | null;
  /** Active users of this unit itself (not of its subtree). */
  activeUsers: number;
}

/** An account as the administrator manages it; never the password or its hash. */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
  active: boolean;
  /** Signed in with a password an administrator set: only changing it is allowed until then. */
  mustChangePassword: boolean;
  createdAt: string;
}

/** `GET /api/admin/users`: filtered, by username, a page at a time. */
export interface AdminUserPage {
  items: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * `POST /api/admin/users` and `POST /api/admin/users/:id/reset-password`: the account and the one-time password it
 * signs in with, shown this once (only its hash is kept); the user must change it at the first sign-in.
 */
export interface IssuedPassword {
  user: AdminUser;
  oneTimePassword: string;
}

/** `POST /api/admin/import`: what one all-or-nothing import created. */
export interface DirectoryImportResult {
  units: AdminOrgUnit[];
  /** Each new account with its one-time password, shown this once. */
  users: IssuedPassword[];
}
