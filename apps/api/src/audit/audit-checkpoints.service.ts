import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@dandang/domain';
import { AuditCheckpointRepository, type AuditCheckpoint } from '@dandang/persistence';

/** The signed checkpoints of the audit chain heads, for auditors to export and keep outside this system. */
@Injectable()
export class AuditCheckpointsService {
  constructor(private readonly checkpoints: AuditCheckpointRepository) {}

  async latest(): Promise<AuditCheckpoint> {
    return found(await this.checkpoints.latest(), 'no audit checkpoint has been written yet');
  }

  async byId(id: number): Promise<AuditCheckpoint> {
    return found(await this.checkpoints.find(id), `audit checkpoint ${id} not found`);
  }
}

function found(checkpoint: AuditCheckpoint | undefined, message: string): AuditCheckpoint {
  if (!checkpoint) throw new DomainError(DomainErrorCode.NOT_FOUND, message, 'NOT_FOUND');
  return checkpoint;
}
