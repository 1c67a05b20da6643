import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProjectedRows } from '../domain/projected-rows';
import type { ReportPeriodDates } from '../domain/figures';

/** Reads what one report needs from the projection's own tables (report_*), and nothing else. */
@Injectable()
export class ReportRows {
  constructor(private readonly dataSource: DataSource) {}

  async load({ from, to }: ReportPeriodDates): Promise<ProjectedRows> {
    const q = <T>(sql: string, params: unknown[] = [from, to]) => this.dataSource.query<T[]>(sql, params);
    const [incidents, conferences, invitees, briefRequests, agencies, obstacles, offers] = await Promise.all([
      q<ProjectedRows['incidents'][number]>(
        `SELECT incident_id AS "incidentId", title, detected_at AS "detectedAt", convene_by AS "conveneBy"
         FROM report_incident WHERE detected_at >= $1 AND detected_at < $2`,
      ),
      q<ProjectedRows['conferences'][number]>(
        `SELECT conference_id AS "conferenceId", kind, title, incident_id AS "incidentId", called_at AS "calledAt",
                starts_at AS "startsAt", reschedules, cancelled_at AS "cancelledAt"
         FROM report_conference
         WHERE (starts_at >= $1 AND starts_at < $2)
            OR incident_id IN (SELECT incident_id FROM report_incident WHERE detected_at >= $1 AND detected_at < $2)`,
      ),
      q<ProjectedRows['invitees'][number]>(
        `SELECT i.invitee_id AS "inviteeId", i.conference_id AS "conferenceId", i.agency_id AS "agencyId",
                i.agency_name AS "agencyName", i.press, i.removed_at AS "removedAt", i.delivered_at AS "deliveredAt",
                i.failed_at AS "failedAt", i.response
         FROM report_invitee i JOIN report_conference c ON c.conference_id = i.conference_id
         WHERE c.starts_at >= $1 AND c.starts_at < $2`,
      ),
      q<ProjectedRows['briefRequests'][number]>(
        `SELECT request_id AS "requestId", conference_id AS "conferenceId", agency_id AS "agencyId", due_at AS "dueAt",
                first_submitted_at AS "firstSubmittedAt", returns, closed_reason AS "closedReason"
         FROM report_brief_request WHERE due_at >= $1 AND due_at < $2`,
      ),
      q<ProjectedRows['agencies'][number]>(`SELECT agency_id AS "agencyId", name, press FROM report_agency`, []),
      q<{ status: ProjectedRows['obstacleStatuses'][number] }>(
        `SELECT status FROM report_obstacle WHERE reported_at >= $1 AND reported_at < $2`,
      ),
      q<{ status: ProjectedRows['offerStatuses'][number] }>(
        `SELECT status FROM report_offer WHERE offered_at >= $1 AND offered_at < $2`,
      ),
    ]);
    return {
      incidents,
      conferences,
      invitees,
      briefRequests,
      agencies,
      obstacleStatuses: obstacles.map((row) => row.status),
      offerStatuses: offers.map((row) => row.status),
    };
  }
}
