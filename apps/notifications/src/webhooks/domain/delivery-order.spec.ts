import { nextDueIn, nextToSend, QueuedDelivery } from './delivery-order';

const now = new Date('2027-03-01T08:00:00Z');
const past = new Date(now.getTime() - 1_000);
const future = new Date(now.getTime() + 60_000);
let position = 0;

function queued(subscriptionId: string, orderingKey: string, extra: Partial<QueuedDelivery> = {}): QueuedDelivery {
  position += 1;
  return {
    id: `d${position}`,
    subscriptionId,
    orderingKey,
    position,
    nextAttemptAt: past,
    leasedUntil: null,
    ...extra,
  };
}

const ids = (deliveries: QueuedDelivery[]) => deliveries.map((d) => d.id).sort();
const roomy = { slots: 100, perSubscription: 100 };

describe('which webhook deliveries go out now', () => {
  beforeEach(() => (position = 0));

  it('sends a conference’s events to a subscription one at a time, in the order queued', () => {
    const first = queued('s1', 'conf-a');
    const second = queued('s1', 'conf-a');
    expect(ids(nextToSend([second, first], roomy, now))).toEqual([first.id]);
  });

  it('holds the later events while the earlier one waits for its retry or is in flight', () => {
    const retrying = queued('s1', 'conf-a', { nextAttemptAt: future });
    const later = queued('s1', 'conf-a');
    expect(nextToSend([retrying, later], roomy, now)).toEqual([]);
    const sending = { ...retrying, nextAttemptAt: past, leasedUntil: future };
    expect(nextToSend([sending, later], roomy, now)).toEqual([]);
  });

  it('lets other conferences and other subscriptions go meanwhile', () => {
    const stuck = queued('s1', 'conf-a', { nextAttemptAt: future });
    const otherConference = queued('s1', 'conf-b');
    const sameConferenceOtherSubscription = queued('s2', 'conf-a');
    expect(ids(nextToSend([stuck, otherConference, sameConferenceOtherSubscription], roomy, now))).toEqual(
      ids([otherConference, sameConferenceOtherSubscription]),
    );
  });

  it('takes an expired lease (a crashed sender) as due again', () => {
    const abandoned = queued('s1', 'conf-a', { leasedUntil: past });
    expect(ids(nextToSend([abandoned], roomy, now))).toEqual([abandoned.id]);
  });

  it('shares the places in turns, so a subscription with much to send does not take them all', () => {
    const busy = Array.from({ length: 10 }, (_, i) => queued('busy', `conf-${i}`));
    const quiet = queued('quiet', 'conf-x');
    const chosen = nextToSend([...busy, quiet], { slots: 3, perSubscription: 10 }, now);
    expect(chosen).toHaveLength(3);
    expect(chosen).toContain(quiet);
  });

  it('counts what a subscription has in flight against its share', () => {
    const inFlight = [queued('slow', 'c1', { leasedUntil: future }), queued('slow', 'c2', { leasedUntil: future })];
    const waiting = [queued('slow', 'c3'), queued('slow', 'c4'), queued('slow', 'c5')];
    const chosen = nextToSend([...inFlight, ...waiting], { slots: 10, perSubscription: 3 }, now);
    expect(ids(chosen)).toEqual([waiting[0].id]);
  });
});

describe('when the webhook worker next has something to do by the clock', () => {
  const soon = new Date(now.getTime() + 5_000);

  it('is the first retry or lease end to come', () => {
    const retry = queued('s1', 'conf-a', { nextAttemptAt: future });
    const leased = queued('s1', 'conf-b', { leasedUntil: soon });
    expect(nextDueIn([retry, leased], now)).toBe(5_000);
  });

  it('leaves out what is due now (taken, or held back until an attempt ends) and knows no time when idle', () => {
    expect(nextDueIn([queued('s1', 'conf-a')], now)).toBeNull();
    expect(nextDueIn([], now)).toBeNull();
  });
});
