import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhooks: the subscriptions, the queue of deliveries with their attempts, and the admins' mail when a
 * failing subscription is disabled (a delivery that concerns a subscription rather than a conference).
 */
export class NotificationsWebhooks1795870000000 implements MigrationInterface {
  name = 'NotificationsWebhooks1795870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid NOT NULL,
        url varchar(2000) NOT NULL,
        event_types text array NOT NULL,
        description varchar(500),
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        secret varchar(100) NOT NULL,
        previous_secret varchar(100),
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_subscription_pkey PRIMARY KEY (id)
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY,
        event_id uuid NOT NULL,
        event_type varchar(100) NOT NULL,
        ordering_key varchar(200) NOT NULL,
        payload text NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        failing_since timestamptz,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_duration_ms integer,
        last_error text,
        delivered_at timestamptz,
        trace_context jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_delivery_pkey PRIMARY KEY (id),
        CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id),
        CONSTRAINT webhook_delivery_subscription_id_fkey FOREIGN KEY (subscription_id)
          REFERENCES webhook_subscription (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE INDEX webhook_delivery_queue ON webhook_delivery (subscription_id, ordering_key, position)
       WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at)`);
    await q.query(`
      CREATE TABLE webhook_attempt (
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL,
        at timestamptz NOT NULL,
        status_code integer,
        duration_ms integer NOT NULL,
        error text,
        CONSTRAINT webhook_attempt_pkey PRIMARY KEY (delivery_id, attempt),
        CONSTRAINT webhook_attempt_delivery_id_fkey FOREIGN KEY (delivery_id)
          REFERENCES webhook_delivery (id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE delivery ADD COLUMN webhook_subscription_id uuid`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_concerns`);
    await q.query(`
      ALTER TABLE delivery ADD CONSTRAINT delivery_concerns CHECK (
        conference_id IS NOT NULL OR incident_id IS NOT NULL OR obstacle_report_id IS NOT NULL
        OR information_offer_id IS NOT NULL OR webhook_subscription_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM delivery WHERE webhook_subscription_id IS NOT NULL`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_concerns`);
    await q.query(`
      ALTER TABLE delivery ADD CONSTRAINT delivery_concerns CHECK (
        conference_id IS NOT NULL OR incident_id IS NOT NULL OR obstacle_report_id IS NOT NULL
        OR information_offer_id IS NOT NULL)`);
    await q.query(`ALTER TABLE delivery DROP COLUMN webhook_subscription_id`);
    await q.query(`DROP TABLE webhook_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_subscription`);
  }
}
