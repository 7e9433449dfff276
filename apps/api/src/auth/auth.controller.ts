import { Body, Controller, HttpCode, HttpException, HttpStatus, Post, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginResponse } from '@dandang/contracts';
import { ApiAnswer } from '../openapi/api-answer';
import type { AuthUser } from './auth-user';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService, InvalidCredentialsError, LoginLockedError } from './auth.service';

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

/** A locked username's answer: 429 with Retry-After; any other error as it is. */
function lockedAnswer(e: unknown, response: Response): unknown {
  if (!(e instanceof LoginLockedError)) return e;
  response.setHeader('Retry-After', String(e.secondsLeft));
  return new LoginLockedException(e.message);
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录 (sign in: a bearer token for 8 hours)' })
  @ApiAnswer('LoginResponse')
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    try {
      const { accessToken, user } = await this.auth.login(body.username, body.password);
      return { accessToken, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId } };
    } catch (e) {
      if (e instanceof InvalidCredentialsError) throw new UnauthorizedException(e.message);
      throw lockedAnswer(e, response);
    }
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码 (change your password)' })
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Changed' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto, @Res({ passthrough: true }) response: Response) {
    try {
      await this.auth.changePassword(user, body.currentPassword, body.newPassword);
    } catch (e) {
      throw lockedAnswer(e, response);
    }
  }
}
