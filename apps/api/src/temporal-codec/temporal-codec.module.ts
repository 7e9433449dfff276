import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { TemporalCodecController } from './temporal-codec.controller';

/** The codec endpoint of the Temporal Web UI (POST /api/temporal-codec/decode), with CORS for the UI's origin. */
@Module({ controllers: [TemporalCodecController] })
export class TemporalCodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CodecCorsMiddleware).forRoutes({ path: 'temporal-codec/*path', method: RequestMethod.ALL });
  }
}
