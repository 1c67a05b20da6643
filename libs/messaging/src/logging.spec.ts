import { maskTokens } from './logging';

describe('maskTokens', () => {
  it('hides the RSVP token of an invitation URL and keeps the rest', () => {
    expect(maskTokens('/api/v1/invitations/AbC123_-x/rsvp?x=1')).toBe('/api/v1/invitations/***/rsvp?x=1');
    expect(maskTokens('/api/v1/conferences/1/invitations?rsvp=PENDING')).toBe(
      '/api/v1/conferences/1/invitations?rsvp=PENDING',
    );
  });
});
