import { randomUUID } from 'node:crypto';
import type { KafkaContext } from '@nestjs/microservices';
import { DatabaseError } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { EventTypes } from '@pressconf/contracts';
import type { DeadLetter, DeadLetters } from './dead-letters';
import { EventInbox } from './event-inbox';

const terminated = () => {
  const error = new DatabaseError('terminating connection due to administrator command', 0, 'error');
  error.code = '57P01';
  return new QueryFailedError('INSERT INTO processed_message …', [], error);
};

/** A database whose transactions fail with the given errors, one per call, and then succeed. */
function databaseFailing(errors: Error[]) {
  let calls = 0;
  const dataSource = {
    transaction: async (work: (tx: unknown) => Promise<unknown>) => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return work({ query: () => Promise.resolve([{ message_id: 'x' }]) });
    },
  } as unknown as DataSource;
  return { dataSource, calls: () => calls };
}

const context = {
  getTopic: () => 'notifications.invitation.v1',
  getPartition: () => 0,
  getMessage: () => ({ offset: '7', key: null, headers: {} }),
  getHeartbeat: () => () => Promise.resolve(),
} as unknown as KafkaContext;

const rsvp = () => ({
  id: randomUUID(),
  type: EventTypes.rsvpReceived,
  version: 1,
  occurredAt: new Date().toISOString(),
  source: 'notifications',
  subject: randomUUID(),
  correlationId: 'c-1',
  data: { conferenceId: randomUUID(), inviteeId: randomUUID(), response: 'ACCEPT' },
});

function inboxOver(dataSource: DataSource) {
  const parked: DeadLetter[] = [];
  const deadLetters = { send: (letter: DeadLetter) => Promise.resolve(void parked.push(letter)) };
  const inbox = new EventInbox(dataSource, deadLetters as unknown as DeadLetters, {
    maxAttempts: 3,
    initialBackoffMs: 1,
    maxBackoffMs: 2,
  });
  return { inbox, parked };
}

describe('EventInbox and a database outage', () => {
  it('waits out more lost connections than it has attempts, and handles the event once the database is back', async () => {
    const database = databaseFailing([terminated(), terminated(), terminated(), terminated(), terminated()]);
    const { inbox, parked } = inboxOver(database.dataSource);
    let handled = 0;
    await inbox.process('test', rsvp(), context, {
      [EventTypes.rsvpReceived]: () => Promise.resolve(void (handled += 1)),
    });
    expect(database.calls()).toBe(6);
    expect(handled).toBe(1);
    expect(parked).toEqual([]);
  });

  it('still parks an event whose handler keeps failing on its own, after the configured attempts', async () => {
    const database = databaseFailing([terminated()]);
    const { inbox, parked } = inboxOver(database.dataSource);
    await inbox.process('test', rsvp(), context, {
      [EventTypes.rsvpReceived]: () => Promise.reject(new Error('a bug')),
    });
    // one outage (not counted) and three failures of the handler
    expect(database.calls()).toBe(4);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ attempts: 3, offset: '7' });
    expect(parked[0].reason).toContain('a bug');
  });
});
