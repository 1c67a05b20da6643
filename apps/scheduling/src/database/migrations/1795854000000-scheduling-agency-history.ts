import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts gain their language and the fields a press reporter covers (existing ones: Vietnamese, none); the
 * registry keeps every version of an agency (agency_version), starting from each agency as it stands; invitees keep
 * the language of the contact they were copied from.
 */
export class SchedulingAgencyHistory1795854000000 implements MigrationInterface {
  name = 'SchedulingAgencyHistory1795854000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE agency SET contacts = COALESCE(
        (SELECT jsonb_agg(jsonb_build_object('locale', 'vi', 'fields', '[]'::jsonb) || c ORDER BY n)
           FROM jsonb_array_elements(contacts) WITH ORDINALITY AS e(c, n)),
        '[]'::jsonb)`);
    await q.query(`
      CREATE TABLE agency_version (
        agency_id uuid NOT NULL,
        version int NOT NULL,
        code varchar(40) NOT NULL,
        name varchar(300) NOT NULL,
        kind varchar(40) NOT NULL,
        roles text[] NOT NULL,
        fields text[] NOT NULL,
        territory varchar(200),
        contacts jsonb NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        recorded_from timestamptz NOT NULL,
        recorded_to timestamptz,
        CONSTRAINT agency_version_pkey PRIMARY KEY (agency_id, version),
        CONSTRAINT agency_version_recorded CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
      )`);
    await q.query(`
      INSERT INTO agency_version (agency_id, version, code, name, kind, roles, fields, territory, contacts,
                                  valid_from, valid_to, recorded_from)
      SELECT id, 1, code, name, kind, roles, fields, territory, contacts, valid_from, valid_to, updated_at FROM agency`);
    await q.query(`ALTER TABLE participant ADD COLUMN locale varchar(2) NOT NULL DEFAULT 'vi'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant DROP COLUMN locale`);
    await q.query(`DROP TABLE agency_version`);
    await q.query(`
      UPDATE agency SET contacts = COALESCE(
        (SELECT jsonb_agg(c - 'locale' - 'fields' ORDER BY n)
           FROM jsonb_array_elements(contacts) WITH ORDINALITY AS e(c, n)),
        '[]'::jsonb)`);
  }
}
