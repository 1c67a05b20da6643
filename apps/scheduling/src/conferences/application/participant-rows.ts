import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { InviteeData } from '@pressconf/contracts';
import { insertInChunks } from '@pressconf/messaging';
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

/** Inserts a conference's new participants in the caller's transaction, whatever their number. */
export async function insertParticipants(tx: EntityManager, rows: ParticipantEntity[]): Promise<void> {
  await insertInChunks(rows, (chunk) => tx.insert(ParticipantEntity, chunk));
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
