import { EntityManager } from 'typeorm';
import { EventTypes, InvitationDeliveryData, InvitationNotice } from '@pressconf/contracts';
import { Outbox, PendingEvent, StoredTraceContext } from '@pressconf/messaging';
import { DeliveryOutcome } from '../domain/delivery-outcome';
import { DeliveryEntity } from '../infrastructure/delivery.entity';

/** An attempt's outcome, with the trace its invitation event continues. */
export interface AttemptResult {
  delivery: DeliveryEntity;
  outcome: DeliveryOutcome;
  traceContext: StoredTraceContext | null;
  /** The invitee the delivery's invitation is for, as the round's read found it (null when it could not). */
  inviteeId: string | null;
}

/**
 * Writes the outcomes of a round of attempts in the caller's transaction: every row in one UPDATE, and the
 * invitations' sent/failed events in one insert into the outbox. A row per mail would be a handful of round trips
 * per invitation, which in a call's fan-out cost more than the mail itself.
 */
export async function recordOutcomes(tx: EntityManager, outbox: Outbox, results: AttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  const outcomes = results.map((result) => result.outcome);
  // A row not sent keeps the server reply and message id of an earlier sending, if any (a resend after a bounce).
  await tx.query(
    `UPDATE delivery d
        SET status = o.status, locked_until = NULL, last_error = o.last_error,
            next_attempt_at = coalesce(o.retry_at, d.next_attempt_at),
            sent_at = coalesce(o.sent_at, d.sent_at),
            smtp_response = CASE WHEN o.sent_at IS NULL THEN d.smtp_response ELSE o.smtp_response END,
            message_id = CASE WHEN o.sent_at IS NULL THEN d.message_id ELSE o.message_id END
       FROM unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::varchar[],
                   $7::text[]) AS o(id, status, retry_at, sent_at, smtp_response, message_id, last_error)
      WHERE d.id = o.id`,
    [
      outcomes.map((o) => o.id),
      outcomes.map((o) => o.status),
      outcomes.map((o) => o.retryAt),
      outcomes.map((o) => o.sent?.at ?? null),
      outcomes.map((o) => o.sent?.response ?? null),
      outcomes.map((o) => o.sent?.messageId ?? null),
      outcomes.map((o) => o.lastError),
    ],
  );
  await outbox.addAll(tx, await invitationEvents(tx, results));
}

/** notifications.invitation.sent/failed for the notices about one invitation that reached their end. */
async function invitationEvents(tx: EntityManager, results: AttemptResult[]): Promise<PendingEvent[]> {
  const reporting = results.filter((result) => result.outcome.reportsInvitation);
  if (reporting.length === 0) return [];
  const inviteeOf = new Map<string, string>();
  const unread: string[] = [];
  for (const { delivery, inviteeId } of reporting) {
    if (inviteeId) inviteeOf.set(delivery.invitationId as string, inviteeId);
    else unread.push(delivery.invitationId as string);
  }
  // Read here only when the round's read failed (a database outage while composing that outlasted the retries).
  if (unread.length > 0) {
    const rows: Array<{ id: string; invitee_id: string }> = await tx.query(
      'SELECT id, invitee_id FROM invitation WHERE id = ANY($1::uuid[])',
      [unread],
    );
    for (const row of rows) inviteeOf.set(row.id, row.invitee_id);
  }
  return reporting.map(({ delivery, outcome, traceContext }): PendingEvent => {
    const conferenceId = delivery.conferenceId as string;
    const data: InvitationDeliveryData = {
      conferenceId,
      inviteeId: inviteeOf.get(delivery.invitationId as string) as string,
      channel: delivery.channel,
      attempts: delivery.attempts,
      notice: delivery.kind as InvitationNotice,
    };
    if (outcome.status === 'SENT')
      return { type: EventTypes.invitationSent, subject: conferenceId, data, traceContext };
    const failed = { ...data, error: outcome.lastError ?? undefined };
    return { type: EventTypes.invitationFailed, subject: conferenceId, data: failed, traceContext };
  });
}
