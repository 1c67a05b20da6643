import { assertLinkLive, InvitationLinkExpiredError, linkExpiresAt } from './link-expiry';

const conference = { endsAt: new Date('2026-12-10T04:00:00Z') };

describe('invitation link expiry', () => {
  it('answers until the configured days after the end of the conference', () => {
    expect(linkExpiresAt(conference, 30).toISOString()).toBe('2027-01-09T04:00:00.000Z');
    expect(() => assertLinkLive(conference, 30, new Date('2027-01-09T04:00:00Z'))).not.toThrow();
  });

  it('answers 410 Gone afterwards, saying since when', () => {
    const error = (() => {
      try {
        assertLinkLive(conference, 30, new Date('2027-01-09T04:00:01Z'));
      } catch (e) {
        return e as InvitationLinkExpiredError;
      }
    })();
    expect(error).toBeInstanceOf(InvitationLinkExpiredError);
    expect(error?.status).toBe(410);
    expect(error?.message).toContain('2027-01-09T04:00:00.000Z');
  });

  it('takes fractions of a day, and 0 (links end with the conference)', () => {
    expect(() => assertLinkLive(conference, 0, new Date('2026-12-10T04:00:01Z'))).toThrow(InvitationLinkExpiredError);
    expect(linkExpiresAt(conference, 0.5).toISOString()).toBe('2026-12-10T16:00:00.000Z');
  });
});
