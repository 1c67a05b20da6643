import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopicOf, EventHeaders, EventTypes, Topics } from '@pressconf/contracts';
import { Stack, eventually } from './support/stack';
import { callPeriodicConference, waitForInvitations } from './support/conference';

describe('poison messages go to the dead-letter topic and consumption goes on', () => {
  let stack: Stack;
  const kafka = new Kafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
    logLevel: logLevel.NOTHING,
  });

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('parks an event whose payload breaks the contract, with the reason, and handles the next one', async () => {
    const marker = randomUUID();
    const dead: Array<{ value: string; headers: Record<string, string> }> = [];
    const consumer = kafka.consumer({ groupId: `dlq-watch-${marker}` });
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopicOf(Topics.conference), fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        dead.push({
          value: message.value?.toString() ?? '',
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
        return Promise.resolve();
      },
    });

    const producer = kafka.producer();
    await producer.connect();
    const poisonId = randomUUID();
    await producer.send({
      topic: Topics.conference,
      messages: [
        {
          key: marker,
          value: JSON.stringify({
            id: poisonId,
            type: EventTypes.conferenceCalled,
            version: 1,
            occurredAt: new Date().toISOString(),
            source: 'test',
            subject: marker,
            correlationId: marker,
            data: { conferenceId: 'not-a-uuid', invitees: 'nobody' },
          }),
        },
        { key: marker, value: 'this is not JSON at all {' },
      ],
    });
    await producer.disconnect();

    const parked = await eventually(() => {
      const mine = dead.filter((d) => d.value.includes(poisonId) || d.value.startsWith('this is not JSON'));
      return mine.length >= 3 ? mine : undefined; // two consumers (notifications, submissions) park the first
    }, 60_000);
    expect(
      parked.some((d) =>
        /invalid scheduling\.conference\.called\.v1 payload/.test(d.headers[EventHeaders.deadLetterReason]),
      ),
    ).toBe(true);
    expect(parked.every((d) => d.headers[EventHeaders.deadLetterSourceTopic] === Topics.conference)).toBe(true);
    await consumer.disconnect();

    // The partitions moved on: a real conference still flows.
    const { conference } = await callPeriodicConference(stack);
    await waitForInvitations(stack, conference.id, conference.participants.length);
  });
});
