import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsDateTimeWithOffset, Nullable, WALL_CLOCK_TIME } from '../common/validators';
import { PageQuery } from '../common/pagination';

/** `POST /conference-series`: the periodic press briefing (giao ban báo chí định kỳ) as a recurrence. */
export class CreateSeriesDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  /**
   * RFC 5545 recurrence rule, weekly at most often, e.g. `FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1`; may start with
   * `RRULE:` and follow a `DTSTART` line. Without DTSTART the series starts on the day it is created.
   */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  rrule: string;

  /** Wall-clock start time "HH:mm" in Asia/Ho_Chi_Minh. */
  @IsString()
  @Matches(WALL_CLOCK_TIME, { message: 'startTime must be a time HH:mm' })
  startTime: string;

  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  topics: string[];
}

/**
 * `PATCH /conference-series/{id}`: any of the fields of a series, validated as on creation; at least one. The
 * drafts not yet called follow the change.
 */
@JSONSchema({ example: { startTime: '14:00', venue: 'Hội trường Báo Đắk Lắk, 01 Lê Duẩn, Buôn Ma Thuột' } })
export class UpdateSeriesDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  /** As on creation; without DTSTART the changed rule starts on the day of the change. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  rrule?: string;

  @IsOptional()
  @IsString()
  @Matches(WALL_CLOCK_TIME, { message: 'startTime must be a time HH:mm' })
  startTime?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  topics?: string[];
}

/** `GET /conference-series/{id}/occurrences?from=&to=`: from defaults to now, to to one year after from. */
export class ListOccurrencesQuery extends PageQuery {
  @IsOptional()
  @IsDateTimeWithOffset()
  from?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  to?: string;
}

export interface ListOccurrencesRequest extends ListOccurrencesQuery {
  id: string;
}

export class SeriesView {
  @IsUUID()
  id: string;

  @IsString()
  title: string;

  /** The rule as stored: anchored by a DTSTART line (the creation day when none was given). */
  @IsString()
  rrule: string;

  @Matches(WALL_CLOCK_TIME)
  startTime: string;

  @IsInt()
  durationMinutes: number;

  /** Zone of `startTime` and of the rule's dates. */
  @IsString()
  timeZone: string;

  @IsString()
  venue: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];

  /** Occurrences up to here exist as PERIODIC DRAFT conferences with this `seriesId`. */
  @IsDateTimeWithOffset()
  materializedUntil: string;

  /** Set once the series was stopped: nothing more is drafted, and its drafts not yet called were removed. */
  @Nullable()
  @IsDateTimeWithOffset()
  stoppedAt: string | null;

  @IsDateTimeWithOffset()
  createdAt: string;

  @IsDateTimeWithOffset()
  updatedAt: string;
}

/** One meeting of a series; one that fell on a weekend or public holiday moved to the next working day. */
export class OccurrenceView {
  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  /** Where the rule put it, when that day was not a working day. */
  @IsOptional()
  @IsDateTimeWithOffset()
  shiftedFrom?: string;

  /** Why it moved, e.g. "Trùng Tết Nguyên Đán; chuyển sang ngày làm việc kế tiếp". */
  @IsOptional()
  @IsString()
  reason?: string;

  /** The PERIODIC conference drafted for this occurrence, once materialised. */
  @IsOptional()
  @IsUUID()
  conferenceId?: string;
}
