import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Public } from './auth.decorators';
import { AuthService, InvalidCredentialsError } from './auth.service';

export class LoginDto {
  @ApiProperty({ example: 'officer1' }) @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty({ example: 'dandang-demo' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto) {
    try {
      const { accessToken, user } = await this.auth.login(body.username, body.password);
      return { accessToken, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId } };
    } catch (e) {
      if (e instanceof InvalidCredentialsError) throw new UnauthorizedException(e.message);
      throw e;
    }
  }
}
