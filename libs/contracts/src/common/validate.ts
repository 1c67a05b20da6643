import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { ValidationFailedError } from './errors';
import { FieldError } from './problem';

/** Flattens nested class-validator errors into `field` paths such as `contacts[0].email`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const field = parent ? (isIndex ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** U+0000, which PostgreSQL cannot store in text, and a half of a surrogate pair, which is no character at all. */
// eslint-disable-next-line no-control-regex -- matching U+0000 is the point: it is refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string of the input (at any depth) that holds a character no text column can keep, by its field path. */
export function unstorableStrings(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    return UNSTORABLE.test(value)
      ? [{ field: path || '(body)', message: 'must not contain U+0000 or an unpaired surrogate' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableStrings(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => unstorableStrings(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * Turns a plain object into an instance of `type` and validates it; unknown properties are refused so that a
 * misspelt field is an error rather than silently ignored, and so is text that could not be stored.
 */
export async function validateInto<T extends object>(
  type: new () => T,
  plain: unknown,
  options: { forbidUnknown?: boolean } = {},
): Promise<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ValidationFailedError([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  const unstorable = unstorableStrings(plain);
  if (unstorable.length > 0) throw new ValidationFailedError(unstorable);
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: options.forbidUnknown ?? true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
  return instance;
}
