import { Body, Controller, HttpCode, HttpException, HttpStatus, Post, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginResponse } from '@dandang/contracts';
import { ApiConfig } from '../infrastructure/api-config';
import { ApiAnswer } from '../openapi/api-answer';
import { CurrentSession, OpenBeforePasswordChange, Origin, Public } from './auth.decorators';
import { AuthService, InvalidCredentialsError, LoginLockedError, type Authenticated, type RequestOrigin } from './auth.service';
import { PasswordChecksBusyError } from './password-check-gate';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from './session-cookie';
import { SignInThrottleGuard } from './sign-in-throttle';

export class LoginDto {
  @ApiProperty({ example: 'officer1' }) @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty({ example: 'dandang-demo' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @ApiProperty({ description: 'At least 10 characters from three of: lower-case, upper-case, digits, others; not containing the username' })
  @IsString() @MinLength(1) @MaxLength(400) newPassword!: string;
}

/** 429, reason LOGIN_LOCKED (from the class name, as the error filter names reasons). */
class LoginLockedException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** 503, reason SIGN_IN_BUSY: the password checks are full, so the password was not checked. */
class SignInBusyException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/** The seconds a client is told to wait when the password checks are full: a queue's worth drains in about that. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/** A locked username's answer: 429 with Retry-After; full password checks: 503 with Retry-After; any other error as it is. */
function signInAnswer(e: unknown, response: Response): unknown {
  if (e instanceof LoginLockedError) {
    response.setHeader('Retry-After', String(e.secondsLeft));
    return new LoginLockedException(e.message);
  }
  if (e instanceof PasswordChecksBusyError) {
    response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    return new SignInBusyException(e.message);
  }
  return e;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  /** Secure cookies in production (session-cookie.ts). */
  private readonly production: boolean;

  constructor(
    private readonly auth: AuthService,
    config: ApiConfig,
  ) {
    this.production = config.values.nodeEnv === 'production';
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(SignInThrottleGuard)
  @ApiOperation({
    summary: '登录 (sign in: a bearer token for 8 hours, ended sooner by sign-out or 30 minutes unused)',
    description:
      `The same token also comes as an HttpOnly cookie, ${SESSION_COOKIE}, that browsers send only to the Temporal codec endpoint. ` +
      'With `user.mustChangePassword` the password was set by an administrator: every route but POST /api/auth/password and ' +
      '/api/auth/logout answers 403 PASSWORD_CHANGE_REQUIRED until it is changed.',
  })
  @ApiAnswer('LoginResponse')
  async login(@Body() body: LoginDto, @Origin() origin: RequestOrigin, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    try {
      const { accessToken, user } = await this.auth.login(body.username, body.password, origin);
      setSessionCookie(response, accessToken, this.production);
      return {
        accessToken,
        user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId, mustChangePassword: user.mustChangePassword },
      };
    } catch (e) {
      if (e instanceof InvalidCredentialsError) throw new UnauthorizedException(e.message);
      throw signInAnswer(e, response);
    }
  }

  @Post('password')
  @OpenBeforePasswordChange()
  @HttpCode(204)
  @UseGuards(SignInThrottleGuard)
  @ApiOperation({ summary: '修改密码 (change your password; your other sessions are signed out)' })
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Changed' })
  async changePassword(
    @CurrentSession() session: Authenticated,
    @Body() body: ChangePasswordDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ) {
    try {
      await this.auth.changePassword(session, body.currentPassword, body.newPassword, origin);
    } catch (e) {
      throw signInAnswer(e, response);
    }
  }

  @Post('logout')
  @OpenBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录 (sign out: this token is refused from now on)' })
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentSession() session: Authenticated, @Origin() origin: RequestOrigin, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(session, origin);
    // The session already refuses the cookie's token; this only tidies the browser.
    clearSessionCookie(response, this.production);
  }
}
