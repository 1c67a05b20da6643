import { AttemptedDelivery, outcomeOf } from './delivery-outcome';
import { RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 3, initialDelayMs: 1000, maxDelayMs: 60_000 };
const at = new Date('2027-03-01T02:00:00Z');
const invitation: AttemptedDelivery = {
  id: 'd1',
  kind: 'INVITATION',
  attempts: 1,
  attemptsBeforeResend: 0,
  invitationId: 'i1',
  conferenceId: 'c1',
};

describe('outcomeOf', () => {
  it('records a sent invitation with the server reply and reports it', () => {
    const outcome = outcomeOf(invitation, { kind: 'sent', response: '250 OK', messageId: '<m@x>' }, policy, at);
    expect(outcome).toEqual({
      id: 'd1',
      status: 'SENT',
      retryAt: null,
      sent: { at, response: '250 OK', messageId: '<m@x>' },
      lastError: null,
      reportsInvitation: true,
      metric: 'sent',
    });
  });

  it('keeps a temporary failure PENDING with its retry time, and reports nothing yet', () => {
    const outcome = outcomeOf(invitation, { kind: 'failed', error: '451 busy', temporary: true }, policy, at);
    expect(outcome).toMatchObject({
      status: 'PENDING',
      lastError: '451 busy',
      reportsInvitation: false,
      metric: 'retry',
    });
    expect(outcome.retryAt?.getTime()).toBe(at.getTime() + 1000);
  });

  it('gives up after the last attempt and reports the failure', () => {
    const outcome = outcomeOf(
      { ...invitation, attempts: 3 },
      { kind: 'failed', error: '451', temporary: true },
      policy,
      at,
    );
    expect(outcome).toMatchObject({ status: 'FAILED', retryAt: null, reportsInvitation: true, metric: 'failed' });
  });

  it('counts only the attempts since a resend by hand', () => {
    const resent = { ...invitation, attempts: 5, attemptsBeforeResend: 4 };
    expect(outcomeOf(resent, { kind: 'failed', error: '451', temporary: true }, policy, at).status).toBe('PENDING');
  });

  it('ends a message that no longer applies FAILED with the reason, reporting nothing', () => {
    expect(outcomeOf(invitation, { kind: 'skipped', reason: 'the conference was cancelled' }, policy, at)).toEqual({
      id: 'd1',
      status: 'FAILED',
      retryAt: null,
      sent: null,
      lastError: 'not sent: the conference was cancelled',
      reportsInvitation: false,
      metric: 'skipped',
    });
  });

  it('reports only notices about one invitation', () => {
    const brief: AttemptedDelivery = { ...invitation, kind: 'BRIEF_REQUEST', invitationId: null };
    expect(outcomeOf(brief, { kind: 'sent', response: '250', messageId: 'm' }, policy, at).reportsInvitation).toBe(
      false,
    );
  });
});
