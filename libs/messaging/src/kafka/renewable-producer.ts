import { Logger } from '@nestjs/common';
import { Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';

/**
 * Broker answers after which an idempotent producer's sequence numbers no longer match the broker's: the same
 * producer id can then never write to that partition again (seen in the soak after a broker restart during a send:
 * every retry refused with OUT_OF_ORDER_SEQUENCE_NUMBER while other producers wrote on).
 */
const SEQUENCE_LOST = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_EPOCH',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/** Whether an error, or any error it wraps (kafkajs nests them in `cause` and `errors`), lost the producer's sequence. */
export function losesProducerSequence(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false;
  const { type, cause, errors } = error as { type?: unknown; cause?: unknown; errors?: unknown };
  if (typeof type === 'string' && SEQUENCE_LOST.has(type)) return true;
  if (losesProducerSequence(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => losesProducerSequence(inner, depth + 1));
}

/**
 * A producer that is replaced by a new one (a new producer id, sequences from zero) when the broker has lost track of
 * its sequence numbers. The failed send is still thrown: the caller retries as for any failure, now through the new
 * producer. A message the broker did take before the failure may so be written twice; consumers' inboxes absorb that.
 */
export class RenewableProducer {
  private readonly logger = new Logger(RenewableProducer.name);
  private producer: Producer;
  private connected?: Promise<void>;

  constructor(
    private readonly name: string,
    private readonly create: () => Producer,
  ) {
    this.producer = create();
  }

  /** Connects once; a failed attempt is forgotten, so that the next send tries again (the broker may be back). */
  async connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.guarded(() => this.producer.send(record));
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.guarded(() => this.producer.sendBatch(batch));
  }

  private async guarded(send: () => Promise<RecordMetadata[]>): Promise<RecordMetadata[]> {
    await this.connect();
    try {
      return await send();
    } catch (error) {
      if (losesProducerSequence(error)) await this.renew();
      throw error;
    }
  }

  private async renew(): Promise<void> {
    this.logger.warn(`${this.name}: the broker lost this producer's sequence; replacing the producer`);
    const old = this.producer;
    this.producer = this.create();
    this.connected = undefined;
    await old.disconnect().catch(() => undefined);
  }
}
