import { hash } from 'argon2';
import { hashPassword, isOutdatedPasswordHash, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('hashes with argon2id at 19 MiB, two passes, one lane, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse')).toBe(false);
    expect(isOutdatedPasswordHash(stored)).toBe(false);
  });

  it('still verifies a hash made with argon2 defaults (64 MiB) and calls it outdated', async () => {
    const old = await hash('correct horse');
    expect(old).toMatch(/m=65536/);
    expect(await verifyPassword(old, 'correct horse')).toBe(true);
    expect(isOutdatedPasswordHash(old)).toBe(true);
  });

  it('answers false, not an error, for something that is not a hash', async () => {
    expect(await verifyPassword('plain text', 'plain text')).toBe(false);
  });
});
