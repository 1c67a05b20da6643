import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RSVP by token, the other mail (brief requests, reminders, the briefing pack, incident alerts) and the
 * urgent-call acknowledgement.
 */
export class NotificationsRsvpAndMail1764100003100 implements MigrationInterface {
  name = 'NotificationsRsvpAndMail1764100003100';

  async up(q: QueryRunner): Promise<void> {
    // Tokens are looked up by their SHA-256, so the database never compares a guess with a secret byte by byte.
    await q.query(`ALTER TABLE invitation ADD COLUMN token_hash bytea`);
    await q.query(`UPDATE invitation SET token_hash = sha256(convert_to(token, 'UTF8'))`);
    await q.query(`ALTER TABLE invitation ALTER COLUMN token_hash SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX invitation_token_hash ON invitation (token_hash)`);
    // Brief requests go to the agency's invitees that must brief; the contacts come from the call.
    await q.query(`ALTER TABLE invitation ADD COLUMN must_brief boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX invitation_agency ON invitation (conference_id, agency_id)`);

    // Mail no longer always concerns a conference: an incident alert has none.
    await q.query(`ALTER TABLE delivery ALTER COLUMN conference_id DROP NOT NULL`);
    await q.query(`ALTER TABLE delivery ADD COLUMN incident_id uuid`);
    await q.query(`ALTER TABLE delivery ADD COLUMN brief_request_id uuid`);
    await q.query(`ALTER TABLE delivery ADD COLUMN recipient_agency varchar(300)`);
    await q.query(
      `ALTER TABLE delivery ADD CONSTRAINT delivery_concerns CHECK (conference_id IS NOT NULL OR incident_id IS NOT NULL)`,
    );
    await q.query(`CREATE INDEX delivery_invitation ON delivery (invitation_id, kind)`);
    await q.query(
      `CREATE INDEX delivery_brief_request ON delivery (brief_request_id) WHERE brief_request_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE brief_request (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        remind_at timestamptz,
        status varchar(20) NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX brief_request_conference ON brief_request (conference_id, agency_id)`);
    await q.query(
      `CREATE INDEX brief_request_reminder ON brief_request (remind_at) WHERE status IN ('OPEN', 'RETURNED')`,
    );

    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY,
        title varchar(500) NOT NULL,
        convene_by timestamptz NOT NULL,
        reported_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident`);
    await q.query(`DROP TABLE brief_request`);
    await q.query(`DROP INDEX delivery_brief_request`);
    await q.query(`DROP INDEX delivery_invitation`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_concerns`);
    await q.query(`ALTER TABLE delivery DROP COLUMN recipient_agency`);
    await q.query(`ALTER TABLE delivery DROP COLUMN brief_request_id`);
    await q.query(`ALTER TABLE delivery DROP COLUMN incident_id`);
    await q.query(`DELETE FROM delivery WHERE conference_id IS NULL`);
    await q.query(`ALTER TABLE delivery ALTER COLUMN conference_id SET NOT NULL`);
    await q.query(`DROP INDEX invitation_agency`);
    await q.query(`ALTER TABLE invitation DROP COLUMN must_brief`);
    await q.query(`DROP INDEX invitation_token_hash`);
    await q.query(`ALTER TABLE invitation DROP COLUMN token_hash`);
  }
}
