import { notSent, resendRefusal } from './resend';

describe('resending a delivery by hand', () => {
  it('queues again only what the mail server or the network failed', () => {
    expect(resendRefusal({ status: 'FAILED', lastError: '550 5.1.1 Mailbox unavailable' })).toBeUndefined();
    expect(resendRefusal({ status: 'FAILED', lastError: 'ECONNREFUSED: connect ECONNREFUSED' })).toBeUndefined();
    expect(resendRefusal({ status: 'FAILED', lastError: null })).toBeUndefined();
  });

  it('refuses one already queued again, or never failed: once per failure', () => {
    expect(resendRefusal({ status: 'PENDING', lastError: '451 try later' })).toBe('it is already queued');
    expect(resendRefusal({ status: 'SENT', lastError: null })).toBe('the mail server has accepted it');
  });

  it('refuses one that was dropped because it no longer applied, saying why', () => {
    expect(resendRefusal({ status: 'FAILED', lastError: notSent('the conference was cancelled') })).toBe(
      'it was not sent because it no longer applied (the conference was cancelled)',
    );
  });
});
