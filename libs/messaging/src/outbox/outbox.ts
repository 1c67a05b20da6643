import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventDataMap, EventEnvelope, EventHeaders, EventType, TOPIC_OF_EVENT, versionOf } from '@pressconf/contracts';
import { RequestContexts } from '../context/request-context';
import { captureTraceContext, StoredTraceContext } from '../tracing/trace-context';
import { insertInChunks } from '../database/in-chunks';

/** One event for `Outbox.addAll`; `traceContext` is the trace its publishing continues (default: the active one). */
export type PendingEvent = {
  [T in EventType]: {
    type: T;
    subject: string;
    data: EventDataMap[T];
    occurredAt?: Date;
    traceContext?: StoredTraceContext | null;
  };
}[EventType];

const COLUMNS = 7;

/**
 * Records events in the caller's transaction. Nothing reaches Kafka unless that transaction commits; the relay
 * publishes them afterwards, each continuing the trace stored with it.
 */
export class Outbox {
  constructor(private readonly source: string) {}

  async add<T extends EventType>(
    tx: EntityManager,
    type: T,
    subject: string,
    data: EventDataMap[T],
    occurredAt: Date = new Date(),
  ): Promise<EventEnvelope<EventDataMap[T]>> {
    const [envelope] = await this.addAll(tx, [{ type, subject, data, occurredAt } as PendingEvent]);
    return envelope as EventEnvelope<EventDataMap[T]>;
  }

  /** Many events in a few multi-row statements (a batch of mail outcomes), all under the current correlation. */
  async addAll(tx: EntityManager, events: PendingEvent[]): Promise<EventEnvelope<unknown>[]> {
    let activeTrace: StoredTraceContext | null | undefined;
    const traceOf = (event: PendingEvent) =>
      event.traceContext !== undefined ? event.traceContext : (activeTrace ??= captureTraceContext());
    const rows = events.map((event) => ({
      event,
      envelope: this.envelope(event.type, event.subject, event.data, event.occurredAt),
    }));
    await insertInChunks(rows, (chunk) => {
      const params = chunk.flatMap(({ event, envelope }) => {
        const traceContext = traceOf(event);
        return [
          envelope.id,
          TOPIC_OF_EVENT[event.type],
          event.subject,
          event.type,
          JSON.stringify(envelope),
          JSON.stringify(headersOf(envelope)),
          traceContext && JSON.stringify(traceContext),
        ];
      });
      const values = chunk.map(
        (_, row) => `(${Array.from({ length: COLUMNS }, (_, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`,
      );
      return tx.query(
        `INSERT INTO outbox_message (id, topic, message_key, type, envelope, headers, trace_context)
         VALUES ${values.join(', ')}`,
        params,
      );
    });
    return rows.map(({ envelope }) => envelope);
  }

  private envelope(type: EventType, subject: string, data: unknown, occurredAt = new Date()): EventEnvelope<unknown> {
    const context = RequestContexts.current();
    return {
      id: randomUUID(),
      type,
      version: versionOf(type),
      occurredAt: occurredAt.toISOString(),
      source: this.source,
      subject,
      correlationId: context?.correlationId ?? randomUUID(),
      ...(context?.causationId ? { causationId: context.causationId } : {}),
      data,
    };
  }
}

function headersOf(envelope: EventEnvelope<unknown>): Record<string, string> {
  return {
    [EventHeaders.id]: envelope.id,
    [EventHeaders.type]: envelope.type,
    [EventHeaders.correlationId]: envelope.correlationId,
    ...(envelope.causationId ? { [EventHeaders.causationId]: envelope.causationId } : {}),
  };
}
