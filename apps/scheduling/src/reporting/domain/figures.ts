import { DateTime } from 'luxon';
import type {
  ActivityReport,
  AgencyActivity,
  BriefFigures,
  ConferenceFigures,
  ConferencesInMonth,
  IncidentFigure,
  IncidentFigures,
  InvitationFigures,
} from '@pressconf/contracts';
import type { BriefRequestRow, ConferenceRow, InviteeRow, ProjectedRows } from './projected-rows';

export interface ReportPeriodDates {
  from: Date;
  to: Date;
}

const HOUR_MS = 3_600_000;

const within = (at: Date, period: ReportPeriodDates) =>
  at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();

/** Hours between two instants, to two decimals. */
const hoursBetween = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 100) / 100;

/** The plan's figures over `[from, to)` as they stand at `now`; times are written in `zone`. */
/** Requests the agency no longer owed: the conference was cancelled, or its invitation withdrawn. */
const WITHDRAWN: ReadonlySet<string> = new Set(['CONFERENCE_CANCELLED', 'INVITATION_WITHDRAWN']);

export function activityFigures(
  rows: ProjectedRows,
  period: ReportPeriodDates,
  now: Date,
  zone: string,
): ActivityReport {
  const iso = (at: Date) => DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }) as string;
  const inPeriod = rows.conferences.filter((c) => within(c.startsAt, period));
  const current = inPeriod.filter((c) => !c.cancelledAt);
  const currentIds = new Set(current.map((c) => c.conferenceId));
  const invitees = rows.invitees.filter((i) => currentIds.has(i.conferenceId) && !i.removedAt && i.agencyId);
  const requests = rows.briefRequests.filter((r) => within(r.dueAt, period) && !WITHDRAWN.has(r.closedReason ?? ''));
  return {
    period: { from: iso(period.from), to: iso(period.to) },
    generatedAt: iso(now),
    conferences: conferenceFigures(inPeriod, period, now, zone),
    incidents: incidentFigures(rows, period, now, iso),
    agencies: agencyActivities(rows, invitees, requests, now),
    invitations: {
      agencies: invitationFigures(invitees.filter((i) => !pressOf(rows, i))),
      press: invitationFigures(invitees.filter((i) => pressOf(rows, i))),
    },
    obstacleReports: {
      total: rows.obstacleStatuses.length,
      open: rows.obstacleStatuses.filter((s) => s === 'OPEN').length,
      forwarded: rows.obstacleStatuses.filter((s) => s === 'FORWARDED').length,
      resolved: rows.obstacleStatuses.filter((s) => s === 'RESOLVED').length,
    },
    informationOffers: {
      total: rows.offerStatuses.length,
      offered: rows.offerStatuses.filter((s) => s === 'OFFERED').length,
      included: rows.offerStatuses.filter((s) => s === 'INCLUDED').length,
      calledExtraordinary: rows.offerStatuses.filter((s) => s === 'CALLED_EXTRAORDINARY').length,
      declined: rows.offerStatuses.filter((s) => s === 'DECLINED').length,
    },
  };
}

/** "Held": called, not cancelled, and started by now. */
function conferenceFigures(
  inPeriod: ConferenceRow[],
  period: ReportPeriodDates,
  now: Date,
  zone: string,
): ConferenceFigures {
  const held = inPeriod.filter((c) => !c.cancelledAt && c.startsAt.getTime() <= now.getTime());
  const byMonth = monthsOf(period, zone).map((month): ConferencesInMonth => ({ month, periodic: 0, extraordinary: 0 }));
  for (const conference of held) {
    const month = DateTime.fromJSDate(conference.startsAt, { zone }).toFormat('yyyy-MM');
    const bucket = byMonth.find((m) => m.month === month);
    if (bucket) bucket[conference.kind === 'PERIODIC' ? 'periodic' : 'extraordinary'] += 1;
  }
  return {
    held: held.length,
    heldPeriodic: held.filter((c) => c.kind === 'PERIODIC').length,
    heldExtraordinary: held.filter((c) => c.kind === 'EXTRAORDINARY').length,
    byMonth,
    cancelled: inPeriod.filter((c) => c.cancelledAt).length,
    rescheduled: inPeriod.filter((c) => c.reschedules > 0).length,
  };
}

/** Every calendar month `[from, to)` touches, in `zone`: "2027-03". */
export function monthsOf(period: ReportPeriodDates, zone: string): string[] {
  const months: string[] = [];
  const last = DateTime.fromMillis(period.to.getTime() - 1, { zone }).startOf('month');
  for (let month = DateTime.fromJSDate(period.from, { zone }).startOf('month'); month <= last;) {
    months.push(month.toFormat('yyyy-MM'));
    month = month.plus({ months: 1 });
  }
  return months;
}

