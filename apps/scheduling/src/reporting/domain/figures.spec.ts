import { activityFigures, monthsOf } from './figures';
import type { ConferenceRow, InviteeRow, ProjectedRows } from './projected-rows';

const ZONE = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);
const MARCH = { from: at('2027-03-01T00:00:00+07:00'), to: at('2027-04-01T00:00:00+07:00') };
const NOW = at('2027-04-02T08:00:00+07:00');
const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'a0000000-0000-4000-8000-000000000002';
const PRESS = 'a0000000-0000-4000-8000-000000000003';

function conference(id: string, overrides: Partial<ConferenceRow> = {}): ConferenceRow {
  return {
    conferenceId: id,
    kind: 'PERIODIC',
    title: id,
    incidentId: null,
    calledAt: at('2027-03-01T09:00:00+07:00'),
    startsAt: at('2027-03-15T09:00:00+07:00'),
    reschedules: 0,
    cancelledAt: null,
    ...overrides,
  };
}

function invitee(id: string, conferenceId: string, agencyId: string, overrides: Partial<InviteeRow> = {}): InviteeRow {
  return {
    inviteeId: id,
    conferenceId,
    agencyId,
    agencyName: null,
    press: null,
    removedAt: null,
    deliveredAt: at('2027-03-01T09:05:00+07:00'),
    failedAt: null,
    response: null,
    ...overrides,
  };
}

const rows: ProjectedRows = {
  conferences: [
    conference('c1'),
    conference('c2', { startsAt: at('2027-03-31T23:30:00+07:00'), reschedules: 1 }),
    conference('c3', { cancelledAt: at('2027-03-10T00:00:00+07:00') }),
    conference('c4', { startsAt: at('2027-04-01T00:00:00+07:00') }),
    conference('x1', {
      kind: 'EXTRAORDINARY',
      incidentId: 'i1',
      calledAt: at('2027-03-02T11:00:00+07:00'),
      startsAt: at('2027-03-02T16:00:00+07:00'),
    }),
    conference('x2', {
      kind: 'EXTRAORDINARY',
      incidentId: 'i2',
      calledAt: at('2027-03-07T09:00:00+07:00'),
      startsAt: at('2027-03-07T15:00:00+07:00'),
    }),
  ],
  incidents: [
    {
      incidentId: 'i1',
      title: 'Kept',
      detectedAt: at('2027-03-02T08:15:00+07:00'),
      conveneBy: at('2027-03-03T08:15:00+07:00'),
    },
    {
      incidentId: 'i2',
      title: 'Late',
      detectedAt: at('2027-03-05T09:00:00+07:00'),
      conveneBy: at('2027-03-06T09:00:00+07:00'),
    },
    {
      incidentId: 'i3',
      title: 'Open',
      detectedAt: at('2027-03-31T20:00:00+07:00'),
      conveneBy: at('2027-04-01T20:00:00+07:00'),
    },
  ].map((i) => ({ ...i, conveneBy: i.incidentId === 'i3' ? at('2027-04-05T00:00:00+07:00') : i.conveneBy })),
  invitees: [
    invitee('v1', 'c1', A, { response: 'ACCEPT' }),
    invitee('v2', 'c1', B, { response: 'DECLINE' }),
    invitee('v3', 'c1', PRESS, { response: 'DELEGATE', press: true }),
    invitee('v4', 'c2', A),
    invitee('v5', 'c2', B, { deliveredAt: null, failedAt: at('2027-03-02T00:00:00+07:00') }),
    invitee('v6', 'c2', A, { removedAt: at('2027-03-03T00:00:00+07:00') }),
    invitee('v7', 'c3', A, { response: 'ACCEPT' }),
  ],
  briefRequests: [
    {
      requestId: 'r1',
      conferenceId: 'c1',
      agencyId: A,
      dueAt: at('2027-03-12T17:00:00+07:00'),
      firstSubmittedAt: at('2027-03-11T10:00:00+07:00'),
      returns: 1,
      closedReason: null,
    },
    {
      requestId: 'r2',
      conferenceId: 'c1',
      agencyId: B,
      dueAt: at('2027-03-12T17:00:00+07:00'),
      firstSubmittedAt: at('2027-03-13T10:00:00+07:00'),
      returns: 0,
      closedReason: null,
    },
    {
      requestId: 'r3',
      conferenceId: 'c2',
      agencyId: A,
      dueAt: at('2027-03-28T17:00:00+07:00'),
      firstSubmittedAt: null,
      returns: 0,
      closedReason: null,
    },
    {
      requestId: 'r4',
      conferenceId: 'c2',
      agencyId: B,
      dueAt: at('2027-03-28T17:00:00+07:00'),
      firstSubmittedAt: null,
      returns: 0,
      closedReason: 'NOTHING_TO_REPORT',
    },
    {
      requestId: 'r5',
      conferenceId: 'c3',
      agencyId: B,
      dueAt: at('2027-03-08T17:00:00+07:00'),
      firstSubmittedAt: null,
      returns: 0,
      closedReason: 'CONFERENCE_CANCELLED',
    },
  ],
  agencies: [
    { agencyId: A, name: 'Công an tỉnh', press: false },
    { agencyId: B, name: 'Sở Y tế', press: false },
    { agencyId: PRESS, name: 'Báo Đắk Lắk', press: true },
  ],
  obstacleStatuses: ['OPEN', 'FORWARDED', 'RESOLVED', 'RESOLVED'],
  offerStatuses: ['OFFERED', 'INCLUDED', 'CALLED_EXTRAORDINARY', 'DECLINED', 'DECLINED'],
};

