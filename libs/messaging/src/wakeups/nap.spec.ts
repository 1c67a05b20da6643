import { Nap, pauseUntil } from './nap';

describe('pauseUntil', () => {
  it('sleeps until the next due time, within the safety net and never spinning', () => {
    expect(pauseUntil(2_500.2, 30_000)).toBe(2_501);
    expect(pauseUntil(null, 30_000)).toBe(30_000);
    expect(pauseUntil(90_000, 30_000)).toBe(30_000);
    expect(pauseUntil(-5_000, 30_000)).toBe(100);
    expect(pauseUntil(0, 30_000)).toBe(100);
  });
});

describe('Nap', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sleeps its full time when nothing wakes it', async () => {
    const nap = new Nap();
    let done = false;
    void nap.sleep(1_000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('ends at once when woken', async () => {
    const nap = new Nap();
    let done = false;
    void nap.sleep(60_000).then(() => (done = true));
    nap.wake();
    await Promise.resolve();
    expect(done).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps a wake-up that comes while awake for the next sleep, once', async () => {
    const nap = new Nap();
    nap.wake();
    nap.wake();
    await expect(nap.sleep(60_000)).resolves.toBeUndefined();
    let done = false;
    void nap.sleep(1_000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(500);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(500);
    expect(done).toBe(true);
  });
});
