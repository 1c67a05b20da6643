import { logLevel, LogEntry } from 'kafkajs';
import { isBenignKafkaLine } from './kafka-logs';

const entry = (namespace: string, message: string, extra: object = {}): LogEntry => ({
  namespace,
  level: logLevel.ERROR,
  label: 'ERROR',
  log: { timestamp: '2026-11-27T00:00:00.000Z', message, ...extra },
});

describe('kafkajs lines', () => {
  it('that kafkajs recovers from, or that claim nothing here relies on, are not warnings', () => {
    expect(isBenignKafkaLine(entry('Connection', 'Response InitProducerId(key: 22, version: 1)'))).toBe(true);
    expect(isBenignKafkaLine(entry('Connection', 'Response CreateTopics(key: 19, version: 3)'))).toBe(true);
    expect(
      isBenignKafkaLine(
        entry('Producer', 'Limiting retries for the idempotent producer may invalidate EoS guarantees'),
      ),
    ).toBe(true);
  });

  it('that say something failed for good still are', () => {
    expect(isBenignKafkaLine(entry('Connection', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
    expect(isBenignKafkaLine(entry('Consumer', 'Crash: KafkaJSNumberOfRetriesExceeded'))).toBe(false);
    expect(isBenignKafkaLine(entry('Producer', 'Failed to send messages'))).toBe(false);
  });
});
