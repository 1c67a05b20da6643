import { createHash, createHmac } from 'node:crypto';

/** Shorter keys are refused at start: the links are only as unguessable as the key. */
export const RSVP_TOKEN_SECRET_MIN_LENGTH = 32;

/**
 * An invitation's RSVP token: HMAC-SHA-256 of its id under the server's key (RSVP_TOKEN_SECRET), 24 bytes of it in
 * base64url (192 bits, safe in a URL path, the shape of INVITATION_TOKEN_PATTERN). Derived again whenever a mail
 * needs the link, so that the token itself is never stored: a copy of the database opens no invitation.
 */
export function deriveInvitationToken(invitationId: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`rsvp:${invitationId}`, 'utf8')
    .digest()
    .subarray(0, 24)
    .toString('base64url');
}

/** What a token is stored and looked up by (SHA-256): a guess is compared with no stored token byte by byte. */
export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
