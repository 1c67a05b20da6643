import { isInvitationToken } from '@pressconf/contracts';
import { deriveInvitationToken, hashInvitationToken } from './invitation-token';

const secret = 'k'.repeat(32);
const ids = ['0b8f3c1e-6d2a-4f5b-9c7e-1a2b3c4d5e6f', '9f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f'];

describe('invitation tokens', () => {
  it('are derived from the invitation id and the key: the same each time, a link-safe token', () => {
    const token = deriveInvitationToken(ids[0], secret);
    expect(isInvitationToken(token)).toBe(true);
    expect(deriveInvitationToken(ids[0], secret)).toBe(token);
  });

  it('differ for another invitation and under another key, so that neither can be guessed from the other', () => {
    const token = deriveInvitationToken(ids[0], secret);
    expect(deriveInvitationToken(ids[1], secret)).not.toBe(token);
    expect(deriveInvitationToken(ids[0], 'j'.repeat(32))).not.toBe(token);
  });

  it('are stored as their SHA-256 only', () => {
    const token = deriveInvitationToken(ids[0], secret);
    expect(hashInvitationToken(token)).toHaveLength(32);
    expect(hashInvitationToken(token).equals(hashInvitationToken(token))).toBe(true);
    expect(hashInvitationToken(token).toString('utf8')).not.toContain(token);
  });

  it('refuse what is no token of ours before any lookup', () => {
    expect(isInvitationToken('short')).toBe(false);
    expect(isInvitationToken(`${deriveInvitationToken(ids[0], secret)}/..`)).toBe(false);
    expect(isInvitationToken(undefined)).toBe(false);
  });
});
