import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AgencyRole, ContactLocale, RsvpState } from '@pressconf/contracts';
import { ConferenceEntity } from './conference.entity';

/** One invitee of a called conference, as the registry stood at the call: names and addresses are copied. */
@Entity({ name: 'participant' })
@Index('participant_conference', ['conferenceId', 'agencyId'])
export class ParticipantEntity {
  /** The invitee id carried by every event about this invitee. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'participant_pkey' })
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId: string;

  @ManyToOne(() => ConferenceEntity, (c) => c.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conference_id', foreignKeyConstraintName: 'participant_conference_id_fkey' })
  conference?: ConferenceEntity;

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

  /** The contact's language, carried by every event about this invitee. */
  @Column({ type: 'varchar', length: 2, default: 'vi' })
  locale: ContactLocale;

  @Column({ name: 'must_brief', type: 'boolean' })
  mustBrief: boolean;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  rsvp: RsvpState;

  @Column({ name: 'delegate_name', type: 'varchar', length: 200, nullable: true })
  delegateName: string | null;

  @Column({ name: 'rsvp_at', type: 'timestamptz', nullable: true })
  rsvpAt: Date | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
