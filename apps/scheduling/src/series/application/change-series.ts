import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import {
  NotFoundError,
  SeriesView,
  StateConflictError,
  UpdateSeriesDto,
  ValidationFailedError,
} from '@pressconf/contracts';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';
import type { SchedulingConfig } from '../../config';
import { ConferenceEntity } from '../../conferences/infrastructure/conference.entity';
import { followSeries, SeriesLook } from '../domain/draft-follow';
import { anchoredRule, listOccurrences, parseRrule } from '../domain/occurrences';
import { SeriesEntity } from '../infrastructure/series.entity';
import { scheduleOf, SeriesService, toSeriesView } from './series.service';

const DAY_MS = 86_400_000;
/** Around the drafts concerned, so that an occurrence a holiday moved still finds its day. */
const MARGIN_DAYS = 31;
const FIELDS = ['title', 'rrule', 'startTime', 'durationMinutes', 'venue', 'topics'] as const;

/**
 * PATCH /conference-series/{id} and POST /conference-series/{id}/stop. Drafts have not been announced to anyone
 * (no event names them), so they follow a change, or go with a stop, without a word; called conferences stay.
 */
@Injectable()
export class ChangeSeries {
  private readonly horizonDays = this.config.get('SERIES_HORIZON_DAYS', { infer: true });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly series: SeriesService,
    private readonly config: ConfigService<SchedulingConfig, true>,
  ) {}

  async update(request: UpdateSeriesDto & { id: string }): Promise<SeriesView> {
    if (FIELDS.every((field) => request[field] === undefined)) {
      throw new ValidationFailedError([{ field: '(body)', message: `must give at least one of ${FIELDS.join(', ')}` }]);
    }
    const zone = this.calendar.zone;
    if (request.rrule !== undefined) parseRrule(request.rrule, zone);
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const series = await this.lockRunning(tx, request.id);
      const before = { ...series };
      Object.assign(series, {
        title: request.title?.trim() ?? series.title,
        rrule:
          request.rrule === undefined ? series.rrule : anchoredRule(request.rrule, DateTime.fromJSDate(now, { zone })),
        startTime: request.startTime ?? series.startTime,
        durationMinutes: request.durationMinutes ?? series.durationMinutes,
        venue: request.venue?.trim() ?? series.venue,
        topics: request.topics?.map((topic) => topic.trim()) ?? series.topics,
      });
      await this.followDrafts(tx, before, series, now);
      await tx.save(series);
      await this.series.materialize(tx, series, now);
      return toSeriesView(await tx.findOneByOrFail(SeriesEntity, { id: series.id }));
    });
  }

  async stop(id: string): Promise<SeriesView> {
    return this.dataSource.transaction(async (tx) => {
      const series = await this.lockRunning(tx, id);
      series.stoppedAt = new Date();
      await tx.save(series);
      await tx.delete(ConferenceEntity, { seriesId: id, status: 'DRAFT' });
      return toSeriesView(await tx.findOneByOrFail(SeriesEntity, { id }));
    });
  }

  /** The series under its row lock (the materializer takes the same), refused once stopped. */
  private async lockRunning(tx: EntityManager, id: string): Promise<SeriesEntity> {
    const series = await tx.findOne(SeriesEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!series) throw new NotFoundError('Series', id);
    if (series.stoppedAt) {
      throw new StateConflictError(`The series was stopped at ${series.stoppedAt.toISOString()}`, 'STOPPED');
    }
    return series;
  }

  /** Its drafts from now on, not yet called, follow the change (domain/draft-follow.ts). */
  private async followDrafts(tx: EntityManager, before: SeriesEntity, after: SeriesEntity, now: Date): Promise<void> {
    const drafts = await tx.find(ConferenceEntity, {
      where: { seriesId: after.id, status: 'DRAFT', startsAt: MoreThanOrEqual(now), seriesOccurrence: Not(IsNull()) },
    });
    if (drafts.length === 0) return;
    const times = drafts.flatMap((d) => [d.seriesOccurrence!.getTime(), d.startsAt.getTime()]);
    const from = new Date(Math.min(now.getTime(), ...times) - MARGIN_DAYS * DAY_MS);
    const to = new Date(Math.max(now.getTime() + this.horizonDays * DAY_MS, ...times) + MARGIN_DAYS * DAY_MS);
    const look = (series: SeriesEntity): SeriesLook => ({
      title: series.title,
      venue: series.venue,
      topics: series.topics,
      occurrences: listOccurrences(scheduleOf(series), from, to, this.calendar),
    });
    const plan = followSeries(
      drafts.map((d) => ({ ...d, seriesOccurrence: d.seriesOccurrence! })),
      look(before),
      look(after),
      after.timeZone,
    );
    if (plan.remove.length > 0) await tx.delete(ConferenceEntity, { id: In(plan.remove) });
    for (const { id, changes } of plan.update) await tx.update(ConferenceEntity, { id }, changes);
  }
}
