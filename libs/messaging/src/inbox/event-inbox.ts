import { Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import {
  EVENT_PAYLOADS,
  EventDataMap,
  EventEnvelope,
  EventEnvelopeShape,
  EventType,
  ValidationFailedError,
  validateInto,
} from '@pressconf/contracts';
import { RequestContexts } from '../context/request-context';
import { eventsConsumed } from '../metrics/metrics';
import { describe } from '../outbox/outbox-relay';
import { DeadLetters } from './dead-letters';
import { SharedReads } from './shared-reads';
import { messagingConfig } from '../config/shared';
import { isDatabaseUnavailable } from '../database/database-outage';

/**
 * How long one event waits out a database outage inside its handler before the error is let through (the
 * offset then stays uncommitted and Kafka delivers the event again). An outage never counts as an attempt.
 */
const OUTAGE_PATIENCE_MS = 60_000;

export type EventHandler<T extends EventType> = (
  data: EventDataMap[T],
  tx: EntityManager,
  envelope: EventEnvelope<EventDataMap[T]>,
) => Promise<void>;

export type EventHandlers = { [T in EventType]?: EventHandler<T> };

export interface InboxOptions {
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Handles one event at most once per consumer: validates the envelope and its payload, runs the handler in a
 * transaction together with the processed-message insert, retries a failing handler with exponential backoff,
 * and after the last attempt parks the message on the dead-letter topic so that the partition moves on. A
 * database that cannot be reached is no fault of the event: it is waited out and never leads to the DLQ.
 * Only if even the dead-letter topic cannot be written does it throw, leaving the offset for a redelivery.
 */
export class EventInbox {
  private readonly logger = new Logger(EventInbox.name);
  private readonly reads = new SharedReads();

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetters,
    private readonly options: InboxOptions = {},
  ) {}

  async process(consumer: string, value: unknown, context: KafkaContext, handlers: EventHandlers): Promise<void> {
    const topic = context.getTopic();
    const count = (outcome: string) => eventsConsumed.inc({ topic, consumer, outcome });
    const message = context.getMessage();
    const record = `${topic}/${context.getPartition()}/${message.offset}/${message.timestamp}`;
    let envelope: EventEnvelope;
    try {
      envelope = await this.reads.once(record, () => validateInto(EventEnvelopeShape, value, { forbidUnknown: false }));
    } catch (error) {
      return this.deadLetter(consumer, context, value, `invalid envelope: ${describe(error)}`, 0);
    }
    const handler = handlers[envelope.type] as EventHandler<EventType> | undefined;
    if (!handler) return; // another consumer's event on a shared topic

    let data: EventDataMap[EventType];
    try {
      data = (await this.reads.once(`${record}/data`, () =>
        validateInto(EVENT_PAYLOADS[envelope.type], envelope.data, { forbidUnknown: false }),
      )) as never;
    } catch (error) {
      return this.deadLetter(consumer, context, value, `invalid ${envelope.type} payload: ${describe(error)}`, 0);
    }

    const maxAttempts = this.options.maxAttempts ?? messagingConfig().INBOX_MAX_ATTEMPTS;
    const outageDeadline = Date.now() + OUTAGE_PATIENCE_MS;
    let attempt = 0; // failures of the handler itself; a database outage is not one
    for (let round = 1; ; round += 1) {
      try {
        const handled = await RequestContexts.run(
          { correlationId: envelope.correlationId, causationId: envelope.id, consumer },
          () =>
            this.dataSource.transaction(async (tx) => {
              const inserted: unknown[] = await tx.query(
                `INSERT INTO processed_message (consumer, message_id, type) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING RETURNING message_id`,
                [consumer, envelope.id, envelope.type],
              );
              if (inserted.length === 0) return false;
              await handler(data, tx, { ...envelope, data });
              return true;
            }),
        );
        count(handled ? 'handled' : 'duplicate');
        // Inside the event's context: the line carries the correlation id of the request behind it, and its trace
        // (the kafkajs instrumentation runs the handling in a span continuing the one in the message's headers).
        RequestContexts.run({ correlationId: envelope.correlationId, causationId: envelope.id }, () =>
          this.logger.log(`${consumer} ${handled ? 'handled' : 'skipped duplicate'} ${envelope.type} ${envelope.id}`),
        );
        return;
      } catch (error) {
        count('failed');
        const outage = isDatabaseUnavailable(error);
        if (outage && Date.now() >= outageDeadline) throw error;
        if (!outage) attempt += 1;
        const permanent = error instanceof ValidationFailedError;
        if (!outage && (permanent || attempt >= maxAttempts)) {
          return this.deadLetter(consumer, context, value, `${consumer} failed: ${describe(error)}`, attempt);
        }
        const delay = Math.min(
          this.options.maxBackoffMs ?? 5_000,
          (this.options.initialBackoffMs ?? 200) * 2 ** (round - 1),
        );
        const what = outage ? 'met a database outage (not counted)' : `failed (attempt ${attempt}/${maxAttempts})`;
        this.logger.warn(
          `${consumer}: ${envelope.type} ${envelope.id} ${what}, retrying in ${delay} ms: ${describe(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await context
          .getHeartbeat()()
          .catch(() => undefined);
      }
    }
  }

  private async deadLetter(
    consumer: string,
    context: KafkaContext,
    value: unknown,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const message = context.getMessage();
    eventsConsumed.inc({ topic: context.getTopic(), consumer, outcome: 'dead_lettered' });
    await this.deadLetters.send({
      topic: context.getTopic(),
      partition: context.getPartition(),
      offset: message.offset,
      key: message.key === null || message.key === undefined ? null : String(message.key),
      value: typeof value === 'string' ? value : JSON.stringify(value),
      headers: Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString() : String(v)]),
      ),
      reason,
      attempts,
    });
  }
}
