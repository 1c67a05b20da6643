import { HttpStatus } from '@nestjs/common';
import { Problem } from '@pressconf/contracts';

/** A problem raised as it is, or passed back from a service, that the HTTP layer renders as problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    /** Sent with the problem, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }

  get status(): HttpStatus {
    return this.problem.status;
  }
}
