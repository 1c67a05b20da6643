import { maskTokens } from './token-mask';

describe('maskTokens', () => {
  it('hides the RSVP token of an invitation URL and keeps the rest', () => {
    expect(maskTokens('/api/v1/invitations/AbC123_-x/rsvp?x=1')).toBe('/api/v1/invitations/***/rsvp?x=1');
    expect(maskTokens('/api/v1/conferences/1/invitations?rsvp=PENDING')).toBe(
      '/api/v1/conferences/1/invitations?rsvp=PENDING',
    );
  });

  it("hides the token of the invitee's page and any token parameter, not the page's assets", () => {
    expect(maskTokens('/moi/AbC123_-xAbC123_-xAbC123_-xAb?saved=1')).toBe('/moi/***?saved=1');
    expect(maskTokens('/moi/assets/invitation.css?v=1a2b')).toBe('/moi/assets/invitation.css?v=1a2b');
    expect(maskTokens('/api/v1/x?a=1&token=secret&b=2')).toBe('/api/v1/x?a=1&token=***&b=2');
  });
});
