import type { ConfigService } from '@nestjs/config';
import type { NotificationsConfig } from '../../config';
import { InvitationTokens } from './invitation-tokens';

const withSecret = (secret: string | undefined) =>
  ({ get: () => secret }) as unknown as ConfigService<NotificationsConfig, true>;

describe('InvitationTokens', () => {
  it('stops notifications at start without a key of 32 characters or more, naming the variable', () => {
    expect(() => new InvitationTokens(withSecret(undefined))).toThrow(/RSVP_TOKEN_SECRET is not set/);
    expect(() => new InvitationTokens(withSecret('short'))).toThrow(/RSVP_TOKEN_SECRET is shorter than 32/);
  });

  it('gives each invitation one token, found again by its hash', () => {
    const tokens = new InvitationTokens(withSecret('k'.repeat(32)));
    const id = '0b8f3c1e-6d2a-4f5b-9c7e-1a2b3c4d5e6f';
    expect(tokens.tokenOf(id)).toBe(tokens.tokenOf(id));
    expect(tokens.hashOf(tokens.tokenOf(id))).toHaveLength(32);
  });
});
