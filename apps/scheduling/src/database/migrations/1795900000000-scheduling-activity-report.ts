import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity report's projection (apps/scheduling/src/reporting): facts copied from the events of every service,
 * so that the report reads no one's working tables (its own inbox consumer, `scheduling.reporting`, fills them).
 * Columns are nullable where events of different topics may arrive in either order.
 */
export class SchedulingActivityReport1795900000000 implements MigrationInterface {
  name = 'SchedulingActivityReport1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE report_agency (
      agency_id uuid PRIMARY KEY,
      name text NOT NULL,
      press boolean NOT NULL
    )`);
    await q.query(`CREATE TABLE report_conference (
      conference_id uuid PRIMARY KEY,
      kind text NOT NULL,
      title text NOT NULL,
      incident_id uuid,
      called_at timestamptz NOT NULL,
      starts_at timestamptz NOT NULL,
      sequence integer NOT NULL,
      reschedules integer NOT NULL DEFAULT 0,
      cancelled_at timestamptz
    )`);
    await q.query(`CREATE INDEX report_conference_starts_at ON report_conference (starts_at)`);
    await q.query(`CREATE INDEX report_conference_incident ON report_conference (incident_id)`);
    await q.query(`CREATE TABLE report_incident (
      incident_id uuid PRIMARY KEY,
      title text NOT NULL,
      detected_at timestamptz NOT NULL,
      convene_by timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX report_incident_detected_at ON report_incident (detected_at)`);
    await q.query(`CREATE TABLE report_invitee (
      invitee_id uuid PRIMARY KEY,
      conference_id uuid,
      agency_id uuid,
      agency_name text,
      press boolean,
      removed_at timestamptz,
      delivered_at timestamptz,
      failed_at timestamptz,
      response text,
      responded_at timestamptz
    )`);
    await q.query(`CREATE INDEX report_invitee_conference ON report_invitee (conference_id)`);
    await q.query(`CREATE TABLE report_brief_request (
      request_id uuid PRIMARY KEY,
      conference_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      due_at timestamptz NOT NULL,
      first_submitted_at timestamptz,
      returns integer NOT NULL DEFAULT 0,
      closed_reason text
    )`);
    await q.query(`CREATE INDEX report_brief_request_due_at ON report_brief_request (due_at)`);
    await q.query(`CREATE TABLE report_obstacle (
      report_id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      status text NOT NULL,
      reported_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX report_obstacle_reported_at ON report_obstacle (reported_at)`);
    await q.query(`CREATE TABLE report_offer (
      offer_id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      status text NOT NULL,
      offered_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX report_offer_offered_at ON report_offer (offered_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['offer', 'obstacle', 'brief_request', 'invitee', 'incident', 'conference', 'agency']) {
      await q.query(`DROP TABLE report_${table}`);
    }
  }
}
