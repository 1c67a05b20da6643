import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** ISO-8601 date-time that states its offset (`Z` or `±hh:mm`): a time without one is ambiguous. */
const DATE_TIME_WITH_OFFSET =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isDateTimeWithOffset(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_TIME_WITH_OFFSET.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    isCalendarDay(value)
  );
}

/** The day exists in its month: `Date.parse` would take 2027-02-30 for 2027-03-02 without a word. */
function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function IsDateTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: {
        message: ({ property }) =>
          `${property} must be an ISO-8601 date-time with an offset, e.g. 2027-01-15T09:00:00+07:00`,
        ...options,
      },
      validator: { validate: isDateTimeWithOffset },
    });
}

/** Wall-clock time "HH:mm". */
export const WALL_CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A field that is present but may be null (`validTo: null`): its other rules apply only to a value, and its
 * JSON schema says `nullable`.
 */
export function Nullable(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    ValidateIf((o: Record<string | symbol, unknown>) => o[propertyName] !== null)(target, propertyName);
    JSONSchema({ nullable: true })(target, propertyName as string);
  };
}
