import { Global, Module } from '@nestjs/common';
import { SecurityEventLog } from './security-event-log.service';
import { SecurityEventsController } from './security-events.controller';

/** Global: sign-in, administration and case actions all record to the one log. */
@Global()
@Module({
  controllers: [SecurityEventsController],
  providers: [SecurityEventLog],
  exports: [SecurityEventLog],
})
export class SecurityEventsModule {}
