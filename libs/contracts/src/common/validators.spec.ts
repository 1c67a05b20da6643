import { isDateTimeWithOffset } from './validators';

describe('isDateTimeWithOffset', () => {
  it.each(['2027-01-15T09:00:00+07:00', '2027-01-15T02:00:00Z', '2027-01-15T09:00+07:00', '2027-01-15T09:00:00.123Z'])(
    'accepts %s',
    (value) => expect(isDateTimeWithOffset(value)).toBe(true),
  );

  it.each(['2027-01-15T09:00:00', '2027-01-15', '15/01/2027 09:00', '2027-13-01T09:00:00Z', '', 42])(
    'refuses %s',
    (value) => expect(isDateTimeWithOffset(value)).toBe(false),
  );
});
