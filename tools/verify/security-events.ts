import type { DataSource } from 'typeorm';
import type { SecurityEventChainVerification } from '@dandang/contracts';
import { SecurityEventRepository } from '@dandang/persistence';

/** The security-event log's hash chain, checked from its first event to its last (it is never repaired). */
export function verifySecurityEvents(dataSource: DataSource): Promise<SecurityEventChainVerification> {
  return new SecurityEventRepository(dataSource).verifyChain();
}

export function describeSecurityEvents(r: SecurityEventChainVerification): string {
  return r.valid
    ? `security events: ${r.events} event(s), chain intact`
    : `security events: chain broken at event ${r.brokenAt!.seq}: ${r.brokenAt!.problem} (${r.events} event(s))`;
}
