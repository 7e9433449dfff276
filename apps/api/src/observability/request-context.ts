import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept when it is an opaque token (a proxy's or a client's); anything else could inject into logs. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

const context = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the HTTP request being served here, if any (the Temporal client's interceptor reads it). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/**
 * First middleware of all: takes a well-formed incoming X-Request-Id or makes one, answers with it, and keeps it in
 * async context for the rest of the request (pino-http's genReqId reads it back from req.id).
 */
export function requestContext() {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    (req as Request & { id: string }).id = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    context.run({ requestId }, next);
  };
}

/**
 * The template of the route that answered (/api/cases/:id), never the URL: paths hold ids and query strings hold
 * search text. Read once the answer is sent: Express keeps the last route it matched in req.route, and Nest registers
 * middleware as wildcard routes (`/api{/*splat}`) matched before the controller's, so a wildcard means no controller
 * route was reached (our controllers declare none).
 */
export function routeTemplate(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route?.path;
  if (typeof route === 'string' && !route.includes('*')) return `${req.baseUrl ?? ''}${route}`;
  return req.path === '/api' || req.path.startsWith('/api/') ? '(unmatched)' : '(web app)';
}