describe('activityFigures', () => {
  const report = activityFigures(rows, MARCH, NOW, ZONE);

  it('counts conferences held by kind and month, and the cancelled and rescheduled ones of the period', () => {
    expect(report.conferences).toEqual({
      held: 4,
      heldPeriodic: 2,
      heldExtraordinary: 2,
      byMonth: [{ month: '2027-03', periodic: 2, extraordinary: 2 }],
      cancelled: 1,
      rescheduled: 1,
    });
  });

  it('judges each incident against the 24-hour rule as scheduling does', () => {
    expect(report.incidents).toMatchObject({ detected: 3, kept: 1, breached: 1, open: 1 });
    expect(report.incidents.items[0]).toEqual({
      incidentId: 'i1',
      title: 'Kept',
      detectedAt: '2027-03-02T08:15:00+07:00',
      conveneBy: '2027-03-03T08:15:00+07:00',
      calledAt: '2027-03-02T11:00:00+07:00',
      startsAt: '2027-03-02T16:00:00+07:00',
      hoursToCall: 2.75,
      hoursToStart: 7.75,
      outcome: 'KEPT',
    });
    expect(report.incidents.items[1]).toMatchObject({ hoursToCall: 48, hoursToStart: 54, outcome: 'BREACHED' });
    expect(report.incidents.items[2]).toMatchObject({ calledAt: null, hoursToCall: null, outcome: 'OPEN' });
  });

  it('counts briefs per agency: on time, late, missing, nothing to report, returns; withdrawn ones left out', () => {
    const [press, police, health] = report.agencies;
    expect(police.agencyName).toBe('Công an tỉnh');
    expect(police.briefs).toEqual({ requested: 2, onTime: 1, late: 0, missing: 1, nothingToReport: 0, returned: 1 });
    expect(health.briefs).toEqual({ requested: 2, onTime: 0, late: 1, missing: 0, nothingToReport: 1, returned: 0 });
    expect(press).toMatchObject({ agencyName: 'Báo Đắk Lắk', press: true });
  });

  it('counts invitations of the current invitees of conferences not cancelled, the press apart', () => {
    expect(report.invitations.agencies).toEqual({
      invited: 4,
      delivered: 3,
      failed: 1,
      accepted: 1,
      declined: 1,
      delegated: 0,
      silent: 1,
    });
    expect(report.invitations.press).toEqual({
      invited: 1,
      delivered: 1,
      failed: 0,
      accepted: 0,
      declined: 0,
      delegated: 1,
      silent: 0,
    });
  });

  it('counts obstacle reports and offers by state', () => {
    expect(report.obstacleReports).toEqual({ total: 4, open: 1, forwarded: 1, resolved: 2 });
    expect(report.informationOffers).toEqual({
      total: 5,
      offered: 1,
      included: 1,
      calledExtraordinary: 1,
      declined: 2,
    });
  });

  it('does not count a conference as held before it starts', () => {
    const early = activityFigures(rows, MARCH, at('2027-03-10T00:00:00+07:00'), ZONE);
    expect(early.conferences.held).toBe(2);
  });
});

describe('monthsOf', () => {
  it('lists every month the period touches, in the display zone', () => {
    const quarter = { from: at('2027-01-01T00:00:00+07:00'), to: at('2027-04-01T00:00:00+07:00') };
    expect(monthsOf(quarter, ZONE)).toEqual(['2027-01', '2027-02', '2027-03']);
    // 2027-02-28T20:00Z is already 1 March in Vietnam.
    expect(monthsOf({ from: at('2027-02-28T20:00:00Z'), to: at('2027-03-02T00:00:00Z') }, ZONE)).toEqual(['2027-03']);
  });
});
