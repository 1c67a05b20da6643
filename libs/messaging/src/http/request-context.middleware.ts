import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContexts } from '../context/request-context';
import { childTraceparent } from '../context/trace-context';
import { CORRELATION_HEADER } from '../logging';

/**
 * Gives every request its correlation id (the caller's `X-Correlation-Id` when well-formed) and a span of
 * the caller's trace (`traceparent`, else a new trace), and runs the rest of the request inside them, so that
 * the calls to the services, their events and every log line carry both. The gateway and the services
 * use it alike: a service continues the gateway's correlation id and trace.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request & { id?: string }, response: Response, next: NextFunction): void {
    const given = request.headers[CORRELATION_HEADER];
    const correlationId =
      request.id ?? (typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID());
    request.id = correlationId;
    response.setHeader('X-Correlation-Id', correlationId);
    const traceparent = childTraceparent(request.headers.traceparent);
    response.setHeader('traceparent', traceparent);
    RequestContexts.run({ correlationId, traceparent }, () => next());
  }
}
