import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { EffectsController } from './effects.controller';
import { EffectsService } from './effects.service';

/** 干部影响期登记: the register of effects per official, listed and exported (the webhook is the worker's). */
@Module({
  imports: [AccessModule],
  controllers: [EffectsController],
  providers: [EffectsService],
})
export class EffectsModule {}
