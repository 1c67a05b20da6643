import { inviteeReminderAt, isReminded } from './invitee-reminder';

const at = (iso: string) => new Date(iso);

describe('inviteeReminderAt', () => {
  it('reminds the configured hours before the start', () => {
    expect(inviteeReminderAt(at('2027-03-01T02:00:00Z'), at('2027-03-15T02:00:00Z'), 24)).toEqual(
      at('2027-03-14T02:00:00Z'),
    );
    expect(inviteeReminderAt(at('2027-03-01T02:00:00Z'), at('2027-03-15T02:00:00Z'), 0.5)).toEqual(
      at('2027-03-15T01:30:00Z'),
    );
  });

  it('does not remind of a conference called less than that before its start', () => {
    expect(inviteeReminderAt(at('2027-03-14T10:00:00Z'), at('2027-03-15T02:00:00Z'), 24)).toBeNull();
    // Exactly the lead time: the reminder would go out with the invitation.
    expect(inviteeReminderAt(at('2027-03-14T02:00:00Z'), at('2027-03-15T02:00:00Z'), 24)).toBeNull();
    expect(inviteeReminderAt(at('2027-03-14T01:59:59Z'), at('2027-03-15T02:00:00Z'), 24)).toEqual(
      at('2027-03-14T02:00:00Z'),
    );
  });

  it('moves with a reschedule, from when the new time was announced', () => {
    const calledAt = at('2027-03-01T02:00:00Z');
    const first = inviteeReminderAt(calledAt, at('2027-03-15T02:00:00Z'), 24);
    const rescheduledAt = at('2027-03-10T02:00:00Z');
    expect(inviteeReminderAt(rescheduledAt, at('2027-03-20T02:00:00Z'), 24)).toEqual(at('2027-03-19T02:00:00Z'));
    expect(first).toEqual(at('2027-03-14T02:00:00Z'));
    // Moved to less than a day ahead: the updated invitation is the reminder.
    expect(inviteeReminderAt(rescheduledAt, at('2027-03-10T20:00:00Z'), 24)).toBeNull();
  });
});

describe('isReminded', () => {
  it('reminds who attends and who has not answered, not who declined or sends someone else', () => {
    expect(isReminded('ACCEPT')).toBe(true);
    expect(isReminded('PENDING')).toBe(true);
    expect(isReminded('DECLINE')).toBe(false);
    expect(isReminded('DELEGATE')).toBe(false);
  });
});
