import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiConfig } from '../infrastructure/api-config';

/**
 * CORS for the Temporal Web UI alone: it calls the codec endpoint from its own origin, with the signed-in user's
 * token. Origins not configured (TEMPORAL_CODEC_CORS_ORIGINS) get no CORS headers, so browsers keep them out.
 * A preflight is answered here, before authentication, as browsers send it without the token.
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
