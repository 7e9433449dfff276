import type { Role } from '../roles';

/** The signed-in user, as `POST /api/auth/login` returns them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
  /**
   * The password was set by an administrator (a new account, a reset): until the user changes it, only changing it
   * (and signing out) is allowed.
   */
  mustChangePassword?: boolean;
}

/** `POST /api/auth/login`. */
export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}
