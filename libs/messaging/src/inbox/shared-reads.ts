/**
 * Records kept: more than a process has in flight at once (a record per partition it consumes), and few, since a
 * national call's validated payload is megabytes. A record read again after it has left validates again.
 */
export const KEPT_READS = 16;

/**
 * The validation of one Kafka record, done once for all the inbox consumers of a process that handle it: in
 * notifications both the invitations and the webhooks take a call's event, and validating its thousands of invitees
 * was most of the time between the call and its first mail. Kept by record (topic, partition, offset, timestamp), the
 * latest KEPT_READS only; a failed validation is shared too, so every consumer parks the same verdict.
 */
export class SharedReads {
  private readonly pending = new Map<string, Promise<unknown>>();

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.pending.get(key);
    if (known) return known as Promise<T>;
    const started = read();
    this.pending.set(key, started);
    if (this.pending.size > KEPT_READS) this.pending.delete(this.pending.keys().next().value as string);
    return started;
  }
}
