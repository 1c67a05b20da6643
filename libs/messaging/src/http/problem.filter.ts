import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, throwError } from 'rxjs';
import { DomainError, problem, Problem, ValidationFailedError } from '@pressconf/contracts';
import { ProblemError } from './problem-error';
import { databaseUnavailableProblem, isDatabaseUnavailable } from '../database/database-outage';

const INVALID_JSON = () =>
  problem(400, 'The request body is not valid JSON.', { errors: [{ field: '(body)', message: 'must be valid JSON' }] });

/**
 * Every error leaves a service or the gateway as application/problem+json: domain errors with their status and
 * message, a database that cannot be reached as a 503 with Retry-After (an outage to wait out), anything
 * unexpected as a 500 whose details stay in the log, never in the answer (no stack, no SQL).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(caught: unknown, host: ArgumentsHost): void | Observable<never> {
    // Event handlers (the Kafka transport) settle their own failures in the inbox: pass those on untouched.
    if (host.getType() !== 'http') return throwError(() => caught);
    const exception = this.outageOf(caught);
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body: Problem = { ...toProblem(exception, this.logger) };
    body.instance ??= request.originalUrl ?? request.url;
    if (request.id && !body.correlationId) body.correlationId = request.id;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (exception instanceof ProblemError) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  /** A lost database connection becomes the 503 problem; the cause goes to the log in one line, without a stack. */
  private outageOf(exception: unknown): unknown {
    if (!isDatabaseUnavailable(exception)) return exception;
    this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    return databaseUnavailableProblem();
  }
}

export function toProblem(exception: unknown, logger?: Logger): Problem {
  if (exception instanceof ProblemError) return exception.problem;
  if (exception instanceof ValidationFailedError) {
    return problem(400, exception.message, { errors: exception.errors });
  }
  if (exception instanceof DomainError) {
    const extra: Partial<Problem> = {};
    if ('currentState' in exception && exception.currentState) extra.currentState = exception.currentState;
    return problem(exception.status, exception.message, extra);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [response.message].flat().join('; ')
        : exception.message;
    if (status === 400 && /JSON/.test(message)) return INVALID_JSON();
    if (status === 413) return problem(413, 'The request body is larger than allowed.');
    return problem(status, message);
  }
  if (isBodyParserError(exception)) {
    if (exception.type === 'entity.too.large') return problem(413, 'The request body is larger than allowed.');
    return INVALID_JSON();
  }
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return problem(500, 'Something went wrong on our side.');
}

function isBodyParserError(error: unknown): error is { type: string; status: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}
