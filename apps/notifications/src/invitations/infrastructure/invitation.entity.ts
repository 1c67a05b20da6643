import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { AgencyRole, ContactLocale, RsvpState } from '@pressconf/contracts';
import { ConferenceSnapshot } from './conference-snapshot.entity';

/**
 * One invitee's invitation. The unguessable token that lets them answer without an account is derived from the id
 * (InvitationTokens) and only its hash is kept.
 */
@Entity({ name: 'invitation' })
@Index('invitation_conference', ['conferenceId'])
@Index('invitation_agency', ['conferenceId', 'agencyId'])
@Index('invitation_token_hash', ['tokenHash'], { unique: true })
@Index('invitation_previous_token_hash', ['previousTokenHash'], { unique: true })
@Unique('invitation_invitee_id_key', ['inviteeId'])
@Check('invitation_locale', `locale IN ('vi', 'en')`)
export class InvitationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'invitation_pkey' })
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  @ForeignKey(() => ConferenceSnapshot, { name: 'invitation_conference_id_fkey' })
  conferenceId: string;

  @Column({ name: 'invitee_id', type: 'uuid' })
  inviteeId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'agency_name', type: 'varchar', length: 300 })
  agencyName: string;

  @Column({ type: 'varchar', length: 40 })
  role: AgencyRole;

  @Column({ name: 'contact_name', type: 'varchar', length: 200 })
  contactName: string;

  @Column({ name: 'contact_title', type: 'varchar', length: 200, nullable: true })
  contactTitle: string | null;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  /** The invitee's language, from their contact at the call: every mail to them, their calendar entry and page. */
  @Column({ type: 'varchar', length: 5, default: 'vi' })
  locale: ContactLocale;

  /** SHA-256 of the token: what a token is looked up by (see invitation-token.ts). */
  @Column({ name: 'token_hash', type: 'bytea', select: false })
  tokenHash: Buffer;

  /**
   * SHA-256 of a random token mailed before tokens were derived (migration 1764900003000): those links still open
   * the invitation until it expires; every later mail carries the derived one.
   */
  @Column({ name: 'previous_token_hash', type: 'bytea', nullable: true, select: false })
  previousTokenHash: Buffer | null;

  /** The invitee's agency must provide a written brief: brief requests and reminders go to this contact. */
  @Column({ name: 'must_brief', type: 'boolean', default: false })
  mustBrief: boolean;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  rsvp: RsvpState;

  @Column({ name: 'delegate_name', type: 'varchar', length: 200, nullable: true })
  delegateName: string | null;

  @Column({ name: 'delegate_title', type: 'varchar', length: 200, nullable: true })
  delegateTitle: string | null;

  @Column({ name: 'rsvp_at', type: 'timestamptz', nullable: true })
  rsvpAt: Date | null;

  /** Set when an administrator removed the invitee's agency after the call: nothing but that notice goes out. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
