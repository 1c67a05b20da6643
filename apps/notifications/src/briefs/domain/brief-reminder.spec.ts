import { briefReminderAt } from './brief-reminder';

const at = (iso: string) => new Date(iso);

describe('briefReminderAt', () => {
  it('reminds the configured hours before the due time', () => {
    expect(briefReminderAt(at('2027-03-01T02:00:00Z'), at('2027-03-12T10:00:00Z'), 24)).toEqual(
      at('2027-03-11T10:00:00Z'),
    );
    expect(briefReminderAt(at('2027-03-01T02:00:00Z'), at('2027-03-12T10:00:00Z'), 2.5)).toEqual(
      at('2027-03-12T07:30:00Z'),
    );
  });

  it('reminds halfway when the request came with less notice than that', () => {
    expect(briefReminderAt(at('2027-03-12T00:00:00Z'), at('2027-03-12T10:00:00Z'), 24)).toEqual(
      at('2027-03-12T05:00:00Z'),
    );
    expect(briefReminderAt(at('2027-03-11T10:00:00Z'), at('2027-03-12T10:00:00Z'), 24)).toEqual(
      at('2027-03-11T22:00:00Z'),
    );
  });

  it('does not remind of a request opened when already due', () => {
    expect(briefReminderAt(at('2027-03-12T10:00:00Z'), at('2027-03-12T10:00:00Z'), 24)).toBeNull();
    expect(briefReminderAt(at('2027-03-13T10:00:00Z'), at('2027-03-12T10:00:00Z'), 24)).toBeNull();
  });
});
