import { reasonNotToSend } from './send-rules';

const now = new Date('2027-03-10T00:00:00Z');
const later = new Date('2027-03-15T02:00:00Z');
const earlier = new Date('2027-03-01T02:00:00Z');
const called = { status: 'CALLED' as const, startsAt: later };
const cancelled = { status: 'CANCELLED' as const, startsAt: later };

describe('reasonNotToSend', () => {
  it('sends nothing but the cancellation notice for a cancelled conference', () => {
    for (const kind of [
      'INVITATION',
      'INVITATION_UPDATED',
      'INVITATION_URGENT_REMINDER',
      'BRIEF_REQUEST',
      'BRIEF_REMINDER',
      'BRIEF_OVERDUE',
      'BRIEFING_PACK',
    ] as const) {
      expect(reasonNotToSend(kind, { conference: cancelled }, now)).toBe('the conference was cancelled');
    }
    expect(reasonNotToSend('INVITATION_CANCELLED', { conference: cancelled }, now)).toBeUndefined();
  });

  it('reminds an urgent invitee only while they have not answered and the conference has not started', () => {
    expect(reasonNotToSend('INVITATION_URGENT_REMINDER', { conference: called, rsvp: 'PENDING' }, now)).toBeUndefined();
    expect(reasonNotToSend('INVITATION_URGENT_REMINDER', { conference: called, rsvp: 'DECLINE' }, now)).toBe(
      'the invitee has answered',
    );
    expect(
      reasonNotToSend(
        'INVITATION_URGENT_REMINDER',
        { conference: { ...called, startsAt: earlier }, rsvp: 'PENDING' },
        now,
      ),
    ).toBe('the conference has started');
  });

  it('reminds an invitee who attends or has not answered, before the start', () => {
    expect(reasonNotToSend('INVITATION_REMINDER', { conference: called, rsvp: 'ACCEPT' }, now)).toBeUndefined();
    expect(reasonNotToSend('INVITATION_REMINDER', { conference: called, rsvp: 'PENDING' }, now)).toBeUndefined();
    for (const rsvp of ['DECLINE', 'DELEGATE'] as const) {
      expect(reasonNotToSend('INVITATION_REMINDER', { conference: called, rsvp }, now)).toBe(
        'the invitee will not attend',
      );
    }
    expect(
      reasonNotToSend('INVITATION_REMINDER', { conference: { ...called, startsAt: earlier }, rsvp: 'ACCEPT' }, now),
    ).toBe('the conference has started');
    expect(reasonNotToSend('INVITATION_REMINDER', { conference: cancelled, rsvp: 'ACCEPT' }, now)).toBe(
      'the conference was cancelled',
    );
  });

  it('sends a withdrawn invitee nothing but the notice that it is withdrawn', () => {
    for (const kind of ['INVITATION', 'INVITATION_AGENDA_CHANGED', 'INVITATION_REMINDER', 'BRIEF_REMINDER'] as const) {
      expect(reasonNotToSend(kind, { conference: called, rsvp: 'PENDING', withdrawn: true }, now)).toBe(
        'the invitation was withdrawn',
      );
    }
    expect(
      reasonNotToSend('INVITATION_WITHDRAWN', { conference: called, rsvp: 'PENDING', withdrawn: true }, now),
    ).toBeUndefined();
  });

  it('tells an agency of a moved due time unless its brief came in meanwhile', () => {
    const open = { status: 'OPEN' as const, dueAt: later };
    expect(reasonNotToSend('BRIEF_DUE_MOVED', { conference: called, briefRequest: open }, now)).toBeUndefined();
    expect(
      reasonNotToSend('BRIEF_DUE_MOVED', { conference: called, briefRequest: { ...open, status: 'SUBMITTED' } }, now),
    ).toBe('the brief request is SUBMITTED');
  });

  it('reminds an agency of its brief only while it owes it and before it is due', () => {
    const open = { status: 'OPEN' as const, dueAt: later };
    expect(reasonNotToSend('BRIEF_REMINDER', { conference: called, briefRequest: open }, now)).toBeUndefined();
    expect(
      reasonNotToSend(
        'BRIEF_REMINDER',
        { conference: called, briefRequest: { status: 'RETURNED', dueAt: later } },
        now,
      ),
    ).toBeUndefined();
    expect(
      reasonNotToSend(
        'BRIEF_REMINDER',
        { conference: called, briefRequest: { status: 'SUBMITTED', dueAt: later } },
        now,
      ),
    ).toBe('the brief request is SUBMITTED');
    expect(
      reasonNotToSend('BRIEF_REMINDER', { conference: called, briefRequest: { ...open, dueAt: earlier } }, now),
    ).toBe('the brief is already due');
  });

  it('tells an agency its brief is overdue unless it came in meanwhile', () => {
    const overdue = { status: 'OVERDUE' as const, dueAt: earlier };
    expect(reasonNotToSend('BRIEF_OVERDUE', { conference: called, briefRequest: overdue }, now)).toBeUndefined();
    expect(
      reasonNotToSend(
        'BRIEF_OVERDUE',
        { conference: called, briefRequest: { status: 'ACCEPTED', dueAt: earlier } },
        now,
      ),
    ).toBe('the brief request is ACCEPTED');
  });

  it('does not ask for a brief whose request was closed', () => {
    expect(
      reasonNotToSend('BRIEF_REQUEST', { conference: called, briefRequest: { status: 'CLOSED', dueAt: later } }, now),
    ).toBe('the brief request was closed');
  });

  it('sends an incident alert, which concerns no conference', () => {
    expect(reasonNotToSend('INCIDENT_DEADLINE_BREACHED', {}, now)).toBeUndefined();
  });
});
