import { EntitySubscriberInterface, EventSubscriber, TransactionStartEvent } from 'typeorm';
import { AuditActor } from '@pressconf/contracts';
import { RequestContext, RequestContexts } from '../context/request-context';

/** Who the audit trail names for the work of a context: the caller, else the consumer of the event. */
export function auditActorOf(context: RequestContext): AuditActor | undefined {
  if (context.actor) return context.actor;
  if (context.consumer) return { role: 'system', subject: context.consumer };
  return undefined;
}

/**
 * Tells each transaction begun for a request or an event who acts and under which correlation id, as settings local
 * to the transaction, which the audit trigger reads (AuditTrail1796000000000). Work outside any context (the outbox
 * relay, timers) costs no round trip: the trail then names the service itself. TypeORM keeps only the `subscribers`
 * that carry the decorator: without it, this one would be dropped without a word.
 */
@EventSubscriber()
export class AuditContextSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const context = RequestContexts.current();
    if (!context) return;
    const actor = auditActorOf(context);
    await event.queryRunner.query(
      `SELECT set_config('pressconf.actor', $1, true), set_config('pressconf.correlation_id', $2, true)`,
      [actor ? JSON.stringify(actor) : '', context.correlationId],
    );
  }
}
