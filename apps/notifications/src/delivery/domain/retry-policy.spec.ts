import { isTemporaryMailError, nextStep, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 4, initialDelayMs: 1000, maxDelayMs: 5000 };
const now = new Date('2027-03-01T00:00:00Z');

describe('nextStep', () => {
  it('marks a sent message SENT', () => {
    expect(nextStep({ kind: 'sent', response: '250 OK', messageId: 'x' }, 1, policy, now)).toEqual({ status: 'SENT' });
  });

  it('backs off exponentially on temporary failures, capped', () => {
    const retryAt = (attempts: number) => {
      const step = nextStep({ kind: 'failed', error: 'ECONNREFUSED', temporary: true }, attempts, policy, now);
      return step.status === 'PENDING' ? step.retryAt.getTime() - now.getTime() : step.status;
    };
    expect([1, 2, 3].map(retryAt)).toEqual([1000, 2000, 4000]);
    expect(retryAt(4)).toBe('FAILED');
    expect(nextStep({ kind: 'failed', error: 'x', temporary: true }, 3, { ...policy, maxDelayMs: 3000 }, now)).toEqual({
      status: 'PENDING',
      retryAt: new Date(now.getTime() + 3000),
    });
  });

  it('gives up at once on a permanent failure', () => {
    expect(nextStep({ kind: 'failed', error: '550 no such user', temporary: false }, 1, policy, now)).toEqual({
      status: 'FAILED',
    });
  });
});

describe('isTemporaryMailError', () => {
  it('treats 4xx replies and network errors as temporary, 5xx as final', () => {
    expect(isTemporaryMailError({ responseCode: 421 })).toBe(true);
    expect(isTemporaryMailError({ responseCode: 451 })).toBe(true);
    expect(isTemporaryMailError({ responseCode: 550 })).toBe(false);
    expect(isTemporaryMailError({ code: 'ECONNREFUSED' })).toBe(true);
  });
});
