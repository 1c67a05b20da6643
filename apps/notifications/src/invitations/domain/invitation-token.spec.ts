import { isInvitationToken } from '@pressconf/contracts';
import { hashInvitationToken, newInvitationToken, tokensMatch } from './invitation-token';

describe('invitation tokens', () => {
  it('are 24 random bytes in base64url, the shape the gateway accepts', () => {
    const tokens = new Set(Array.from({ length: 200 }, newInvitationToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(isInvitationToken(token)).toBe(true);
  });

  it('are looked up by their SHA-256', () => {
    const token = newInvitationToken();
    expect(hashInvitationToken(token)).toHaveLength(32);
    expect(hashInvitationToken(token).equals(hashInvitationToken(token))).toBe(true);
    expect(hashInvitationToken(token).equals(hashInvitationToken(newInvitationToken()))).toBe(false);
  });

  it('match only when equal, whatever the lengths', () => {
    const token = newInvitationToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, `${token.slice(0, -1)}x`)).toBe(token.endsWith('x'));
    expect(tokensMatch(token, token.slice(1))).toBe(false);
    expect(tokensMatch(token, '')).toBe(false);
  });

  it('are refused by shape before any lookup', () => {
    expect(isInvitationToken('short')).toBe(false);
    expect(isInvitationToken(`${newInvitationToken()}/..`)).toBe(false);
    expect(isInvitationToken(undefined)).toBe(false);
  });
});
