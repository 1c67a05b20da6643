import { stopIdleKafkaSpin } from './idle-request-queue';

/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs' internal queue, untyped */
interface Queue {
  pending: unknown[];
  inflight: Map<number, unknown>;
  throttledUntil: number;
  checkPendingRequests(): void;
  push(request: { entry: { correlationId: number }; expectResponse: boolean; sendRequest(): void }): void;
  destroy(): void;
}

/** A fresh copy of kafkajs' RequestQueue (this file's module registry), as a connection makes it. */
function queueClass(): new (options: object) => Queue {
  jest.resetModules();
  return require('kafkajs/src/network/requestQueue') as new (options: object) => Queue;
}

const silent = { debug: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined };
const options = { maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, logger: silent };

describe('kafkajs request queue on an idle connection', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('spins every millisecond as kafkajs 2.2.4 ships it (the reason for the fix)', () => {
    const queue = new (queueClass())(options);
    const checks = jest.spyOn(queue, 'checkPendingRequests');
    queue.checkPendingRequests(); // what each response does
    jest.advanceTimersByTime(100);
    expect(checks.mock.calls.length).toBeGreaterThan(50);
    queue.destroy();
  });

  it('sets no timer once fixed, while nothing waits', () => {
    const RequestQueue = queueClass();
    stopIdleKafkaSpin();
    const queue = new RequestQueue(options);
    const checks = jest.spyOn(queue, 'checkPendingRequests');
    queue.checkPendingRequests();
    jest.advanceTimersByTime(1_000);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by the in-flight limit, and one held by a throttle when it ends', () => {
    const RequestQueue = queueClass();
    stopIdleKafkaSpin();
    const queue = new RequestQueue(options);
    const sent: number[] = [];
    const request = (correlationId: number) => ({
      entry: { correlationId },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });
    queue.push(request(1));
    queue.push(request(2)); // over the limit of one in flight: pending, checked again in 10 ms
    expect(sent).toEqual([1]);
    queue.inflight.clear(); // the first answered without the queue hearing of it: only the timer can send the second
    jest.advanceTimersByTime(10);
    expect(sent).toEqual([1, 2]);

    queue.inflight.clear();
    queue.throttledUntil = Date.now() + 500;
    queue.push(request(3));
    jest.advanceTimersByTime(499);
    expect(sent).toEqual([1, 2]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([1, 2, 3]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
