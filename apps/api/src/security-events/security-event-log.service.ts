import { Injectable } from '@nestjs/common';
import type { SecurityEvent, SecurityEventChainVerification, SecurityEventKind, SecurityEventPage } from '@dandang/contracts';
import { forbiddenSecurityDetails } from '@dandang/domain';
import { SecurityEventRepository, type SecurityEventFilter } from '@dandang/persistence';

/** Who an event is about as its actor: a signed-in user, or only the username given at a failed sign-in. */
export interface SecurityEventActor {
  id?: string | null;
  username: string;
}

export interface SecurityEventRecord {
  kind: SecurityEventKind;
  actor: SecurityEventActor;
  /** What the event concerns: a user's id, a case's id, a policy or calendar version. */
  subject?: string;
  reason?: string;
  /** The client's address, where a request brought the event. */
  address?: string;
  details?: Record<string, unknown>;
}

/** The security-event log (安全审计) the API writes to and auditors read. */
@Injectable()
export class SecurityEventLog {
  constructor(private readonly events: SecurityEventRepository) {}

  /**
   * Appends an event, timed now, to the log's hash chain. Details that could hold a secret or name a reporter are a
   * programming error, refused before anything is written.
   */
  async record(event: SecurityEventRecord): Promise<SecurityEvent> {
    const forbidden = forbiddenSecurityDetails(event.details ?? {});
    if (forbidden.length) throw new Error(`a security event may not carry ${forbidden.join(', ')}`);
    return this.events.append({
      kind: event.kind,
      occurredAt: new Date(),
      actorId: event.actor.id ?? null,
      actorName: event.actor.username,
      subject: event.subject,
      reason: event.reason,
      address: event.address,
      details: event.details,
    });
  }

  async list(filter: SecurityEventFilter, page: number, pageSize: number): Promise<SecurityEventPage> {
    return { ...(await this.events.list(filter, page, pageSize)), page, pageSize };
  }

  verify(): Promise<SecurityEventChainVerification> {
    return this.events.verifyChain();
  }
}
