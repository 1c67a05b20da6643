import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 24 random bytes, base64url: 192 bits, beyond guessing, and safe in a URL path. */
export function newInvitationToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What a token is stored and looked up by, so that no query compares a guess with a token byte by byte. */
export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The final check after the lookup by hash, in constant time. */
export function tokensMatch(stored: string, given: string): boolean {
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
