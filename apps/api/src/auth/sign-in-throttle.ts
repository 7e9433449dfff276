import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '@dandang/config';

/** 429, reason SIGN_IN_RATE_LIMITED (from the class name, as the error filter names reasons). */
class SignInRateLimitedException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * The per-address limit on password checks (sign-in and password change share one count): keyed by the client's
 * address alone, not the route, and by Express's req.ip, which follows X-Forwarded-For only as far as TRUST_PROXY
 * allows. Counts are kept in this process's memory: one API process per deployment, as compose runs it.
 */
export function signInThrottleOptions(config: AppConfig): ThrottlerModuleOptions {
  const { limit, windowSeconds } = config.loginRate;
  return {
    throttlers: [{ limit, ttl: windowSeconds * 1000 }],
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    errorMessage: `登录尝试过于频繁，请稍后再试 (too many sign-in attempts from this address; at most ${limit} per ${windowSeconds} s, try again later)`,
  };
}

/** ThrottlerGuard for the sign-in routes, refusing with its own reason (and Retry-After, which the guard sets). */
@Injectable()
export class SignInThrottleGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(...args: Parameters<ThrottlerGuard['throwThrottlingException']>): Promise<void> {
    throw new SignInRateLimitedException(await this.getErrorMessage(...args));
  }
}
