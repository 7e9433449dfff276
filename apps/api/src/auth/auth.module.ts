import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiConfig } from '../infrastructure/api-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SESSION_LIFETIME_SECONDS } from './session-cookie';
import { SignInThrottleGuard, signInThrottleOptions } from './sign-in-throttle';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ApiConfig],
      // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a public key on every
      // request and catches the failure, a cost every authenticated request would pay.
      useFactory: (config: ApiConfig) => ({
        secret: createSecretKey(Buffer.from(config.values.jwtSecret, 'utf8')),
        signOptions: { expiresIn: SESSION_LIFETIME_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({ inject: [ApiConfig], useFactory: (config: ApiConfig) => signInThrottleOptions(config.values) }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SignInThrottleGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
