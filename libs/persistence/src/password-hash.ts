import { argon2id, hash, needsRehash, verify } from 'argon2';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, two passes, one lane). argon2's own default holds 64 MiB per
 * check, which made a burst of logins the largest thing in the API's memory (BENCHMARKS.md); older hashes still
 * verify with the parameters they carry and are rehashed at the next successful login.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False for a wrong password and for anything that is not a valid hash. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

export function isOutdatedPasswordHash(passwordHash: string): boolean {
  return needsRehash(passwordHash, PASSWORD_HASH_OPTIONS);
}
