/**
 * A worker's pause between two rounds, which a wake-up ends at once. A wake-up that comes while the worker is
 * busy is kept, so the next pause is none: work committed during a round is never left for the poll.
 */
export class Nap {
  private wakeUp?: () => void;
  private woken = false;

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }
}

/** The shortest pause: work due now that a round could not take (a row another transaction holds) is not spun on. */
const SHORTEST_PAUSE_MS = 100;

/**
 * A worker's pause when it has nothing more to do: until its next due time (`dueInMs` from now; null when nothing is
 * queued), at most `longestMs`, the safety net for a wake-up lost with the listening connection.
 */
export function pauseUntil(dueInMs: number | null, longestMs: number): number {
  if (dueInMs === null || !Number.isFinite(dueInMs)) return longestMs;
  return Math.min(longestMs, Math.max(SHORTEST_PAUSE_MS, Math.ceil(dueInMs)));
}
