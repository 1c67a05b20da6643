import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { EventDataMap, EventEnvelope, EventHeaders, EventType, TOPIC_OF_EVENT } from '@pressconf/contracts';

const kafka = () =>
  new Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','), logLevel: logLevel.NOTHING });

/**
 * Publishes an event as its producing service would (same topic, key, envelope and headers): for events whose
 * producer is not part of this test (submissions' overdue notice and briefing pack), or to replay one.
 */
export async function publish<T extends EventType>(
  type: T,
  subject: string,
  data: EventDataMap[T],
): Promise<EventEnvelope> {
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'e2e-test',
    subject,
    correlationId: randomUUID(),
    data,
  };
  const producer = kafka().producer();
  await producer.connect();
  try {
    await producer.send({
      topic: TOPIC_OF_EVENT[type],
      messages: [
        {
          key: subject,
          value: JSON.stringify(envelope),
          headers: {
            [EventHeaders.id]: envelope.id,
            [EventHeaders.type]: type,
            [EventHeaders.correlationId]: envelope.correlationId,
          },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
  return envelope;
}

/** Collects every event of a topic from the beginning, for assertions on what a service emitted. */
export class TopicWatch {
  readonly events: EventEnvelope[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string): Promise<TopicWatch> {
    const consumer = kafka().consumer({ groupId: `e2e-watch-${randomUUID()}` });
    const watch = new TopicWatch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        try {
          watch.events.push(JSON.parse(message.value?.toString() ?? '') as EventEnvelope);
        } catch {
          /* not an envelope */
        }
        return Promise.resolve();
      },
    });
    return watch;
  }

  of<T extends EventType>(type: T, subject: string): Array<EventEnvelope<EventDataMap[T]>> {
    return this.events.filter((e) => e.type === type && e.subject === subject) as Array<EventEnvelope<EventDataMap[T]>>;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

/** True once the notifications service has handled (or skipped as a duplicate) the event. */
export async function handledByNotifications(
  query: (sql: string, params: unknown[]) => Promise<unknown[]>,
  eventId: string,
) {
  const rows = await query('SELECT 1 FROM notifications.processed_message WHERE message_id = $1', [eventId]);
  return rows.length > 0;
}
