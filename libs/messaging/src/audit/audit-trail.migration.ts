import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditPartitions, sealStatements } from './audit-partitions';

/**
 * The audit trail of a service, the same in every schema: the append-only `audit_event` table, partitioned by month
 * (retention drops whole months), and `audit_record()`, the trigger function that each audited table runs after
 * every row it writes (declared by `auditTable` in the service's own migrations). A trigger sees every write —
 * through the ORM, a query builder or raw SQL — in the writing transaction, so no change escapes the trail and no
 * use case writes audit rows by hand. Who acted and the correlation id come from the transaction's settings
 * (`pressconf.actor`, `pressconf.correlation_id`; AuditContextSubscriber sets them from the request context).
 */
export class AuditTrail1796000000000 implements MigrationInterface {
  name = 'AuditTrail1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_role varchar(20) NOT NULL,
        actor_subject varchar(200) NOT NULL,
        actor_agency_id uuid,
        action varchar(120) NOT NULL,
        entity_type varchar(60) NOT NULL,
        entity_id varchar(200) NOT NULL,
        correlation_id varchar(200),
        changes jsonb NOT NULL,
        PRIMARY KEY (occurred_at, id)
      ) PARTITION BY RANGE (occurred_at)`);
    // One index per filter of GET /audit-events, each ending in the order of the answer (newest first).
    await q.query(`CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_event_entity_type ON audit_event (entity_type, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_event_actor ON audit_event (actor_subject, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_event_action ON audit_event (action, occurred_at, id)`);
    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC, CURRENT_USER`);
    // A row outside every month partition still lands (the retention job creates them ahead of time).
    await q.query(`CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT`);
    for (const statement of sealStatements('audit_event_default')) await q.query(statement);
    for (const { statements } of auditPartitions(new Date(), 2))
      for (const statement of statements) await q.query(statement);

    // A secret's or a file's value never enters the trail: its SHA-256 does (of the bytes, for bytea).
    await q.query(`
      CREATE FUNCTION audit_digest(value jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN value IS NULL OR value = 'null'::jsonb THEN 'null'::jsonb
          WHEN jsonb_typeof(value) = 'string' AND left(value #>> '{}', 2) = '\\x'
            THEN to_jsonb('sha256:' || encode(sha256(decode(substr(value #>> '{}', 3), 'hex')), 'hex'))
          ELSE to_jsonb('sha256:' || encode(sha256(convert_to(value #>> '{}', 'UTF8')), 'hex'))
        END $$`);

    // The function runs with the service's schema as its search path, whoever writes and with whatever search path
    // (a maintenance session's, say): its rows go to this schema's audit_event.
    // Arguments (auditTable writes them): entity type, id columns (comma list), status column, ignored columns,
    // hashed columns, a fixed action verb, and 'row' when the row itself acts for the invitee page's read-only
    // caller (an invitation answering through its token).
    await q.query(`
      CREATE FUNCTION audit_record() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE
        entity text := TG_ARGV[0];
        id_columns text[] := string_to_array(TG_ARGV[1], ',');
        status_column text := nullif(TG_ARGV[2], '');
        ignored text[] := coalesce(string_to_array(nullif(TG_ARGV[3], ''), ','), '{}');
        hashed text[] := coalesce(string_to_array(nullif(TG_ARGV[4], ''), ','), '{}');
        verb text := nullif(TG_ARGV[5], '');
        old_row jsonb;
        new_row jsonb;
        changes jsonb := '{}';
        field text;
        before jsonb;
        after jsonb;
        entity_id text;
        actor jsonb := nullif(current_setting('pressconf.actor', true), '')::jsonb;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
        IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
        FOR field IN SELECT jsonb_object_keys(coalesce(new_row, old_row)) LOOP
          CONTINUE WHEN field = ANY(ignored);
          before := coalesce(old_row -> field, 'null'::jsonb);
          after := coalesce(new_row -> field, 'null'::jsonb);
          CONTINUE WHEN before = after;
          IF field = ANY(hashed) THEN
            before := audit_digest(before);
            after := audit_digest(after);
          END IF;
          changes := changes || jsonb_build_object(field, jsonb_build_object('from', before, 'to', after));
        END LOOP;
        IF TG_OP = 'UPDATE' AND changes = '{}'::jsonb THEN RETURN NULL; END IF;

        IF verb IS NULL THEN
          verb := CASE
            WHEN TG_OP = 'INSERT' THEN 'created'
            WHEN TG_OP = 'DELETE' THEN 'deleted'
            WHEN status_column IS NOT NULL AND changes ? status_column
              THEN lower(replace(new_row ->> status_column, '_', '-'))
            ELSE 'updated'
          END;
        END IF;
        SELECT string_agg(coalesce(new_row, old_row) ->> c, '/') INTO entity_id FROM unnest(id_columns) AS c;
        IF TG_ARGV[6] = 'row' AND actor ->> 'role' = 'reader' THEN
          actor := jsonb_build_object('role', 'invitee', 'subject', entity_id);
        END IF;
        actor := coalesce(actor, jsonb_build_object('role', 'system', 'subject', current_setting('application_name')));

        INSERT INTO audit_event (actor_role, actor_subject, actor_agency_id, action, entity_type, entity_id,
                                 correlation_id, changes)
        VALUES (actor ->> 'role', left(actor ->> 'subject', 200), (actor ->> 'agencyId')::uuid,
                entity || '.' || verb, entity, left(entity_id, 200),
                nullif(current_setting('pressconf.correlation_id', true), ''), changes);
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_record()`);
    await q.query(`DROP FUNCTION audit_digest(jsonb)`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
