import { MigrationInterface, QueryRunner } from 'typeorm';
import { notificationsConfig } from '../../config';
import {
  deriveInvitationToken,
  hashInvitationToken,
  RSVP_TOKEN_SECRET_MIN_LENGTH,
} from '../../invitations/domain/invitation-token';

/**
 * RSVP tokens are no longer stored: each is derived from the invitation id under RSVP_TOKEN_SECRET, and only its hash
 * is kept. The random tokens of invitations already sent cannot be derived; their hash stays (previous_token_hash)
 * so that the links already mailed keep working, and each of these invitations gets the hash of its derived token,
 * which later mails carry. With invitations present, the migration needs RSVP_TOKEN_SECRET (the service's own, so
 * that the hashes match what it derives). Down cannot bring the tokens back: it gives each row its derived token.
 */
export class NotificationsDerivedRsvpTokens1764900003000 implements MigrationInterface {
  name = 'NotificationsDerivedRsvpTokens1764900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitation ADD COLUMN previous_token_hash bytea`);
    await q.query(`CREATE UNIQUE INDEX invitation_previous_token_hash ON invitation (previous_token_hash)`);
    const rows = (await q.query(`SELECT id FROM invitation ORDER BY id`)) as Array<{ id: string }>;
    if (rows.length > 0) {
      const secret = secretForExistingRows();
      await q.query(`UPDATE invitation SET previous_token_hash = token_hash`);
      for (const { id } of rows) {
        await q.query(`UPDATE invitation SET token_hash = $2 WHERE id = $1`, [
          id,
          hashInvitationToken(deriveInvitationToken(id, secret)),
        ]);
      }
    }
    await q.query(`ALTER TABLE invitation DROP COLUMN token`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitation ADD COLUMN token varchar(100)`);
    const rows = (await q.query(`SELECT id FROM invitation`)) as Array<{ id: string }>;
    if (rows.length > 0) {
      const secret = secretForExistingRows();
      for (const { id } of rows) {
        await q.query(`UPDATE invitation SET token = $2 WHERE id = $1`, [id, deriveInvitationToken(id, secret)]);
      }
    }
    await q.query(`ALTER TABLE invitation ALTER COLUMN token SET NOT NULL`);
    await q.query(`ALTER TABLE invitation ADD CONSTRAINT invitation_token_key UNIQUE (token)`);
    await q.query(`DROP INDEX invitation_previous_token_hash`);
    await q.query(`ALTER TABLE invitation DROP COLUMN previous_token_hash`);
  }
}

function secretForExistingRows(): string {
  const secret = notificationsConfig().RSVP_TOKEN_SECRET;
  if (!secret || secret.length < RSVP_TOKEN_SECRET_MIN_LENGTH) {
    throw new Error(
      `RSVP_TOKEN_SECRET (${RSVP_TOKEN_SECRET_MIN_LENGTH}+ characters) is needed to migrate the existing invitations' RSVP tokens`,
    );
  }
  return secret;
}
