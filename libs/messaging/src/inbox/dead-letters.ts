import { Logger } from '@nestjs/common';
import { CompressionTypes, IHeaders, Kafka } from 'kafkajs';
import { deadLetterTopicOf, EventHeaders } from '@pressconf/contracts';
import { kafkaClientConfig, PRODUCER_DEFAULTS } from '../kafka/kafka-config';
import { RenewableProducer } from '../kafka/renewable-producer';

export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
  reason: string;
  attempts: number;
}

/** How many parked messages a process remembers, to park each once: far more than a batch in flight. */
const PARKED_REMEMBERED = 1_000;

/** Parks messages that cannot be handled on `<topic>.dlq`, with the reason, so that consumption goes on. */
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);
  private readonly producer: RenewableProducer;
  private count = 0;
  private readonly parked = new Map<string, Promise<void>>();

  constructor(service: string) {
    const clientId = `${service}-dlq`;
    this.producer = new RenewableProducer(clientId, () =>
      new Kafka(kafkaClientConfig(clientId)).producer(PRODUCER_DEFAULTS),
    );
  }

  get total(): number {
    return this.count;
  }

  /**
   * Parks a message once, however many consumers of this service (Nest chains every handler of a topic) find it
   * bad: the first one's park stands for all, and a second caller waits for it. Keyed by where the message sits.
   */
  async send(letter: DeadLetter): Promise<void> {
    const key = `${letter.topic}:${letter.partition}:${letter.offset}`;
    const earlier = this.parked.get(key);
    if (earlier) return earlier;
    const parking = this.publish(letter);
    this.parked.set(key, parking);
    if (this.parked.size > PARKED_REMEMBERED) this.parked.delete(this.parked.keys().next().value as string);
    try {
      await parking;
    } catch (error) {
      this.parked.delete(key); // not parked: the redelivery tries again
      throw error;
    }
  }

  private async publish(letter: DeadLetter): Promise<void> {
    const headers: IHeaders = {
      ...letter.headers,
      [EventHeaders.deadLetterReason]: letter.reason.slice(0, 4000),
      [EventHeaders.deadLetterAttempts]: String(letter.attempts),
      [EventHeaders.deadLetterSourceTopic]: letter.topic,
      [EventHeaders.deadLetterSourcePartition]: String(letter.partition),
      [EventHeaders.deadLetterSourceOffset]: letter.offset,
    };
    await this.producer.send({
      topic: deadLetterTopicOf(letter.topic),
      acks: -1,
      // As the relay published it (see OutboxRelay): a large event parks as it came.
      compression: CompressionTypes.GZIP,
      messages: [{ key: letter.key, value: letter.value, headers }],
    });
    this.count += 1;
    this.logger.error(
      `dead-lettered ${letter.topic}[${letter.partition}]@${letter.offset} after ${letter.attempts} attempt(s): ${letter.reason}`,
    );
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
