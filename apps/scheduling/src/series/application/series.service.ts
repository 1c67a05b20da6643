import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThanOrEqual } from 'typeorm';
import {
  CreateSeriesDto,
  ListOccurrencesRequest,
  NotFoundError,
  OccurrenceView,
  Page,
  SeriesView,
} from '@pressconf/contracts';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';
import { ConferenceEntity } from '../../conferences/infrastructure/conference.entity';
import { occurrenceDrafts, untakenDrafts } from '../domain/materialization';
import { anchoredRule, listOccurrences, parseRrule, SeriesSchedule } from '../domain/occurrences';
import { SeriesEntity } from '../infrastructure/series.entity';
import type { SchedulingConfig } from '../../config';
import { ConfigService } from '@nestjs/config';

const DAY_MS = 86_400_000;
/** Listing window when `to` is not given. */
const DEFAULT_WINDOW_DAYS = 366;
/** Further back than any holiday moves an occurrence: the keys of conferences that may share a day with a new one. */
const LONGEST_SHIFT_DAYS = 31;

@Injectable()
export class SeriesService {
  /** How far ahead occurrences exist as draft conferences. */
  private readonly horizonDays = this.config.get('SERIES_HORIZON_DAYS', { infer: true });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly config: ConfigService<SchedulingConfig, true>,
  ) {}

  /** Stores the series and drafts its occurrences within the horizon at once. */
  async create(dto: CreateSeriesDto): Promise<SeriesView> {
    const zone = this.calendar.zone;
    parseRrule(dto.rrule, zone);
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const series = tx.create(SeriesEntity, {
        id: randomUUID(),
        title: dto.title.trim(),
        rrule: anchoredRule(dto.rrule, DateTime.fromJSDate(now, { zone })),
        startTime: dto.startTime,
        durationMinutes: dto.durationMinutes,
        timeZone: zone,
        venue: dto.venue.trim(),
        topics: dto.topics.map((topic) => topic.trim()),
        // Nothing is drafted yet: drafts exist up to now.
        materializedUntil: now,
      });
      await tx.insert(SeriesEntity, series);
      await this.materialize(tx, series, now);
      return toSeriesView(await tx.findOneByOrFail(SeriesEntity, { id: series.id }));
    });
  }

  async get(id: string): Promise<SeriesView> {
    return toSeriesView(await this.find(this.dataSource.manager, id));
  }

  /** Occurrences within the window, each with the draft conference materialised for it, if any. */
  async occurrences(request: ListOccurrencesRequest): Promise<Page<OccurrenceView>> {
    const page = request.page ?? 1;
    const pageSize = request.pageSize ?? 20;
    const series = await this.find(this.dataSource.manager, request.id);
    const from = request.from ? new Date(request.from) : new Date();
    const to = request.to ? new Date(request.to) : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS);
    const all = listOccurrences(scheduleOf(series), from, to, this.calendar);
    const shown = all.slice((page - 1) * pageSize, page * pageSize);

    const keys = shown.map((o) => o.shiftedFrom ?? o.startsAt);
    const drafts = keys.length
      ? await this.dataSource.manager.find(ConferenceEntity, {
          where: { seriesId: series.id, seriesOccurrence: In(keys) },
          select: { id: true, seriesOccurrence: true },
        })
      : [];
    const draftOf = new Map(drafts.map((d) => [d.seriesOccurrence!.getTime(), d.id]));

    const items = shown.map((o): OccurrenceView => {
      const conferenceId = draftOf.get((o.shiftedFrom ?? o.startsAt).getTime());
      return {
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        ...(o.shiftedFrom ? { shiftedFrom: o.shiftedFrom.toISOString(), reason: o.reason } : {}),
        ...(conferenceId ? { conferenceId } : {}),
      };
    });
    return { items, page, pageSize, total: all.length };
  }

  /** Drafts every running series' occurrences up to the horizon; returns how many drafts were added. */
  async materializeAll(now = new Date()): Promise<number> {
    const ids = await this.dataSource
      .getRepository(SeriesEntity)
      .find({ select: { id: true }, where: { stoppedAt: IsNull() } });
    let added = 0;
    for (const { id } of ids) {
      added += await this.dataSource.transaction(async (tx) => {
        const series = await tx.findOne(SeriesEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        return series && !series.stoppedAt ? this.materialize(tx, series, now) : 0;
      });
    }
    return added;
  }

  /**
   * Inserts a PERIODIC draft for each occurrence from now to the horizon whose day has no conference of the series
   * yet. The unique (series, occurrence) key makes it idempotent: a draft that was rescheduled or cancelled is not
   * drafted again, nor, after the series' time changed, one on the same day.
   */
  async materialize(tx: EntityManager, series: SeriesEntity, now: Date): Promise<number> {
    const until = new Date(now.getTime() + this.horizonDays * DAY_MS);
    const occurrences = listOccurrences(scheduleOf(series), now, until, this.calendar);
    const taken = await tx.find(ConferenceEntity, {
      where: {
        seriesId: series.id,
        seriesOccurrence: MoreThanOrEqual(new Date(now.getTime() - LONGEST_SHIFT_DAYS * DAY_MS)),
      },
      select: { id: true, seriesOccurrence: true },
    });
    const drafts = untakenDrafts(
      occurrenceDrafts(series.title, occurrences, series.timeZone),
      taken.map((c) => c.seriesOccurrence!),
      series.timeZone,
    );
    let added = 0;
    if (drafts.length > 0) {
      const result = await tx
        .createQueryBuilder()
        .insert()
        .into(ConferenceEntity)
        .values(
          drafts.map((draft) => ({
            id: randomUUID(),
            kind: 'PERIODIC' as const,
            status: 'DRAFT' as const,
            title: draft.title,
            startsAt: draft.startsAt,
            endsAt: draft.endsAt,
            venue: series.venue,
            topics: series.topics,
            seriesId: series.id,
            seriesOccurrence: draft.seriesOccurrence,
            sequence: 0,
          })),
        )
        .orIgnore()
        .returning('id')
        .execute();
      added = (result.raw as unknown[]).length;
    }
    await tx.update(SeriesEntity, series.id, { materializedUntil: until });
    return added;
  }

  private async find(tx: EntityManager, id: string): Promise<SeriesEntity> {
    const series = await tx.findOneBy(SeriesEntity, { id });
    if (!series) throw new NotFoundError('Series', id);
    return series;
  }
}

export function scheduleOf(series: SeriesEntity): SeriesSchedule {
  return {
    rrule: series.rrule,
    startTime: series.startTime,
    durationMinutes: series.durationMinutes,
    zone: series.timeZone,
  };
}

export function toSeriesView(s: SeriesEntity): SeriesView {
  return {
    id: s.id,
    title: s.title,
    rrule: s.rrule,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    timeZone: s.timeZone,
    venue: s.venue,
    topics: s.topics,
    materializedUntil: s.materializedUntil.toISOString(),
    stoppedAt: s.stoppedAt ? s.stoppedAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
