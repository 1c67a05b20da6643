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

/**
 * Turns a plain object into an instance of `type` and validates it; unknown properties are refused so that a
 * misspelt field is an error rather than silently ignored.
 */
export async function validateInto<T extends object>(
  type: new () => T,
  plain: unknown,
  options: { forbidUnknown?: boolean } = {},
): Promise<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ValidationFailedError([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: options.forbidUnknown ?? true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
  return instance;
}
