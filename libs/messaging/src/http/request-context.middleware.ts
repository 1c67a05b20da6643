import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContexts } from '../context/request-context';
import { CORRELATION_HEADER } from '../logging';

/**
 * Gives every request its correlation id (the caller's `X-Correlation-Id` when well-formed) and runs the rest of
 * the request inside it, so that the calls to the services, their events and every log line carry it. The gateway
 * and the services use it alike: a service continues the gateway's correlation id. (The trace is OpenTelemetry's:
 * the http instrumentation continues the caller's `traceparent`, see tracing/start-tracing.ts.)
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request & { id?: string }, response: Response, next: NextFunction): void {
    const given = request.headers[CORRELATION_HEADER];
    const correlationId =
      request.id ?? (typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID());
    request.id = correlationId;
    response.setHeader('X-Correlation-Id', correlationId);
    RequestContexts.run({ correlationId }, () => next());
  }
}
