import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { InviteeData } from '@pressconf/contracts';
import type { ResolvedParticipant } from '../domain/participants';
import { ParticipantEntity } from '../infrastructure/participant.entity';

/** A resolved participant as a new invitee of the conference, with the id every event about it will carry. */
export function participantRow(
  tx: EntityManager,
  conferenceId: string,
  p: ResolvedParticipant,
  position: number,
): ParticipantEntity {
  return tx.create(ParticipantEntity, {
    id: randomUUID(),
    conferenceId,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    role: p.role,
    contactName: p.contactName,
    contactTitle: p.contactTitle ?? null,
    email: p.email,
    locale: p.locale,
    mustBrief: p.mustBrief,
    reason: p.reason,
    rsvp: 'PENDING',
    delegateName: null,
    rsvpAt: null,
    position,
  });
}

/**
 * Rows per INSERT: PostgreSQL's protocol counts a statement's parameters in 16 bits (at most 65,535), which a
 * national call of 10,000 invitees in one statement overflows; a thousand rows stay far below it.
 */
const ROWS_PER_INSERT = 1_000;

/** Inserts a conference's new participants in the caller's transaction, whatever their number. */
export async function insertParticipants(tx: EntityManager, rows: ParticipantEntity[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await tx.insert(ParticipantEntity, rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/** An invitee as the conference's events announce it. */
export function inviteeData(p: ParticipantEntity): InviteeData {
  return {
    inviteeId: p.id,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    role: p.role,
    contactName: p.contactName,
    ...(p.contactTitle ? { contactTitle: p.contactTitle } : {}),
    email: p.email,
    locale: p.locale,
    mustBrief: p.mustBrief,
  };
}
