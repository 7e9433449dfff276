import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiConfig } from '../infrastructure/api-config';

/**
 * CORS for the Temporal Web UI alone: it calls the codec endpoint from its own origin with credentials (the session
 * cookie), so an allowed origin is echoed exactly with Allow-Credentials, never `*`. Origins not configured
 * (TEMPORAL_CODEC_CORS_ORIGINS) get no CORS headers, so browsers neither send them the cookie's request (the JSON
 * body needs a preflight) nor show them an answer. A preflight is answered here, before authentication, as browsers
 * send it without credentials.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware {
  constructor(private readonly config: ApiConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && this.config.values.temporalCodec.corsOrigins.includes(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.setHeader('Vary', 'Origin');
    if (req.method !== 'OPTIONS') return next();
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(allowed ? 204 : 403).end();
  }
}
