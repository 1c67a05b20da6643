import { KafkaOptions, ServerKafka } from '@nestjs/microservices';
import type { Consumer, Producer } from 'kafkajs';

/**
 * The Nest Kafka server, made observable: it tells when its consumer group has been given partitions (a
 * service must not report ready before that, or events published meanwhile wait for the next rebalance) and
 * whether its consumer is running. Nest's own `connect` resolves before the assignment arrives.
 */
export class ObservedServerKafka extends ServerKafka {
  private assigned = false;
  private crashed = false;
  private assignmentWaiters: Array<() => void> = [];

  constructor(options: KafkaOptions['options']) {
    super(options ?? {});
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer as Consumer;
    // Joining completes the assignment; a member may get no partition when replicas outnumber partitions.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.assigned = true;
      this.crashed = false;
      this.assignmentWaiters.splice(0).forEach((resolve) => resolve());
    });
    consumer.on(consumer.events.REBALANCING, () => (this.assigned = false));
    consumer.on(consumer.events.CRASH, (event) => {
      this.crashed = !event.payload.restart;
    });
  }

  /** Resolves once the consumer group has handed this member its partitions. */
  whenAssigned(timeoutMs = 60_000): Promise<void> {
    if (this.assigned) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Kafka consumer got no partition assignment within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.assignmentWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  isHealthy(): boolean {
    return this.consumer !== null && !this.crashed;
  }

  producerForReplies(): Producer | null {
    return this.producer;
  }
}
