import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorCode } from '@dandang/domain';
import { isDatabaseUnavailable } from '../infrastructure/database-unavailable';
import { UnavailableError } from '../infrastructure/unavailable.error';
import type { ErrorResponse } from './error-response';
import { FieldValidationException } from './validation';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  [DomainErrorCode.INVALID_INPUT]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.CONFLICT]: HttpStatus.CONFLICT,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Maps every error to one JSON shape; domain codes map to statuses here and nowhere else. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = toErrorResponse(error);
    // A deliberate answer (an HttpException such as a full sign-in queue's 503) is no fault to log.
    const deliberate = error instanceof UnavailableError || error instanceof HttpException || isDatabaseUnavailable(error);
    // The name and stack alone: an error's other properties (a failed query's parameters) can quote case content.
    if (body.statusCode >= 500 && !deliberate) this.logger.error(error instanceof Error ? `${error.stack ?? error.name}` : 'non-Error thrown');
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }
}

export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    const statusCode = DOMAIN_STATUS[error.code];
    return {
      statusCode,
      error: STATUS_TEXT[statusCode],
      reason: error.reason,
      message: error.message,
      ...(error.fields.length ? { fields: error.fields } : {}),
    };
  }
  if (error instanceof UnavailableError) {
    return { statusCode: 503, error: STATUS_TEXT[503], reason: 'UNAVAILABLE', message: error.message };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      statusCode: 503,
      error: STATUS_TEXT[503],
      reason: 'UNAVAILABLE',
      message: '数据库暂时不可用，请用同一 Idempotency-Key 重试 (the database is unavailable; retry with the same Idempotency-Key)',
    };
  }
  if (error instanceof FieldValidationException) {
    return { statusCode: 400, error: STATUS_TEXT[400], reason: 'INVALID_INPUT', message: error.message, fields: error.fields };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    return {
      statusCode,
      error: STATUS_TEXT[statusCode] ?? 'Error',
      reason: reasonFor(statusCode, error),
      message,
      // A 400 from the HTTP layer itself (malformed JSON, wrong charset) is about the body as a whole.
      ...(statusCode === 400 ? { fields: [{ field: 'body', message }] } : {}),
    };
  }
  // Body-parser errors (malformed JSON, too large, bad charset) carry their own status.
  const status = (error as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = String((error as { type?: unknown }).type ?? 'request.invalid');
    return {
      statusCode: status,
      error: STATUS_TEXT[status] ?? 'Bad Request',
      reason: type.replace(/\W+/g, '_').toUpperCase(),
      message: (error as Error).message,
      ...(status === 400 ? { fields: [{ field: 'body', message: (error as Error).message }] } : {}),
    };
  }
  return { statusCode: 500, error: STATUS_TEXT[500], reason: 'INTERNAL', message: 'internal error' };
}

function reasonFor(status: number, error: HttpException): string {
  if (status === 400) return 'INVALID_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'ROLE';
  if (status === 404) return 'NOT_FOUND';
  return error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() || 'ERROR';
}
