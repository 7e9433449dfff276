import type { Role } from '@dandang/contracts';

/**
 * Who may open sealed Temporal payloads (the Web UI's codec endpoint): supervisors, who read case content in their
 * work. A payload carries no case id the endpoint could check recusal against, so the role is kept narrow and every
 * decode is a security event. Never the administrator or the auditor (三员分立: neither reads case content), nor the
 * official concerned, whatever other role they also hold.
 */
export const TEMPORAL_PAYLOAD_READER_ROLES: readonly Role[] = ['SUPERVISOR'];
const NEVER_READ_PAYLOADS: readonly Role[] = ['ADMIN', 'AUDITOR', 'SUBJECT'];

export function mayReadTemporalPayloads(viewer: { roles: readonly Role[] }): boolean {
  return viewer.roles.some((r) => TEMPORAL_PAYLOAD_READER_ROLES.includes(r)) && !viewer.roles.some((r) => NEVER_READ_PAYLOADS.includes(r));
}
