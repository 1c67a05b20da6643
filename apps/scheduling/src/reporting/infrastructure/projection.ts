import type { EntityManager } from 'typeorm';
import type {
  AgencyEventData,
  BriefEventData,
  BriefRequestDueMovedData,
  BriefRequestEventData,
  ConferenceCalledData,
  ConferenceCancelledData,
  ConferenceInviteesChangedData,
  ConferenceRescheduledData,
  IncidentReportedData,
  InformationOfferEventData,
  InvitationDeliveryData,
  InviteeData,
  ObstacleReportEventData,
  RsvpReceivedData,
} from '@pressconf/contracts';

/** The 24-hour rule: an incident is detected 24 hours before it must be convened (IncidentReportedData.conveneBy). */
const CONVENING_HOURS = 24;

/**
 * Writes the facts of each event into the report's tables. Every write is an upsert that touches only what its
 * event knows: events of different topics (an invitation sent, the conference called) may arrive in either order.
 */
export const Projection = {
  async agency(tx: EntityManager, data: AgencyEventData): Promise<void> {
    await tx.query(
      `INSERT INTO report_agency (agency_id, name, press) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, press = EXCLUDED.press`,
      [data.agencyId, data.name, data.kind === 'PRESS' || data.roles.includes('PRESS')],
    );
  },

  async incidentReported(tx: EntityManager, data: IncidentReportedData): Promise<void> {
    const conveneBy = new Date(data.conveneBy);
    const detectedAt = new Date(conveneBy.getTime() - CONVENING_HOURS * 3_600_000);
    await tx.query(
      `INSERT INTO report_incident (incident_id, title, detected_at, convene_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (incident_id) DO NOTHING`,
      [data.incidentId, data.title, detectedAt, conveneBy],
    );
  },

  async conferenceCalled(tx: EntityManager, data: ConferenceCalledData, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO report_conference (conference_id, kind, title, incident_id, called_at, starts_at, sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (conference_id) DO NOTHING`,
      [data.conferenceId, data.kind, data.title, data.incidentId ?? null, at, new Date(data.startsAt), data.sequence],
    );
    await inviteesAdded(tx, data.conferenceId, data.invitees);
  },

  async conferenceRescheduled(tx: EntityManager, data: ConferenceRescheduledData): Promise<void> {
    await tx.query(
      `UPDATE report_conference SET starts_at = $2, sequence = $3, reschedules = reschedules + 1
       WHERE conference_id = $1 AND sequence < $3`,
      [data.conferenceId, new Date(data.startsAt), data.sequence],
    );
  },

  async conferenceCancelled(tx: EntityManager, data: ConferenceCancelledData, at: Date): Promise<void> {
    await tx.query(`UPDATE report_conference SET cancelled_at = $2 WHERE conference_id = $1`, [data.conferenceId, at]);
  },

  async inviteesChanged(tx: EntityManager, data: ConferenceInviteesChangedData, at: Date): Promise<void> {
    await inviteesAdded(tx, data.conferenceId, data.added);
    for (const invitee of data.removed) {
      await tx.query(`UPDATE report_invitee SET removed_at = $2 WHERE invitee_id = $1`, [invitee.inviteeId, at]);
    }
  },

  /** The first notice only: reminders and updates say nothing more about whether the invitation reached them. */
  async invitationDelivery(tx: EntityManager, data: InvitationDeliveryData, sent: boolean, at: Date): Promise<void> {
    if (data.notice && data.notice !== 'INVITATION') return;
    const column = sent ? 'delivered_at' : 'failed_at';
    await tx.query(
      `INSERT INTO report_invitee (invitee_id, conference_id, ${column}) VALUES ($1, $2, $3)
       ON CONFLICT (invitee_id) DO UPDATE SET ${column} = COALESCE(report_invitee.${column}, EXCLUDED.${column})`,
      [data.inviteeId, data.conferenceId, at],
    );
  },

  /** The latest answer counts; an older one delivered late does not overwrite it. */
  async rsvp(tx: EntityManager, data: RsvpReceivedData, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO report_invitee (invitee_id, conference_id, response, responded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (invitee_id) DO UPDATE SET response = EXCLUDED.response, responded_at = EXCLUDED.responded_at
       WHERE report_invitee.responded_at IS NULL OR report_invitee.responded_at <= EXCLUDED.responded_at`,
      [data.inviteeId, data.conferenceId, data.response, at],
    );
  },

  /** A request closed when its agency was removed opens again, with a new due time, when it is invited again. */
  async briefRequestOpened(tx: EntityManager, data: BriefRequestEventData): Promise<void> {
    await tx.query(
      `INSERT INTO report_brief_request (request_id, conference_id, agency_id, due_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_id) DO UPDATE SET due_at = EXCLUDED.due_at, closed_reason = NULL
       WHERE report_brief_request.closed_reason IS NOT NULL`,
      [data.requestId, data.conferenceId, data.agencyId, new Date(data.dueAt)],
    );
  },

  async briefRequestDueMoved(tx: EntityManager, data: BriefRequestDueMovedData): Promise<void> {
    await tx.query(`UPDATE report_brief_request SET due_at = $2 WHERE request_id = $1`, [
      data.requestId,
      new Date(data.dueAt),
    ]);
  },

  async briefRequestClosed(tx: EntityManager, data: BriefRequestEventData): Promise<void> {
    await tx.query(`UPDATE report_brief_request SET closed_reason = $2 WHERE request_id = $1`, [
      data.requestId,
      data.closedReason ?? 'CLOSED',
    ]);
  },

  async briefSubmitted(tx: EntityManager, data: BriefEventData, at: Date): Promise<void> {
    await tx.query(
      `UPDATE report_brief_request SET first_submitted_at = LEAST(COALESCE(first_submitted_at, $2), $2)
       WHERE request_id = $1`,
      [data.requestId, at],
    );
  },

  async briefReviewed(tx: EntityManager, data: BriefEventData): Promise<void> {
    if (data.decision !== 'RETURN') return;
    await tx.query(`UPDATE report_brief_request SET returns = returns + 1 WHERE request_id = $1`, [data.requestId]);
  },

  async obstacleReport(tx: EntityManager, data: ObstacleReportEventData): Promise<void> {
    await tx.query(
      `INSERT INTO report_obstacle (report_id, agency_id, status, reported_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (report_id) DO UPDATE SET status = EXCLUDED.status`,
      [data.reportId, data.agencyId, data.status, new Date(data.reportedAt)],
    );
  },

  async informationOffer(tx: EntityManager, data: InformationOfferEventData): Promise<void> {
    await tx.query(
      `INSERT INTO report_offer (offer_id, agency_id, status, offered_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (offer_id) DO UPDATE SET status = EXCLUDED.status`,
      [data.offerId, data.agencyId, data.status, new Date(data.offeredAt)],
    );
  },
};

async function inviteesAdded(tx: EntityManager, conferenceId: string, invitees: InviteeData[]): Promise<void> {
  for (const invitee of invitees) {
    await tx.query(
      `INSERT INTO report_invitee (invitee_id, conference_id, agency_id, agency_name, press) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (invitee_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, agency_name = EXCLUDED.agency_name,
         press = EXCLUDED.press, conference_id = EXCLUDED.conference_id, removed_at = NULL`,
      [invitee.inviteeId, conferenceId, invitee.agencyId, invitee.agencyName, invitee.role === 'PRESS'],
    );
  }
}
