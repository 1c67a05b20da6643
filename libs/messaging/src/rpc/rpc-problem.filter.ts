import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, FieldError, problem, Problem, ValidationFailedError } from '@pressconf/contracts';

/**
 * Turns whatever an RPC handler throws into a problem object for the gateway. Domain errors keep their status
 * and message; anything else becomes a 500 whose details stay in this service's log, never in the answer.
 */
@Catch()
export class RpcProblemFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcProblemFilter.name);

  catch(exception: unknown, _host: ArgumentsHost): Observable<Problem> {
    return throwError(() => toProblem(exception, this.logger));
  }
}

export function toProblem(exception: unknown, logger?: Logger): Problem {
  if (exception instanceof ValidationFailedError) {
    return problem(400, exception.message, { errors: exception.errors as FieldError[] });
  }
  if (exception instanceof DomainError) {
    const extra: Partial<Problem> = {};
    if ('currentState' in exception && exception.currentState) extra.currentState = exception.currentState;
    return problem(exception.status, exception.message, extra);
  }
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return problem(500, 'The service could not complete the request.');
}
