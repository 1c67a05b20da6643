import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EventTypes } from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { IncidentEntity } from '../../incidents/infrastructure/incident.entity';
import type { AgendaEntry } from '../domain/agenda';
import { invitedByAdding, withdrawnByRemoving } from '../domain/invitee-changes';
import { ConferenceEntity } from '../infrastructure/conference.entity';
import { ParticipantEntity } from '../infrastructure/participant.entity';
import { agendaOf } from './conference-view';
import { ParticipantResolution } from './participant-resolution';
import { insertParticipants, inviteeData, participantRow } from './participant-rows';

/**
 * Changes of a called conference that its invitees must hear of, each announced as an event in the transaction of
 * the change, with a higher `sequence` (calendars keep the copy with the highest). Notifications decides who is
 * told what; nothing is announced when nothing changed.
 */
@Injectable()
export class ConferenceAnnouncements {
  constructor(
    private readonly resolution: ParticipantResolution,
    private readonly outbox: Outbox,
  ) {}

  /** The agency's contacts the plan resolves now are invited, or its invited contacts are withdrawn. */
  async inviteeChanged(
    tx: EntityManager,
    conference: ConferenceEntity,
    change: { action: 'add' | 'remove'; agencyId: string },
  ): Promise<void> {
    const current = await tx.findBy(ParticipantEntity, { conferenceId: conference.id });
    const removed = change.action === 'remove' ? withdrawnByRemoving(change.agencyId, current) : [];
    const incident = conference.incidentId ? await tx.findOneBy(IncidentEntity, { id: conference.incidentId }) : null;
    const resolved =
      change.action === 'add' ? await this.resolution.resolve(tx, conference, incident, new Date()) : undefined;
    const next = Math.max(-1, ...current.map((p) => p.position)) + 1;
    const added = resolved
      ? invitedByAdding(change.agencyId, current, resolved).map((p, i) =>
          participantRow(tx, conference.id, p, next + i),
        )
      : [];
    if (added.length === 0 && removed.length === 0) return;
    await insertParticipants(tx, added);
    if (removed.length > 0) await tx.delete(ParticipantEntity, { id: In(removed.map((p) => p.id)) });
    conference.sequence += 1;
    await this.outbox.add(tx, EventTypes.conferenceInviteesChanged, conference.id, {
      conferenceId: conference.id,
      sequence: conference.sequence,
      added: added.map(inviteeData),
      removed: removed.map(inviteeData),
    });
  }

  /** The whole new agenda, unless it is the one the invitees already have. */
  async agendaChanged(tx: EntityManager, conference: ConferenceEntity, previous: AgendaEntry[]): Promise<void> {
    if (isDeepStrictEqual(previous, conference.agenda)) return;
    conference.sequence += 1;
    await this.outbox.add(tx, EventTypes.conferenceAgendaChanged, conference.id, {
      conferenceId: conference.id,
      sequence: conference.sequence,
      agenda: agendaOf(conference),
    });
  }
}
