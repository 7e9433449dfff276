import { Module } from '@nestjs/common';
import { ReassignmentReplay } from './reassignment-replay';
import { ReassignmentsController } from './reassignments.controller';
import { ReassignmentsService } from './reassignments.service';

@Module({
  controllers: [ReassignmentsController],
  providers: [ReassignmentsService, ReassignmentReplay],
})
export class ReassignmentsModule {}
