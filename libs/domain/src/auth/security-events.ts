/**
 * Refusals of a case action that are security events: the four-eyes rule (an approver approving their own proposal)
 * and recusal (an officer acting on a case they must stay out of). Other refusals are ordinary input errors.
 */
export const SECURITY_REFUSAL_REASONS = ['FOUR_EYES', 'RECUSAL'] as const;

export const isSecurityRefusal = (reason: string): boolean => (SECURITY_REFUSAL_REASONS as readonly string[]).includes(reason);

/** Keys a security event's details may never hold, at any depth: secrets, and whatever could name a reporter. */
const FORBIDDEN_DETAIL_KEY = /password|token|secret|jwt|authorization|contact|phone|e-?mail|id_?card|reporter_?name/i;

/**
 * The paths of keys in `details` that a security event must not carry (empty when it may be recorded): the log is
 * read by auditors, who see no secret and never the reporter.
 */
export function forbiddenSecurityDetails(details: unknown, path = ''): string[] {
  if (Array.isArray(details)) return details.flatMap((v, i) => forbiddenSecurityDetails(v, `${path}[${i}]`));
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    return FORBIDDEN_DETAIL_KEY.test(key) ? [at] : forbiddenSecurityDetails(value, at);
  });
}