/** As scheduling judges the rule (incidents/domain/convening.ts): kept when called by `conveneBy`. */
function incidentFigures(
  rows: ProjectedRows,
  period: ReportPeriodDates,
  now: Date,
  iso: (at: Date) => string,
): IncidentFigures {
  const items = rows.incidents
    .filter((incident) => within(incident.detectedAt, period))
    .sort((a, b) => a.detectedAt.getTime() - b.detectedAt.getTime())
    .map((incident): IncidentFigure => {
      const first = rows.conferences
        .filter((c) => c.incidentId === incident.incidentId)
        .sort((a, b) => a.calledAt.getTime() - b.calledAt.getTime())[0];
      const kept = first !== undefined && first.calledAt.getTime() <= incident.conveneBy.getTime();
      const breached = !kept && incident.conveneBy.getTime() < now.getTime();
      return {
        incidentId: incident.incidentId,
        title: incident.title,
        detectedAt: iso(incident.detectedAt),
        conveneBy: iso(incident.conveneBy),
        calledAt: first ? iso(first.calledAt) : null,
        startsAt: first ? iso(first.startsAt) : null,
        hoursToCall: first ? hoursBetween(incident.detectedAt, first.calledAt) : null,
        hoursToStart: first ? hoursBetween(incident.detectedAt, first.startsAt) : null,
        outcome: kept ? 'KEPT' : breached ? 'BREACHED' : 'OPEN',
      };
    });
  return {
    detected: items.length,
    kept: items.filter((i) => i.outcome === 'KEPT').length,
    breached: items.filter((i) => i.outcome === 'BREACHED').length,
    open: items.filter((i) => i.outcome === 'OPEN').length,
    items,
  };
}

function pressOf(rows: ProjectedRows, invitee: InviteeRow): boolean {
  return rows.agencies.find((a) => a.agencyId === invitee.agencyId)?.press ?? invitee.press ?? false;
}

export function invitationFigures(invitees: InviteeRow[]): InvitationFigures {
  return {
    invited: invitees.length,
    delivered: invitees.filter((i) => i.deliveredAt).length,
    failed: invitees.filter((i) => i.failedAt && !i.deliveredAt).length,
    accepted: invitees.filter((i) => i.response === 'ACCEPT').length,
    declined: invitees.filter((i) => i.response === 'DECLINE').length,
    delegated: invitees.filter((i) => i.response === 'DELEGATE').length,
    silent: invitees.filter((i) => i.deliveredAt && !i.response).length,
  };
}

/** On time: first submitted by the due time; missing: due time passed with nothing submitted or declared. */
export function briefFigures(requests: BriefRequestRow[], now: Date): BriefFigures {
  const submitted = requests.filter((r) => r.firstSubmittedAt);
  return {
    requested: requests.length,
    onTime: submitted.filter((r) => (r.firstSubmittedAt as Date).getTime() <= r.dueAt.getTime()).length,
    late: submitted.filter((r) => (r.firstSubmittedAt as Date).getTime() > r.dueAt.getTime()).length,
    missing: requests.filter((r) => !r.firstSubmittedAt && !r.closedReason && r.dueAt.getTime() < now.getTime()).length,
    nothingToReport: requests.filter((r) => !r.firstSubmittedAt && r.closedReason === 'NOTHING_TO_REPORT').length,
    returned: requests.reduce((sum, r) => sum + r.returns, 0),
  };
}

function agencyActivities(
  rows: ProjectedRows,
  invitees: InviteeRow[],
  requests: BriefRequestRow[],
  now: Date,
): AgencyActivity[] {
  const ids = new Set([...requests.map((r) => r.agencyId), ...invitees.map((i) => i.agencyId as string)]);
  return [...ids]
    .map((agencyId): AgencyActivity => {
      const own = invitees.filter((i) => i.agencyId === agencyId);
      const agency = rows.agencies.find((a) => a.agencyId === agencyId);
      return {
        agencyId,
        agencyName: agency?.name ?? own.find((i) => i.agencyName)?.agencyName ?? agencyId,
        press: agency?.press ?? own.some((i) => i.press),
        briefs: briefFigures(
          requests.filter((r) => r.agencyId === agencyId),
          now,
        ),
        invitations: invitationFigures(own),
      };
    })
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
}
