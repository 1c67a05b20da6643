import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newSecret, signatureHeaders, signingSecrets } from './signing';

const body = JSON.stringify({ id: '3f1c2a8e-2d5b-4c1e-9a7f-0b6d5e4c3b2a', type: 'scheduling.conference.called.v1' });
const eventId = '3f1c2a8e-2d5b-4c1e-9a7f-0b6d5e4c3b2a';

describe('webhook signatures', () => {
  it('are verified by the Standard Webhooks reference implementation', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signatureHeaders(eventId, body, [secret]);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-id']).toBe(eventId);
    expect(Number(headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
  });

  it('are the HMAC-SHA256 of "id.timestamp.body" keyed with the secret’s bytes', () => {
    const secret = newSecret();
    const at = new Date('2027-03-01T08:00:00Z');
    const headers = signatureHeaders(eventId, body, [secret], at);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`${eventId}.${at.getTime() / 1000}.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('carry both signatures while a rotated secret overlaps, either verifying', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const now = new Date();
    const secrets = signingSecrets(
      { secret: current, previousSecret: previous, previousSecretExpiresAt: new Date(now.getTime() + 1000) },
      now,
    );
    const headers = signatureHeaders(eventId, body, secrets, now);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });

  it('drop the previous secret when its 24 hours are over', () => {
    const now = new Date();
    const rotated = { secret: 's1', previousSecret: 's0', previousSecretExpiresAt: new Date(now.getTime() - 1) };
    expect(signingSecrets(rotated, now)).toEqual(['s1']);
  });
});
