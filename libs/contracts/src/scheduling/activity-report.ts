import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsDateTimeWithOffset, isDateTimeWithOffset, Nullable } from '../common/validators';

/** The longest period one report covers: five years answer in seconds; longer ones are refused (400 naming `to`). */
export const ACTIVITY_REPORT_MAX_YEARS = 5;

export const ActivityReportFormats = ['json', 'csv', 'pdf'] as const;
export type ActivityReportFormat = (typeof ActivityReportFormats)[number];

/** `to` lies after `from`, and no more than ACTIVITY_REPORT_MAX_YEARS later. */
function IsPeriodEnd(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPeriodEnd',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: {
        message: `to must be after from, and at most ${ACTIVITY_REPORT_MAX_YEARS} years after it`,
      },
      validator: {
        validate(to: unknown, args) {
          const from = (args?.object as { from?: unknown } | undefined)?.from;
          if (!isDateTimeWithOffset(to) || !isDateTimeWithOffset(from)) return true; // the format rule speaks
          const end = new Date(from);
          end.setUTCFullYear(end.getUTCFullYear() + ACTIVITY_REPORT_MAX_YEARS);
          return Date.parse(to) > Date.parse(from) && Date.parse(to) <= end.getTime();
        },
      },
    });
}

/** GET /reports/activity: the period `[from, to)`; `format` is set by the gateway from the Accept header. */
export class ActivityReportQuery {
  @IsDateTimeWithOffset()
  from: string;

  @IsDateTimeWithOffset()
  @IsPeriodEnd()
  to: string;

  @IsOptional()
  @IsIn(ActivityReportFormats)
  format?: ActivityReportFormat;
}

export class ReportPeriod {
  @IsDateTimeWithOffset()
  from: string;

  @IsDateTimeWithOffset()
  to: string;
}

/** Conferences held in one month (Asia/Ho_Chi_Minh), by kind. */
export class ConferencesInMonth {
  /** "2027-03". */
  @Matches(/^\d{4}-\d{2}$/)
  month: string;

  @IsInt()
  periodic: number;

  @IsInt()
  extraordinary: number;
}

export class ConferenceFigures {
  /** Called, not cancelled, and started within the period (by the time of the report). */
  @IsInt()
  @Min(0)
  held: number;

  @IsInt()
  heldPeriodic: number;

  @IsInt()
  heldExtraordinary: number;

  /** Every month of the period, empty ones included. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConferencesInMonth)
  byMonth: ConferencesInMonth[];

  /** Cancelled conferences that were to start within the period. */
  @IsInt()
  cancelled: number;

  /** Conferences starting within the period that were moved at least once. */
  @IsInt()
  rescheduled: number;
}

export const IncidentOutcomes = ['KEPT', 'BREACHED', 'OPEN'] as const;
export type IncidentOutcome = (typeof IncidentOutcomes)[number];

/** One incident detected within the period, against the 24-hour rule. */
export class IncidentFigure {
  @IsUUID()
  incidentId: string;

  @IsString()
  title: string;

  @IsDateTimeWithOffset()
  detectedAt: string;

  @IsDateTimeWithOffset()
  conveneBy: string;

  /** When the first conference for it was called. */
  @Nullable()
  @IsDateTimeWithOffset()
  calledAt: string | null;

  /** When that conference starts (or started). */
  @Nullable()
  @IsDateTimeWithOffset()
  startsAt: string | null;

  @Nullable()
  @IsNumber()
  hoursToCall: number | null;

  @Nullable()
  @IsNumber()
  hoursToStart: number | null;

  /** KEPT: called by `conveneBy`; BREACHED: `conveneBy` passed without that; OPEN: the 24 hours still run. */
  @IsIn(IncidentOutcomes)
  outcome: IncidentOutcome;
}

export class IncidentFigures {
  @IsInt()
  detected: number;

  @IsInt()
  kept: number;

  @IsInt()
  breached: number;

  @IsInt()
  open: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IncidentFigure)
  items: IncidentFigure[];
}

/** Brief requests due within the period (those withdrawn because their conference was cancelled are left out). */
export class BriefFigures {
  @IsInt()
  requested: number;

  /** First submitted by the due time. */
  @IsInt()
  onTime: number;

  @IsInt()
  late: number;

  /** Due time passed with nothing submitted and nothing declared. */
  @IsInt()
  missing: number;

  /** Closed by the agency with nothing to report. */
  @IsInt()
  nothingToReport: number;

  /** Times a brief was returned for revision. */
  @IsInt()
  returned: number;
}

