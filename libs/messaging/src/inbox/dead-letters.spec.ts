import { Logger } from '@nestjs/common';
import type { ProducerRecord } from 'kafkajs';
import { EventHeaders } from '@pressconf/contracts';
import { DeadLetter, DeadLetters } from './dead-letters';

/** DeadLetters whose producer is a stand-in: it records each send, failing the first `failures` of them. */
function parkingLot(failures = 0) {
  const sent: ProducerRecord[] = [];
  let release: () => void = () => undefined;
  const held = { on: false };
  const producer = {
    send: async (record: ProducerRecord) => {
      if (held.on) await new Promise<void>((resolve) => (release = resolve));
      if (failures > 0) {
        failures -= 1;
        throw new Error('broker down');
      }
      sent.push(record);
      return [];
    },
    disconnect: () => Promise.resolve(),
  };
  const deadLetters = new DeadLetters('notifications');
  Object.assign(deadLetters, { producer });
  return { deadLetters, sent, hold: () => (held.on = true), release: () => release() };
}

const letter = (offset: string, reason = 'notifications.invitations failed: boom'): DeadLetter => ({
  topic: 'scheduling.conference.v1',
  partition: 2,
  offset,
  key: 'c1',
  value: '{"id":"e1"}',
  headers: { [EventHeaders.id]: 'e1' },
  reason,
  attempts: 5,
});

describe('DeadLetters', () => {
  // Each park is logged as an error, as it should be in a service; here it is expected.
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('parks a message on <topic>.dlq with where it sat and why', async () => {
    const { deadLetters, sent } = parkingLot();
    await deadLetters.send(letter('41'));
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe('scheduling.conference.v1.dlq');
    expect(sent[0].messages[0].headers).toMatchObject({
      [EventHeaders.id]: 'e1',
      [EventHeaders.deadLetterSourceTopic]: 'scheduling.conference.v1',
      [EventHeaders.deadLetterSourcePartition]: '2',
      [EventHeaders.deadLetterSourceOffset]: '41',
      [EventHeaders.deadLetterAttempts]: '5',
    });
    expect(deadLetters.total).toBe(1);
  });

  it('parks a message once however many consumers find it bad, one after another or at once', async () => {
    const { deadLetters, sent, hold, release } = parkingLot();
    await deadLetters.send(letter('41', 'notifications.invitations failed'));
    await deadLetters.send(letter('41', 'notifications.webhooks failed'));
    expect(sent).toHaveLength(1);

    hold();
    const first = deadLetters.send(letter('42'));
    let secondDone = false;
    const second = deadLetters.send(letter('42')).then(() => (secondDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false); // waits for the first park rather than returning before it is written
    release();
    await Promise.all([first, second]);
    expect(sent.map((r) => r.messages[0].headers?.[EventHeaders.deadLetterSourceOffset])).toEqual(['41', '42']);
    expect(deadLetters.total).toBe(2);
  });

  it('tells apart messages at another offset or partition', async () => {
    const { deadLetters, sent } = parkingLot();
    await deadLetters.send(letter('41'));
    await deadLetters.send(letter('43'));
    await deadLetters.send({ ...letter('41'), partition: 3 });
    expect(sent).toHaveLength(3);
  });

  it('forgets a park that failed, so that the redelivered message is parked then', async () => {
    const { deadLetters, sent } = parkingLot(1);
    await expect(deadLetters.send(letter('41'))).rejects.toThrow('broker down');
    await deadLetters.send(letter('41'));
    expect(sent).toHaveLength(1);
    expect(deadLetters.total).toBe(1);
  });
});
