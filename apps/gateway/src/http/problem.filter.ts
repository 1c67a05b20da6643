import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, FieldError, problem, Problem, ValidationFailedError } from '@pressconf/contracts';
import { ProblemError } from '../bus/service-bus';

/** Every error leaves the gateway as application/problem+json; nothing internal (stack, SQL) leaks out. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body: Problem = { ...this.toProblem(exception), instance: request.originalUrl ?? request.url };
    if (request.id) body.correlationId = request.id;
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemError) return exception.problem;
    if (exception instanceof ValidationFailedError) {
      return problem(400, exception.message, { errors: exception.errors as FieldError[] });
    }
    if (exception instanceof DomainError) return problem(exception.status, exception.message);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? [response.message].flat().join('; ')
          : exception.message;
      if (status === 400 && /JSON/.test(message)) {
        return problem(400, 'The request body is not valid JSON.', {
          errors: [{ field: '(body)', message: 'must be valid JSON' }],
        });
      }
      if (status === 413) return problem(413, 'The request body is larger than allowed.');
      return problem(status, message);
    }
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.too.large') return problem(413, 'The request body is larger than allowed.');
      return problem(400, 'The request body is not valid JSON.', {
        errors: [{ field: '(body)', message: 'must be valid JSON' }],
      });
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return problem(500, 'Something went wrong on our side.');
  }
}

function isBodyParserError(error: unknown): error is { type: string; status: number } {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number';
}
