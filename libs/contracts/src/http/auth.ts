import type { Role } from '../roles';

/** The signed-in user, as `POST /api/auth/login` returns them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
}

/** `POST /api/auth/login`. */
export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}
