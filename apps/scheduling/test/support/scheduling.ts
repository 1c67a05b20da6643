import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import type { AgencyView, CreateAgencyDto, EventEnvelope } from '@pressconf/contracts';
import { EventHeaders } from '@pressconf/contracts';
import { eventually, Stack } from '@pressconf/testing/support/stack';

export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString();
/** A whole hour some days ahead, so that times are round and in the future. */
export const hoursAhead = (hours: number) => Math.ceil((Date.now() + hours * HOUR) / HOUR) * HOUR;

/** Registers the agencies; returns them by the prefix of their code (`SNN-1A2B3C` → `SNN`). */
export async function registerAgencies(stack: Stack, agencies: CreateAgencyDto[]): Promise<Record<string, AgencyView>> {
  const byPrefix: Record<string, AgencyView> = {};
  for (const agency of agencies) {
    const created = await stack.api<AgencyView>('POST', '/agencies', { body: agency });
    expect(created.status).toBe(201);
    byPrefix[agency.code.split('-')[0]] = created.body;
  }
  return byPrefix;
}

/** The fields a 400 problem names. */
export const fieldsOf = (response: { body: { errors?: Array<{ field: string }> } }) =>
  (response.body.errors ?? []).map((error) => error.field);

export interface TappedEvent<T = unknown> {
  key: string;
  headers: Record<string, string>;
  type: string;
  envelope: EventEnvelope<T>;
}

/**
 * Reads a topic from its beginning with a consumer group of its own, as any new consumer of the stream would.
 * `T` is the payload of the topic's events, as the test expects them: the tap does not check it.
 */
export class EventTap<T = unknown> {
  readonly events: TappedEvent<T>[] = [];
  private consumer?: Consumer;

  constructor(private readonly topic: string) {}

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'scheduling-e2e-tap',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: `scheduling-e2e-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message }) => {
        this.record(message);
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** The events about one subject (conference or incident), in the order of the topic. */
  of(subject: string): TappedEvent<T>[] {
    return this.events.filter((event) => event.key === subject);
  }

  /** Waits until `count` events about the subject arrived. */
  async waitFor(subject: string, count: number, timeoutMs = 60_000): Promise<TappedEvent<T>[]> {
    return eventually(() => (this.of(subject).length >= count ? this.of(subject) : undefined), timeoutMs).catch(
      (error) => {
        throw new Error(`${this.of(subject).length} of ${count} events about ${subject}: ${error}`);
      },
    );
  }

  /** Keeps a message of the topic; one that is not JSON is skipped. */
  private record(message: KafkaMessage): void {
    // Other tests put poison messages on the shared topics; throwing here would stop the tap there for good.
    let envelope: EventEnvelope<T>;
    try {
      envelope = JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope<T>;
    } catch {
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString() ?? '']),
    );
    this.events.push({
      key: message.key?.toString() ?? '',
      headers,
      type: headers[EventHeaders.type] ?? '',
      envelope,
    });
  }
}
