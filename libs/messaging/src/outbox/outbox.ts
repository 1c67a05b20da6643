import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventDataMap, EventEnvelope, EventHeaders, EventType, TOPIC_OF_EVENT, versionOf } from '@pressconf/contracts';
import { RequestContexts } from '../context/request-context';
import { captureTraceContext } from '../tracing/trace-context';

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless that transaction commits; the
 * relay publishes it afterwards, continuing the trace stored with it.
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
    const context = RequestContexts.current();
    const envelope: EventEnvelope<EventDataMap[T]> = {
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
    const headers: Record<string, string> = {
      [EventHeaders.id]: envelope.id,
      [EventHeaders.type]: type,
      [EventHeaders.correlationId]: envelope.correlationId,
      ...(envelope.causationId ? { [EventHeaders.causationId]: envelope.causationId } : {}),
    };
    const traceContext = captureTraceContext();
    await tx.query(
      `INSERT INTO outbox_message (id, topic, message_key, type, envelope, headers, trace_context)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        envelope.id,
        TOPIC_OF_EVENT[type],
        subject,
        type,
        JSON.stringify(envelope),
        JSON.stringify(headers),
        traceContext && JSON.stringify(traceContext),
      ],
    );
    return envelope;
  }
}
