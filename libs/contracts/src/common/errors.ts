import { FieldError } from './problem';

/**
 * Errors that domain code throws; each maps to one problem status. Plain classes so that domain rules stay free
 * of Nest and TypeORM; the services' RPC filter turns them into problem+json.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`);
  }
}

/** An illegal state transition, e.g. calling a cancelled conference. */
export class StateConflictError extends DomainError {
  readonly status = 409;
  constructor(
    message: string,
    readonly currentState?: string,
  ) {
    super(message);
  }
}

/** A domain rule refused an otherwise well-formed request, e.g. the 24-hour rule. */
export class DomainRuleError extends DomainError {
  readonly status = 422;
  constructor(
    message: string,
    readonly rule?: string,
  ) {
    super(message);
  }
}

export class ValidationFailedError extends DomainError {
  readonly status = 400;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}
