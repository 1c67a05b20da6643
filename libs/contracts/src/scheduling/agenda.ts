import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';

export const MAX_AGENDA_ITEMS = 50;

/** One item of the agenda as asked for; a presenter from an agency must be one of its spokespersons. */
export class AgendaItemDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  /** The agency that presents; without `presenterName`, its spokesperson (người phát ngôn) in the registry. */
  @IsOptional()
  @IsUUID()
  presenterAgencyId?: string;

  /** With `presenterAgencyId`, the name of one of that agency's spokespersons; alone, anyone (e.g. a chair). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  presenterName?: string;

  @IsInt()
  @Min(1)
  @Max(480)
  durationMinutes: number;
}

/** `PUT /conferences/{id}/agenda`: the whole agenda, in order; an empty list clears it. */
export class SetAgendaDto {
  @IsArray()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  items: AgendaItemDto[];
}

export interface SetAgendaRequest extends SetAgendaDto {
  id: string;
}

/** One item of a conference's agenda as shown and as announced in `scheduling.conference.called.v1`. */
export class AgendaItem {
  @IsString()
  @IsNotEmpty()
  title: string;

  @IsOptional()
  @IsUUID()
  presenterAgencyId?: string;

  @IsOptional()
  @IsString()
  presenterAgencyName?: string;

  @IsOptional()
  @IsString()
  presenterName?: string;

  @IsOptional()
  @IsString()
  presenterTitle?: string;

  @IsInt()
  @Min(1)
  durationMinutes: number;

  /** The conference's start plus the items before this one: it follows a reschedule. */
  @IsDateTimeWithOffset()
  startsAt: string;
}
