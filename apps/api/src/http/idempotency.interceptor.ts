import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, mergeMap, catchError, throwError, of, type Observable } from 'rxjs';
import { DomainError, DomainErrorCode } from '@dandang/domain';
import { IdempotencyRepository, canonicalJson } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import { FieldValidationException } from './validation';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{1,200}$/;

/** The Idempotency-Key of a request, validated; undefined when none was sent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
    throw new FieldValidationException([
      { field: 'Idempotency-Key', message: 'must be 1–200 characters of letters, digits, _ . : -' },
    ]);
  }
  return key;
}

/**
 * How a route's answer is made again for a replay. Only the id of what the first request made or changed is kept
 * (a body could carry the reporter's identity or other personal data, and would outlive the caller's right to it);
 * the replay reads it now through the route's ordinary read path, under the caller's permissions now.
 */
export interface ReplayRendering {
  /** The id kept in place of the first answer's body; null when it names nothing to render. */
  resourceOf(body: unknown, request: Request): string | null;
  render(user: AuthUser, resourceId: string, request: Request): Promise<unknown>;
}

const REPLAY_RENDERING = 'dandang:replay-rendering';

/** Names the provider that renders a replay of this route; a route without one replays its status alone. */
export const RenderedOnReplayBy = (rendering: Type<ReplayRendering>) => SetMetadata(REPLAY_RENDERING, rendering);

/**
 * A POST repeated with the same Idempotency-Key changes nothing and gets the first answer's status, with the resource
 * rendered as the caller may see it now. Failed requests are forgotten, so the client may retry them with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthUser }>();
    const response = http.getResponse<Response>();
    if (request.method !== 'POST') return next.handle();
    const key = idempotencyKeyOf(request);
    const user = request.user;
    if (!key || !user) return next.handle();
    const path = request.originalUrl.split('?')[0];
    const requestHash = createHash('sha256').update(`POST ${path}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    const renderingType = this.reflector.get<Type<ReplayRendering> | undefined>(REPLAY_RENDERING, context.getHandler());
    const rendering = renderingType ? this.modules.get(renderingType, { strict: false }) : undefined;

    return from(this.keys.claim(user.id, key, 'POST', path, requestHash)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            return from(rendering && claim.resourceId ? rendering.render(user, claim.resourceId, request) : Promise.resolve(undefined)).pipe(
              mergeMap((body) => {
                response.status(claim.statusCode);
                response.setHeader('Idempotent-Replayed', 'true');
                return of(body);
              }),
            );
          case 'in-progress':
            throw new DomainError(DomainErrorCode.CONFLICT, 'the first request with this Idempotency-Key is still running', 'IDEMPOTENCY_IN_PROGRESS');
          case 'mismatch':
            throw new DomainError(
              DomainErrorCode.CONFLICT,
              'this Idempotency-Key was already used for a different request',
              'IDEMPOTENCY_KEY_REUSED',
            );
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body) => {
                await this.keys.complete(user.id, key, response.statusCode, rendering?.resourceOf(body, request) ?? null);
                return body;
              }),
              catchError((error) => from(this.keys.release(user.id, key)).pipe(mergeMap(() => throwError(() => error)))),
            );
        }
      }),
    );
  }
}
