import { getMetadataArgsStorage } from 'typeorm';
import { AuditContextSubscriber, auditActorOf } from './audit-context.subscriber';

describe('auditActorOf', () => {
  it('names the caller, with its agency', () => {
    const actor = { role: 'agency', subject: 'api-key:k1', agencyId: '2f0c8a7e-0000-4000-8000-000000000001' } as const;
    expect(auditActorOf({ correlationId: 'c1', actor, consumer: 'submissions.brief-requests' })).toEqual(actor);
  });

  it('names the consumer as a system actor when an event, not a caller, caused the work', () => {
    expect(auditActorOf({ correlationId: 'c1', consumer: 'submissions.brief-requests' })).toEqual({
      role: 'system',
      subject: 'submissions.brief-requests',
    });
  });

  it('names nobody without either: the trigger then names the service', () => {
    expect(auditActorOf({ correlationId: 'c1' })).toBeUndefined();
  });
});

describe('AuditContextSubscriber', () => {
  it('is a subscriber TypeORM keeps when a data source lists it', () => {
    expect(getMetadataArgsStorage().filterSubscribers([AuditContextSubscriber])).toHaveLength(1);
  });
});
