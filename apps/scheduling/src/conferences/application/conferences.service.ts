import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CancelConferenceRequest,
  ConferenceView,
  CreateConferenceDto,
  EventTypes,
  ListConferencesQuery,
  NotFoundError,
  OrganizerData,
  Page,
  PublicConferenceView,
  RescheduleConferenceRequest,
  ValidationFailedError,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { AgencyEntity } from '../../agencies/infrastructure/agency.entity';
import { IncidentEntity } from '../../incidents/infrastructure/incident.entity';
import { SeriesEntity } from '../../series/infrastructure/series.entity';
import { ConferenceAction, nextStatus } from '../domain/conference-lifecycle';
import { assertConvenedInTime, assertTimeWindow } from '../domain/conference-rules';
import { canSeeConference, conferenceFor, visibleStatuses } from '../domain/conference-visibility';
import { letterIssuer } from '../domain/hosts';
import { ConferenceEntity } from '../infrastructure/conference.entity';
import { loadConference, lockConference } from '../infrastructure/conference.repository';
import { agendaOf, toConferenceView } from './conference-view';
import { HostAccess } from './host-access';
import { ParticipantResolution } from './participant-resolution';
import { insertParticipants, inviteeData, participantRow } from './participant-rows';

@Injectable()
export class ConferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly resolution: ParticipantResolution,
    private readonly outbox: Outbox,
    private readonly hostAccess: HostAccess,
  ) {}

  async create(dto: CreateConferenceDto): Promise<ConferenceView> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    assertTimeWindow(startsAt, endsAt);
    if (dto.kind === 'PERIODIC' && dto.incidentId) {
      throw new ValidationFailedError([
        { field: 'incidentId', message: 'incidentId is only for EXTRAORDINARY conferences' },
      ]);
    }
    if (dto.kind === 'EXTRAORDINARY' && dto.seriesId) {
      throw new ValidationFailedError([{ field: 'seriesId', message: 'seriesId is only for PERIODIC conferences' }]);
    }
    const briefsDueAt = dto.briefsDueAt ? new Date(dto.briefsDueAt) : null;
    if (briefsDueAt && briefsDueAt > startsAt) {
      throw new ValidationFailedError([{ field: 'briefsDueAt', message: 'briefsDueAt must not be after startsAt' }]);
    }
    return this.dataSource.transaction(async (tx) => {
      if (dto.incidentId && !(await tx.existsBy(IncidentEntity, { id: dto.incidentId }))) {
        throw new ValidationFailedError([
          { field: 'incidentId', message: `incident ${dto.incidentId} does not exist` },
        ]);
      }
      if (dto.seriesId && !(await tx.existsBy(SeriesEntity, { id: dto.seriesId }))) {
        throw new ValidationFailedError([{ field: 'seriesId', message: `series ${dto.seriesId} does not exist` }]);
      }
      const conference = tx.create(ConferenceEntity, {
        id: randomUUID(),
        kind: dto.kind,
        status: 'DRAFT',
        title: dto.title.trim(),
        startsAt,
        endsAt,
        venue: dto.venue.trim(),
        topics: dto.topics.map((t) => t.trim()),
        incidentId: dto.incidentId ?? null,
        seriesId: dto.seriesId ?? null,
        briefsDueAt,
        sequence: 0,
        calledAt: null,
        statusReason: null,
      });
      await tx.insert(ConferenceEntity, conference);
      return toConferenceView(await loadConference(tx, conference.id));
    });
  }

  /** The conferences the actor may see, each as it may see it (README, "Who sees what"). */
  async list(query: ListConferencesQuery, actor: Actor): Promise<Page<ConferenceView | PublicConferenceView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(ConferenceEntity).createQueryBuilder('c');
    const statuses = visibleStatuses(actor);
    if (statuses) qb.andWhere('c.status IN (:...statuses)', { statuses });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('c.starts_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('c.starts_at < :to', { to: new Date(query.to) });
    await this.hostAccess.narrow(this.dataSource.manager, actor, qb);
    const [rows, total] = await qb
      .leftJoinAndSelect('c.participants', 'p')
      .orderBy('c.starts_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .addOrderBy('p.position', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((c) => conferenceFor(actor, toConferenceView(c))), page, pageSize, total };
  }

  /** A conference the actor may not see is a 404, as if it did not exist. */
  async get(id: string, actor: Actor): Promise<ConferenceView | PublicConferenceView> {
    const conference = await loadConference(this.dataSource.manager, id);
    if (!canSeeConference(actor, conference.status)) throw new NotFoundError('Conference', id);
    await this.hostAccess.assertSees(this.dataSource.manager, actor, conference);
    return conferenceFor(actor, toConferenceView(conference));
  }

  /**
   * DRAFT → CALLED: resolves the participants from the registry as it stands now, with the administrator's
   * changes, and announces the call with the agenda.
   */
  async call(id: string): Promise<ConferenceView> {
    return this.dataSource.transaction(async (tx) => {
      const conference = await lockConference(tx, id);
      conference.status = nextStatus(conference.status, 'call');
      const incident = conference.incidentId ? await tx.findOneBy(IncidentEntity, { id: conference.incidentId }) : null;
      if (conference.kind === 'EXTRAORDINARY') {
        if (!incident) throw new NotFoundError('Incident', conference.incidentId ?? '(none)');
        assertConvenedInTime(conference.startsAt, incident.conveneBy);
      }
      const now = new Date();
      const { registry, participants, hosts } = await this.resolution.resolve(tx, conference, incident, now);
      const rows = participants.map((p, position) => participantRow(tx, conference.id, p, position));
      await insertParticipants(tx, rows);
      const issuer = letterIssuer(hosts);
      conference.hosts = hosts;
      conference.issuer = issuer ?? null;
      conference.calledAt = now;
      conference.sequence += 1;
      await tx.save(conference);
      await this.outbox.add(tx, EventTypes.conferenceCalled, conference.id, {
        conferenceId: conference.id,
        kind: conference.kind,
        title: conference.title,
        startsAt: conference.startsAt.toISOString(),
        endsAt: conference.endsAt.toISOString(),
        venue: conference.venue,
        topics: conference.topics,
        ...(conference.incidentId ? { incidentId: conference.incidentId } : {}),
        ...(conference.briefsDueAt ? { briefsDueAt: conference.briefsDueAt.toISOString() } : {}),
        sequence: conference.sequence,
        ...(organizerOf(registry) ? { organizer: organizerOf(registry) } : {}),
        invitees: rows.map(inviteeData),
        hosts,
        ...(issuer ? { issuer } : {}),
        ...(conference.agenda.length > 0 ? { agenda: agendaOf(conference) } : {}),
      });
      return toConferenceView(await loadConference(tx, id));
    });
  }

  async reschedule(request: RescheduleConferenceRequest): Promise<ConferenceView> {
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    assertTimeWindow(startsAt, endsAt);
    return this.transition(request.id, 'reschedule', async (tx, conference) => {
      if (conference.kind === 'EXTRAORDINARY' && conference.incidentId) {
        const incident = await tx.findOneByOrFail(IncidentEntity, { id: conference.incidentId });
        assertConvenedInTime(startsAt, incident.conveneBy);
      }
      const previousStartsAt = conference.startsAt;
      const shift = startsAt.getTime() - previousStartsAt.getTime();
      conference.startsAt = startsAt;
      conference.endsAt = endsAt;
      if (conference.briefsDueAt) conference.briefsDueAt = new Date(conference.briefsDueAt.getTime() + shift);
      conference.statusReason = request.reason;
      await tx.save(conference);
      await this.outbox.add(tx, EventTypes.conferenceRescheduled, conference.id, {
        conferenceId: conference.id,
        sequence: conference.sequence,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        previousStartsAt: previousStartsAt.toISOString(),
        ...(conference.briefsDueAt ? { briefsDueAt: conference.briefsDueAt.toISOString() } : {}),
        reason: request.reason,
      });
    });
  }

  async cancel(request: CancelConferenceRequest): Promise<ConferenceView> {
    return this.transition(request.id, 'cancel', async (tx, conference) => {
      conference.statusReason = request.reason;
      await tx.save(conference);
      await this.outbox.add(tx, EventTypes.conferenceCancelled, conference.id, {
        conferenceId: conference.id,
        sequence: conference.sequence,
        reason: request.reason,
      });
    });
  }

  async complete(id: string): Promise<ConferenceView> {
    return this.transition(id, 'complete', async (tx, conference) => {
      await tx.save(conference);
      await this.outbox.add(tx, EventTypes.conferenceCompleted, conference.id, {
        conferenceId: conference.id,
        sequence: conference.sequence,
      });
    });
  }

  /** Applies a lifecycle action under a row lock: checks the transition, bumps `sequence`, then `apply`. */
  private async transition(
    id: string,
    action: ConferenceAction,
    apply: (tx: EntityManager, conference: ConferenceEntity) => Promise<void>,
  ): Promise<ConferenceView> {
    return this.dataSource.transaction(async (tx) => {
      const conference = await lockConference(tx, id);
      conference.status = nextStatus(conference.status, action);
      conference.sequence += 1;
      await apply(tx, conference);
      return toConferenceView(await loadConference(tx, id));
    });
  }
}

/** The coordinating agency organises every conference: it is the calendar organiser and the mail's Reply-To. */
function organizerOf(registry: AgencyEntity[]): OrganizerData | undefined {
  const coordinator = registry.find((a) => a.roles.includes('COORDINATOR') && a.contacts.some((c) => c.email));
  if (!coordinator) return undefined;
  const contact =
    coordinator.contacts.find((c) => c.spokesperson && c.email) ?? coordinator.contacts.find((c) => c.email);
  return { agencyId: coordinator.id, agencyName: coordinator.name, email: contact!.email };
}
