import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import type { ReplayRendering } from '../http/idempotency.interceptor';
import { ReassignmentsService } from './reassignments.service';

/** A replayed POST answers with the run the first one started (never a second run). */
@Injectable()
export class ReassignmentReplay implements ReplayRendering {
  constructor(private readonly reassignments: ReassignmentsService) {}

  resourceOf(body: unknown): string | null {
    const id = (body as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? id : null;
  }

  render(user: AuthUser, resourceId: string): Promise<unknown> {
    return this.reassignments.started(user, resourceId);
  }
}
