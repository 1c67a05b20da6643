import { ConfigService } from '@nestjs/config';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { ProblemError } from '@pressconf/messaging';
import { AuthFailures } from './auth-failures';

describe('AuthFailures', () => {
  const storage = new ThrottlerStorageService();
  const config = new ConfigService({ GATEWAY_AUTH_FAILURE_LIMIT: 3, GATEWAY_RATE_WINDOW_MS: 60_000 });
  const failures = new AuthFailures(storage, config as never);

  afterAll(() => storage.onApplicationShutdown());

  const refusal = async (action: () => unknown) => {
    try {
      await action();
    } catch (error) {
      return error instanceof ProblemError ? { status: error.status, retryAfter: error.headers['Retry-After'] } : error;
    }
    return undefined;
  };

  it('lets the limit of failures through, refuses the next and every call of that address until the window ends', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect(await refusal(() => failures.assertAllowed('198.51.100.1'))).toBeUndefined();
      expect(await refusal(() => failures.record('198.51.100.1'))).toBeUndefined();
    }
    expect(await refusal(() => failures.record('198.51.100.1'))).toEqual({ status: 429, retryAfter: '60' });
    expect(await refusal(() => failures.assertAllowed('198.51.100.1'))).toEqual({ status: 429, retryAfter: '60' });
    // Another address has its own count.
    expect(await refusal(() => failures.assertAllowed('198.51.100.2'))).toBeUndefined();
    expect(await refusal(() => failures.record('198.51.100.2'))).toBeUndefined();
  });
});
