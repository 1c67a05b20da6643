import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  Producer,
  ProducerBatch,
  RecordMetadata,
} from 'kafkajs';
import { losesProducerSequence, RenewableProducer } from './renewable-producer';

// As the broker's answer reaches the client, and as kafkajs' retrier wraps it when it gives up (typings lag the code).
const protocolError = (type: string) => Object.assign(new KafkaJSProtocolError(type), { type, retriable: false });
const givenUp = (cause: Error) => Object.assign(new KafkaJSNonRetriableError(cause), { cause });

describe('losesProducerSequence', () => {
  it('finds the broker refusing the sequence however kafkajs wrapped it', () => {
    const refused = protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(losesProducerSequence(refused)).toBe(true);
    expect(losesProducerSequence(givenUp(refused))).toBe(true);
    const exhausted = new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 5, retryTime: 100 });
    expect(losesProducerSequence(Object.assign(exhausted, { cause: refused }))).toBe(true);
    expect(losesProducerSequence({ errors: [new Error('other'), protocolError('UNKNOWN_PRODUCER_ID')] })).toBe(true);
    expect(losesProducerSequence(protocolError('INVALID_PRODUCER_EPOCH'))).toBe(true);
  });

  it('leaves outages and other refusals to the ordinary retry', () => {
    expect(losesProducerSequence(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe(false);
    expect(losesProducerSequence(protocolError('NOT_LEADER_FOR_PARTITION'))).toBe(false);
    expect(losesProducerSequence(protocolError('TOPIC_AUTHORIZATION_FAILED'))).toBe(false);
    expect(losesProducerSequence(undefined)).toBe(false);
    expect(losesProducerSequence('OUT_OF_ORDER_SEQUENCE_NUMBER')).toBe(false);
  });

  it('does not loop on an error that wraps itself', () => {
    const looped: { cause?: unknown } = {};
    looped.cause = looped;
    expect(losesProducerSequence(looped)).toBe(false);
  });
});

/** A stand-in for one kafkajs producer id: answers its sends from a script, counts its connections. */
class ScriptedProducer {
  connects = 0;
  disconnects = 0;
  constructor(
    private readonly answers: Array<Error | 'ok'>,
    private readonly refusedConnects = 0,
  ) {}
  connect = () => {
    this.connects += 1;
    return this.connects <= this.refusedConnects ? Promise.reject(new Error('broker down')) : Promise.resolve();
  };
  disconnect = () => {
    this.disconnects += 1;
    return Promise.resolve();
  };
  sendBatch = (): Promise<RecordMetadata[]> => {
    const answer = this.answers.shift() ?? 'ok';
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve([]);
  };
}

describe('RenewableProducer', () => {
  const batch: ProducerBatch = { topicMessages: [{ topic: 't', messages: [{ value: 'v' }] }] };

  function renewable(...scripts: Array<Array<Error | 'ok'>>) {
    const made: ScriptedProducer[] = [];
    const producer = new RenewableProducer('test', () => {
      const next = new ScriptedProducer(scripts[made.length] ?? []);
      made.push(next);
      return next as unknown as Producer;
    });
    return { producer, made };
  }

  it('replaces a producer whose sequence the broker lost, and sends the retry through the new one', async () => {
    const refused = givenUp(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER'));
    const { producer, made } = renewable([refused, refused], ['ok']);
    await expect(producer.sendBatch(batch)).rejects.toBe(refused);
    expect(made).toHaveLength(2);
    expect(made[0].disconnects).toBe(1);
    await expect(producer.sendBatch(batch)).resolves.toEqual([]);
    expect(made[1].connects).toBe(1);
  });

  it('connects again after a refused connection instead of keeping the refusal', async () => {
    const made: ScriptedProducer[] = [];
    const producer = new RenewableProducer('test', () => {
      const next = new ScriptedProducer([], 1);
      made.push(next);
      return next as unknown as Producer;
    });
    await expect(producer.sendBatch(batch)).rejects.toThrow('broker down');
    await expect(producer.sendBatch(batch)).resolves.toEqual([]);
    expect(made).toHaveLength(1);
    expect(made[0].connects).toBe(2);
  });

  it('keeps its producer through an outage, connecting it once', async () => {
    const outage = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED');
    const { producer, made } = renewable([outage, outage, 'ok']);
    await expect(producer.sendBatch(batch)).rejects.toBe(outage);
    await expect(producer.sendBatch(batch)).rejects.toBe(outage);
    await expect(producer.sendBatch(batch)).resolves.toEqual([]);
    expect(made).toHaveLength(1);
    expect(made[0].connects).toBe(1);
  });
});
