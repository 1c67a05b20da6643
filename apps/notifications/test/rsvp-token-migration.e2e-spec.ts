import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseUrl, ensureDatabaseAndSchema, serviceDataSourceOptions } from '@pressconf/messaging';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../src/database/schema';
import { NotificationsDerivedRsvpTokens1764900003000 } from '../src/database/migrations/1764900003000-notifications-derived-rsvp-tokens';
import { deriveInvitationToken } from '../src/invitations/domain/invitation-token';

const SECRET = randomBytes(32).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The migration that stops storing RSVP tokens, on a database with an invitation already mailed (no Kafka needed):
 * its random token keeps opening it (by hash), later mail carries the derived one, and the token itself is gone.
 */
describe('notifications: RSVP tokens stop being stored', () => {
  const url = new URL(databaseUrl());
  const database = `pressconf_rsvp_tokens_${randomBytes(3).toString('hex')}`;
  url.pathname = `/${database}`;
  let dataSource: DataSource;

  beforeAll(() => {
    // Read by the migration through the service's configuration, as in the service's own process.
    process.env.RSVP_TOKEN_SECRET = SECRET;
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    const admin = new Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it('keeps the mailed random token working by its hash and gives the invitation its derived one', async () => {
    expect(NOTIFICATIONS_MIGRATIONS).toContain(NotificationsDerivedRsvpTokens1764900003000);
    await ensureDatabaseAndSchema('notifications', url.toString());
    const options = serviceDataSourceOptions('notifications', NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS);
    const others = (options.migrations as unknown[]).filter((m) => m !== NotificationsDerivedRsvpTokens1764900003000);
    const before = new DataSource({ ...options, url: url.toString(), migrations: others as typeof options.migrations });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const conferenceId = randomUUID();
    const invitationId = randomUUID();
    const mailed = randomBytes(24).toString('base64url');
    await before.query(
      `INSERT INTO conference (id, kind, title, starts_at, ends_at, venue, status, sequence, letter_number, letter_issued_at)
       VALUES ($1, 'PERIODIC', 'Hội nghị', now(), now(), 'Hội trường', 'CALLED', 1, '01/GM-SVHTTDL', now())`,
      [conferenceId],
    );
    await before.query(
      `INSERT INTO invitation (id, conference_id, invitee_id, agency_id, agency_name, role, contact_name, email, token, token_hash)
       VALUES ($1, $2, $3, $4, 'Sở Tư pháp', 'INFORMATION_PROVIDER', 'Nguyễn Văn An', 'an@example.vn', $5, $6)`,
      [invitationId, conferenceId, randomUUID(), randomUUID(), mailed, sha256(mailed)],
    );
    await before.destroy();

    dataSource = new DataSource({ ...options, url: url.toString() });
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(['NotificationsDerivedRsvpTokens1764900003000']);
    const [row] = await dataSource.query<Array<Record<string, unknown>>>(`SELECT * FROM invitation WHERE id = $1`, [
      invitationId,
    ]);
    expect(row).not.toHaveProperty('token');
    expect((row.previous_token_hash as Buffer).equals(sha256(mailed))).toBe(true);
    expect((row.token_hash as Buffer).equals(sha256(deriveInvitationToken(invitationId, SECRET)))).toBe(true);
    expect(JSON.stringify(row)).not.toContain(mailed);
  });
});