/** Invitations to conferences starting within the period (the first notice of each invitee). */
export class InvitationFigures {
  @IsInt()
  invited: number;

  @IsInt()
  delivered: number;

  @IsInt()
  failed: number;

  @IsInt()
  accepted: number;

  @IsInt()
  declined: number;

  @IsInt()
  delegated: number;

  /** Delivered, never answered. */
  @IsInt()
  silent: number;
}

export class AgencyActivity {
  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  /** A press organ (its figures are also summed under `invitations.press`). */
  @IsBoolean()
  press: boolean;

  @ValidateNested()
  @Type(() => BriefFigures)
  briefs: BriefFigures;

  @ValidateNested()
  @Type(() => InvitationFigures)
  invitations: InvitationFigures;
}

export class InvitationTotals {
  /** Invitees other than the press. */
  @ValidateNested()
  @Type(() => InvitationFigures)
  agencies: InvitationFigures;

  @ValidateNested()
  @Type(() => InvitationFigures)
  press: InvitationFigures;
}

/** Obstacle reports made within the period, by their state now. */
export class ObstacleReportFigures {
  @IsInt()
  total: number;

  @IsInt()
  open: number;

  @IsInt()
  forwarded: number;

  @IsInt()
  resolved: number;
}

/** Information offered within the period, by its state now. */
export class InformationOfferFigures {
  @IsInt()
  total: number;

  @IsInt()
  offered: number;

  @IsInt()
  included: number;

  @IsInt()
  calledExtraordinary: number;

  @IsInt()
  declined: number;
}

@JSONSchema({ example: activityReportExample() })
export class ActivityReport {
  @ValidateNested()
  @Type(() => ReportPeriod)
  period: ReportPeriod;

  @IsDateTimeWithOffset()
  generatedAt: string;

  @ValidateNested()
  @Type(() => ConferenceFigures)
  conferences: ConferenceFigures;

  @ValidateNested()
  @Type(() => IncidentFigures)
  incidents: IncidentFigures;

  /** Every agency with a brief request or an invitation in the period, by name. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgencyActivity)
  agencies: AgencyActivity[];

  @ValidateNested()
  @Type(() => InvitationTotals)
  invitations: InvitationTotals;

  @ValidateNested()
  @Type(() => ObstacleReportFigures)
  obstacleReports: ObstacleReportFigures;

  @ValidateNested()
  @Type(() => InformationOfferFigures)
  informationOffers: InformationOfferFigures;
}

/** A month with one periodic conference and one incident kept, as the OpenAPI example. */
function activityReportExample(): object {
  const invitations = { invited: 12, delivered: 12, failed: 0, accepted: 9, declined: 1, delegated: 1, silent: 1 };
  return {
    period: { from: '2027-03-01T00:00:00+07:00', to: '2027-04-01T00:00:00+07:00' },
    generatedAt: '2027-04-02T08:00:00+07:00',
    conferences: {
      held: 2,
      heldPeriodic: 1,
      heldExtraordinary: 1,
      byMonth: [{ month: '2027-03', periodic: 1, extraordinary: 1 }],
      cancelled: 0,
      rescheduled: 1,
    },
    incidents: {
      detected: 1,
      kept: 1,
      breached: 0,
      open: 0,
      items: [
        {
          incidentId: '0f5a2c9e-4b7d-4e1a-9c3b-2d8e6f1a7b40',
          title: 'Tụ tập đông người tại xã Ea Súp',
          detectedAt: '2027-03-02T08:15:00+07:00',
          conveneBy: '2027-03-03T08:15:00+07:00',
          calledAt: '2027-03-02T11:00:00+07:00',
          startsAt: '2027-03-02T16:00:00+07:00',
          hoursToCall: 2.75,
          hoursToStart: 7.75,
          outcome: 'KEPT',
        },
      ],
    },
    agencies: [
      {
        agencyId: '3f2c1a4e-8b1d-4c6e-9a0f-5d7e2b1c4a90',
        agencyName: 'Công an tỉnh',
        press: false,
        briefs: { requested: 2, onTime: 1, late: 1, missing: 0, nothingToReport: 0, returned: 1 },
        invitations: { invited: 2, delivered: 2, failed: 0, accepted: 2, declined: 0, delegated: 0, silent: 0 },
      },
    ],
    invitations: { agencies: invitations, press: { ...invitations, invited: 6, delivered: 6, accepted: 3 } },
    obstacleReports: { total: 1, open: 0, forwarded: 1, resolved: 0 },
    informationOffers: { total: 2, offered: 0, included: 1, calledExtraordinary: 1, declined: 0 },
  };
}
