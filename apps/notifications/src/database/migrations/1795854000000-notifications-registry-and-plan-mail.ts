import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * notifications' copy of the agency registry (from `scheduling.agency.v1`), what it knows of obstacle reports and
 * decided information offers, and deliveries about either: such mail concerns no conference and no incident.
 */
export class NotificationsRegistryAndPlanMail1795854000000 implements MigrationInterface {
  name = 'NotificationsRegistryAndPlanMail1795854000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registry_agency (
        id uuid NOT NULL,
        code varchar(50) NOT NULL,
        name varchar(300) NOT NULL,
        kind varchar(40) NOT NULL,
        roles jsonb NOT NULL DEFAULT '[]',
        contacts jsonb NOT NULL DEFAULT '[]',
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        changed_at timestamptz NOT NULL,
        CONSTRAINT registry_agency_pkey PRIMARY KEY (id)
      )`);
    await q.query(`
      CREATE TABLE obstacle_report (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        title varchar(500) NOT NULL,
        description text NOT NULL,
        proposal text,
        status varchar(20) NOT NULL,
        reported_at timestamptz NOT NULL,
        note text,
        resolution text,
        CONSTRAINT obstacle_report_pkey PRIMARY KEY (id)
      )`);
    await q.query(`
      CREATE TABLE information_offer (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        title varchar(500) NOT NULL,
        offered_at timestamptz NOT NULL,
        decision varchar(30) NOT NULL,
        decided_at timestamptz NOT NULL,
        conference_id uuid,
        brief_due_at timestamptz,
        comment text,
        CONSTRAINT information_offer_pkey PRIMARY KEY (id)
      )`);
    await q.query(`ALTER TABLE delivery ADD COLUMN obstacle_report_id uuid, ADD COLUMN information_offer_id uuid`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_concerns`);
    await q.query(`
      ALTER TABLE delivery ADD CONSTRAINT delivery_concerns CHECK (
        conference_id IS NOT NULL OR incident_id IS NOT NULL OR obstacle_report_id IS NOT NULL
        OR information_offer_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM delivery WHERE conference_id IS NULL AND incident_id IS NULL`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_concerns`);
    await q.query(
      `ALTER TABLE delivery ADD CONSTRAINT delivery_concerns CHECK (conference_id IS NOT NULL OR incident_id IS NOT NULL)`,
    );
    await q.query(`ALTER TABLE delivery DROP COLUMN information_offer_id, DROP COLUMN obstacle_report_id`);
    await q.query(`DROP TABLE information_offer`);
    await q.query(`DROP TABLE obstacle_report`);
    await q.query(`DROP TABLE registry_agency`);
  }
}
