import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FileStoreModule } from '../files/file-store.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [AccessModule, FileStoreModule],
  controllers: [EvidenceController],
  providers: [EvidenceService],
})
export class EvidenceModule {}
