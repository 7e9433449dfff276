import type { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { AppConfig } from '@dandang/config';
import { routeTemplate } from './request-context';

/**
 * JSON logs through nestjs-pino (pino-http's access log, and Nest's own logger routed to pino), each line with the
 * request id. The access log says method, route template, status and time: no URL, query, header or body, which can
 * hold a reporter's name or a search for one.
 */
export function loggerModule(config: AppConfig, destination?: Writable) {
  const pinoHttp: Params['pinoHttp'] = {
    level: config.logLevel,
    base: { service: 'dandang-api' },
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    // The access line's `req` is added when the answer is sent (below), not bound when the request arrives: only then
    // does req.route name the controller's route rather than a middleware's.
    quietResLogger: true,
    customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: object) => ({ ...value, req }),
    customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, value: object) => ({ ...value, req }),
    serializers: {
      req: (req: { id: string; method: string; raw: Request }) => ({ method: req.method, route: routeTemplate(req.raw) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // An error's message and stack, never its other properties (a failed query's parameters are case content).
      err: (err: Error) => ({ type: err?.name, stack: err?.stack }),
    },
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${routeTemplate(req as Request)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${routeTemplate(req as Request)} ${res.statusCode}`,
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [pinoHttp, destination] : pinoHttp });
}
