import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CoHostRequestRequest,
  ConferenceView,
  NotFoundError,
  ParticipantsPreview,
  SetAgendaRequest,
  ValidationFailedError,
} from '@pressconf/contracts';
import { AgenciesService } from '../../agencies/application/agencies.service';
import { AgencyEntity } from '../../agencies/infrastructure/agency.entity';
import { IncidentEntity } from '../../incidents/infrastructure/incident.entity';
import { buildAgenda } from '../domain/agenda';
import { assertCanChange, ConferenceChange, isAnnounced } from '../domain/conference-lifecycle';
import { assertCoHostRequestFits } from '../domain/conference-rules';
import { withInviteeAdded, withInviteeRemoved } from '../domain/invitee-changes';
import { ConferenceEntity } from '../infrastructure/conference.entity';
import { loadConference, lockConference } from '../infrastructure/conference.repository';
import { ConferenceAnnouncements } from './conference-announcements';
import { toConferenceView } from './conference-view';
import { HostAccess } from './host-access';
import { ParticipantResolution } from './participant-resolution';

/**
 * Preparing a conference besides its lifecycle: the invitation list, the agenda, the written request to the
 * co-host. Before the call nothing is announced; after it, a changed invitation list or agenda is (see
 * ConferenceAnnouncements), the record of the co-host request never.
 */
@Injectable()
export class ConferencePreparationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly resolution: ParticipantResolution,
    private readonly announcements: ConferenceAnnouncements,
    private readonly hostAccess: HostAccess,
  ) {}

  async addInvitee(id: string, agencyId: string): Promise<ConferenceView> {
    return this.change(id, 'invitees', async (tx, conference) => {
      if (!(await tx.existsBy(AgencyEntity, { id: agencyId }))) {
        throw new ValidationFailedError([{ field: 'agencyId', message: `agency ${agencyId} does not exist` }]);
      }
      this.setInviteeChanges(conference, withInviteeAdded(this.inviteeChanges(conference), agencyId));
      if (isAnnounced(conference.status)) {
        await this.announcements.inviteeChanged(tx, conference, { action: 'add', agencyId });
      }
    });
  }

  async removeInvitee(id: string, agencyId: string): Promise<ConferenceView> {
    return this.change(id, 'invitees', async (tx, conference) => {
      if (!(await tx.existsBy(AgencyEntity, { id: agencyId }))) throw new NotFoundError('Agency', agencyId);
      this.setInviteeChanges(conference, withInviteeRemoved(this.inviteeChanges(conference), agencyId));
      if (isAnnounced(conference.status)) {
        await this.announcements.inviteeChanged(tx, conference, { action: 'remove', agencyId });
      }
    });
  }

  /** Who calling the conference now would invite, with reasons, and whom the plan involves but cannot reach. */
  async previewParticipants(id: string, actor: Actor): Promise<ParticipantsPreview> {
    const tx = this.dataSource.manager;
    const conference = await tx.findOneBy(ConferenceEntity, { id });
    if (!conference) throw new NotFoundError('Conference', id);
    await this.hostAccess.assertSees(tx, actor, conference);
    const incident = conference.incidentId ? await tx.findOneBy(IncidentEntity, { id: conference.incidentId }) : null;
    const at = new Date();
    const { participants, unreachable } = await this.resolution.resolve(tx, conference, incident, at);
    return {
      conferenceId: conference.id,
      resolvedAt: at.toISOString(),
      inviteeChanges: this.inviteeChanges(conference),
      participants,
      unreachable: unreachable.map(({ agencyName, role, ...rest }) => ({
        ...rest,
        ...(agencyName !== null ? { agencyName } : {}),
        ...(role !== null ? { role } : {}),
      })),
    };
  }

  async setAgenda(request: SetAgendaRequest): Promise<ConferenceView> {
    return this.change(request.id, 'agenda', async (tx, conference) => {
      const registry = await this.agencies.validAt(tx, new Date());
      const minutes = (conference.endsAt.getTime() - conference.startsAt.getTime()) / 60_000;
      const previous = conference.agenda;
      conference.agenda = buildAgenda(request.items, new Map(registry.map((a) => [a.id, a])), minutes);
      if (isAnnounced(conference.status)) await this.announcements.agendaChanged(tx, conference, previous);
    });
  }

  async recordCoHostRequest(request: CoHostRequestRequest): Promise<ConferenceView> {
    return this.change(request.id, 'co-host request', (_tx, conference) => {
      const now = new Date();
      const sentAt = new Date(request.sentAt);
      assertCoHostRequestFits(conference.kind, sentAt, now);
      conference.coHostRequest = {
        documentNumber: request.documentNumber.trim(),
        sentAt: sentAt.toISOString(),
        summary: request.summary.trim(),
        recordedAt: now.toISOString(),
      };
    });
  }

  /** Applies a change under the conference's row lock, once its state allows it. */
  private async change(
    id: string,
    change: ConferenceChange,
    apply: (tx: EntityManager, conference: ConferenceEntity) => Promise<void> | void,
  ): Promise<ConferenceView> {
    return this.dataSource.transaction(async (tx) => {
      const conference = await lockConference(tx, id);
      assertCanChange(conference.status, change);
      await apply(tx, conference);
      await tx.save(conference);
      return toConferenceView(await loadConference(tx, id));
    });
  }

  private inviteeChanges(conference: ConferenceEntity) {
    return { added: conference.addedAgencyIds, removed: conference.removedAgencyIds };
  }

  private setInviteeChanges(conference: ConferenceEntity, changes: { added: string[]; removed: string[] }): void {
    conference.addedAgencyIds = changes.added;
    conference.removedAgencyIds = changes.removed;
  }
}
