/**
 * kafkajs 2.2.4 spins on every idle connection (tulios/kafkajs#1556, #1704, unfixed upstream): after each response,
 * `RequestQueue.scheduleCheckPendingRequests` sets a timer for `throttledUntil − now`, which is negative when the
 * broker does not throttle, so the empty queue is checked again every millisecond for as long as the connection
 * lives. Profiled: 3–4% of a core for each idle service, nearly all of its idle time.
 *
 * This replaces the method with the same rule minus the spin: a check is scheduled only while a request waits (in
 * 10 ms, kafkajs' own interval, or when a throttle ends) or a throttle is still to end. A response and a new request
 * check the queue themselves, as before. Installed once per process, on the class every connection uses.
 */

/** The fields of kafkajs' RequestQueue that the schedule reads (it exports no types for it). */
interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

interface RequestQueuePrototype {
  scheduleCheckPendingRequests(this: RequestQueueLike): void;
}

/** kafkajs' CHECK_PENDING_REQUESTS_INTERVAL: how soon a request held back by the in-flight limit is looked at. */
const PENDING_CHECK_MS = 10;

const installed = new WeakSet<object>();

export function scheduleChecksOnlyWhenWaiting(prototype: RequestQueuePrototype): void {
  if (installed.has(prototype)) return;
  installed.add(prototype);
  prototype.scheduleCheckPendingRequests = function (this: RequestQueueLike): void {
    if (this.throttleCheckTimeoutId) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    if (this.pending.length === 0 && untilUnthrottled <= 0) return;
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilUnthrottled > 0 ? untilUnthrottled : PENDING_CHECK_MS,
    );
  };
}

/** On the RequestQueue of the kafkajs this process loads (a module path kafkajs has kept since 1.x). */
export function stopIdleKafkaSpin(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module, untyped
  const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueuePrototype };
  scheduleChecksOnlyWhenWaiting(RequestQueue.prototype);
}
