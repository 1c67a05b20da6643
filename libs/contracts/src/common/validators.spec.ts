import { isDateTimeWithOffset } from './validators';

describe('isDateTimeWithOffset', () => {
  it.each([
    '2027-01-15T09:00:00+07:00',
    '2027-01-15T02:00:00Z',
    '2027-01-15T09:00+07:00',
    '2027-01-15T09:00:00.123Z',
    '2028-02-29T09:00:00+07:00',
    '2027-12-31T23:59:59+07:00',
  ])('accepts %s', (value) => expect(isDateTimeWithOffset(value)).toBe(true));

  it.each([
    '2027-01-15T09:00:00',
    '2027-01-15',
    '15/01/2027 09:00',
    '2027-13-01T09:00:00Z',
    '2027-02-30T09:00:00+07:00',
    '2027-02-29T09:00:00+07:00',
    '2027-04-31T09:00:00Z',
    '',
    42,
  ])('refuses %s', (value) => expect(isDateTimeWithOffset(value)).toBe(false));
});
