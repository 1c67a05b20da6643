import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NotificationsConfig } from '../../config';
import { deriveInvitationToken, hashInvitationToken, RSVP_TOKEN_SECRET_MIN_LENGTH } from '../domain/invitation-token';

/**
 * The RSVP token of each invitation, derived from its id under RSVP_TOKEN_SECRET whenever a link is written (mail,
 * calendar entry, letter), and its hash, which is all the database keeps. Without a key of at least 32 characters
 * notifications does not start: every link would be guessable, or none would open.
 */
@Injectable()
export class InvitationTokens {
  private readonly secret: string;

  constructor(config: ConfigService<NotificationsConfig, true>) {
    const secret = config.get('RSVP_TOKEN_SECRET', { infer: true });
    if (!secret || secret.length < RSVP_TOKEN_SECRET_MIN_LENGTH) {
      throw new Error(
        `RSVP_TOKEN_SECRET is ${secret ? 'shorter than' : 'not set: it must be'} ${RSVP_TOKEN_SECRET_MIN_LENGTH} characters or more (e.g. \`openssl rand -base64 48\`); the invitees' links are derived from it`,
      );
    }
    this.secret = secret;
  }

  tokenOf(invitationId: string): string {
    return deriveInvitationToken(invitationId, this.secret);
  }

  hashOf(token: string): Buffer {
    return hashInvitationToken(token);
  }
}
