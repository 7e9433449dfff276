import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isReviewActionName } from '@dandang/contracts';
import { DomainError, DomainErrorCode } from '@dandang/domain';
import type { AuthUser } from '../auth/auth-user';
import type { ReplayRendering } from '../http/idempotency.interceptor';
import { CaseQueriesService } from './case-queries.service';

const REVIEW = 'review:';

/**
 * A replayed registration or action answers with the case as the caller may see it now (a case they were since
 * recused from is a 404), and a replayed review step with that review; the stored answer keeps only their ids.
 */
@Injectable()
export class CaseReplay implements ReplayRendering {
  constructor(private readonly queries: CaseQueriesService) {}

  resourceOf(body: unknown, request: Request): string | null {
    const action = param(request, 'action');
    if (action && isReviewActionName(action)) {
      const reviewId = (body as { reviewId?: unknown } | undefined)?.reviewId;
      return typeof reviewId === 'string' ? `${REVIEW}${reviewId}` : null;
    }
    const caseId = param(request, 'id') ?? (body as { id?: unknown } | undefined)?.id;
    return typeof caseId === 'string' ? caseId : null;
  }

  async render(user: AuthUser, resourceId: string, request: Request): Promise<unknown> {
    if (!resourceId.startsWith(REVIEW)) return this.queries.detail(user, resourceId);
    const reviewId = resourceId.slice(REVIEW.length);
    const review = (await this.queries.faultTolerance(user, param(request, 'id') ?? '')).find((r) => r.reviewId === reviewId);
    if (!review) throw new DomainError(DomainErrorCode.NOT_FOUND, 'review not found', 'NOT_FOUND');
    return review;
  }
}

function param(request: Request, name: string): string | undefined {
  const value: unknown = request.params[name];
  return typeof value === 'string' ? value : undefined;
}
