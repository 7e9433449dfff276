import { Body, Controller, HttpCode, HttpException, HttpStatus, Post, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Public } from './auth.decorators';
import { AuthService, InvalidCredentialsError, LoginLockedError } from './auth.service';

export class LoginDto {
  @ApiProperty({ example: 'officer1' }) @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty({ example: 'dandang-demo' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

/** 429, reason LOGIN_LOCKED (from the class name, as the error filter names reasons). */
class LoginLockedException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response) {
    try {
      const { accessToken, user } = await this.auth.login(body.username, body.password);
      return { accessToken, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId } };
    } catch (e) {
      if (e instanceof InvalidCredentialsError) throw new UnauthorizedException(e.message);
      if (e instanceof LoginLockedError) {
        response.setHeader('Retry-After', String(Math.max(1, Math.ceil((e.until.getTime() - Date.now()) / 1000))));
        throw new LoginLockedException(e.message);
      }
      throw e;
    }
  }
}
