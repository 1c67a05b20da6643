/**
 * Which queued webhook deliveries go out now. Two rules:
 * - order: deliveries of one subscription with one ordering key (the event's subject, i.e. the conference, the
 *   incident…) go one at a time, in the order they were queued; a delivery waits while an earlier one of its key is
 *   still PENDING (being sent, or waiting for its retry). A delivery given up (FAILED) no longer holds the others.
 * - fairness: at most `slots` in flight in all, and at most `perSubscription` to one subscription, taken in turns
 *   across subscriptions, so that a slow receiver (each attempt up to its timeout) leaves the others their share.
 */
export interface QueuedDelivery {
  id: string;
  subscriptionId: string;
  orderingKey: string;
  /** The order of queueing. */
  position: number;
  nextAttemptAt: Date;
  /** Set while an attempt is in flight. */
  leasedUntil: Date | null;
}

export interface SendLimits {
  /** Free places in the worker. */
  slots: number;
  perSubscription: number;
}

/**
 * From the PENDING deliveries (the whole queue, or only the first of each key: the answer is the same), those to
 * send now, in turns across subscriptions.
 */
export function nextToSend(pending: readonly QueuedDelivery[], limits: SendLimits, now: Date): QueuedDelivery[] {
  const heads = new Map<string, QueuedDelivery>();
  for (const delivery of pending) {
    const key = `${delivery.subscriptionId}\u0000${delivery.orderingKey}`;
    const head = heads.get(key);
    if (!head || delivery.position < head.position) heads.set(key, delivery);
  }
  const inFlight = new Map<string, number>();
  const ready = new Map<string, QueuedDelivery[]>();
  for (const head of heads.values()) {
    if (head.leasedUntil && head.leasedUntil > now) {
      inFlight.set(head.subscriptionId, (inFlight.get(head.subscriptionId) ?? 0) + 1);
    } else if (head.nextAttemptAt <= now) {
      ready.set(head.subscriptionId, [...(ready.get(head.subscriptionId) ?? []), head]);
    }
  }
  for (const queue of ready.values()) queue.sort(byDueThenQueued);

  const chosen: QueuedDelivery[] = [];
  for (let round = 0; chosen.length < limits.slots; round += 1) {
    let took = false;
    for (const [subscriptionId, queue] of ready) {
      if (chosen.length >= limits.slots) break;
      const room = limits.perSubscription - (inFlight.get(subscriptionId) ?? 0);
      if (round >= room || round >= queue.length) continue;
      chosen.push(queue[round]);
      took = true;
    }
    if (!took) break;
  }
  return chosen;
}

function byDueThenQueued(a: QueuedDelivery, b: QueuedDelivery): number {
  return a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.position - b.position;
}

/**
 * When the worker next has something to do by the clock (ms from `now`; null for never): the first retry, or the
 * end of a lease a crashed sender may have left. Heads due now but held back by the shares are not counted: the
 * end of the attempt that holds them back wakes the worker that made it.
 */
export function nextDueIn(heads: readonly QueuedDelivery[], now: Date): number | null {
  let first: number | null = null;
  for (const head of heads) {
    const at = head.leasedUntil && head.leasedUntil > now ? head.leasedUntil : head.nextAttemptAt;
    if (at > now && (first === null || at.getTime() < first)) first = at.getTime();
  }
  return first === null ? null : first - now.getTime();
}
