import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, WEBHOOK_ALL_EVENTS } from '@pressconf/contracts';
import { captureTraceContext } from '@pressconf/messaging';

/**
 * Queues an event for every enabled subscription that asked for its type (or for `*`), in the transaction that
 * consumes the event, like mail: the WebhookWorker sends it afterwards, so no receiver ever holds up a partition.
 * The body is the envelope as it came from Kafka; the ordering key its subject (the partition key: the conference
 * for a conference's events), so one conference's events reach each subscriber in the order of the topic.
 */
@Injectable()
export class WebhookFanOut {
  async enqueue(tx: EntityManager, envelope: EventEnvelope, raw: unknown): Promise<void> {
    await tx.query(
      `INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, ordering_key, payload, trace_context)
       SELECT gen_random_uuid(), s.id, $1::uuid, $2::text, $3::text, $4::text, $5::jsonb
         FROM webhook_subscription s
        WHERE s.enabled AND ($2::text = ANY (s.event_types) OR $6::text = ANY (s.event_types))
        ORDER BY s.id
       ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING`,
      [envelope.id, envelope.type, envelope.subject, JSON.stringify(raw), captureTraceContext(), WEBHOOK_ALL_EVENTS],
    );
  }
}
