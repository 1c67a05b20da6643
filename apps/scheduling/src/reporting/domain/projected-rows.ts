import type { ConferenceKind, InformationOfferStatus, ObstacleReportStatus, RsvpResponse } from '@pressconf/contracts';

/** The projection's rows as the figures read them (reporting/infrastructure/report-rows.ts loads them). */
export interface ConferenceRow {
  conferenceId: string;
  kind: ConferenceKind;
  title: string;
  incidentId: string | null;
  calledAt: Date;
  startsAt: Date;
  reschedules: number;
  cancelledAt: Date | null;
}

export interface IncidentRow {
  incidentId: string;
  title: string;
  detectedAt: Date;
  conveneBy: Date;
}

/** An invitee; the fields of the call are null until the conference's event arrives. */
export interface InviteeRow {
  inviteeId: string;
  conferenceId: string;
  agencyId: string | null;
  agencyName: string | null;
  press: boolean | null;
  removedAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  response: RsvpResponse | null;
}

export interface BriefRequestRow {
  requestId: string;
  conferenceId: string;
  agencyId: string;
  dueAt: Date;
  firstSubmittedAt: Date | null;
  returns: number;
  /** A BriefRequestClosedReason, or CLOSED for a closure of an earlier event version that named no code. */
  closedReason: string | null;
}

export interface AgencyRow {
  agencyId: string;
  name: string;
  press: boolean;
}

/**
 * What one report reads: conferences starting in the period and those called for its incidents, incidents detected
 * in it, the invitees of its conferences, brief requests due in it, obstacle reports and offers made in it.
 */
export interface ProjectedRows {
  conferences: ConferenceRow[];
  incidents: IncidentRow[];
  invitees: InviteeRow[];
  briefRequests: BriefRequestRow[];
  agencies: AgencyRow[];
  obstacleStatuses: ObstacleReportStatus[];
  offerStatuses: InformationOfferStatus[];
}
