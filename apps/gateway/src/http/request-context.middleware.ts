import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { childTraceparent, CORRELATION_HEADER, RequestContexts } from '@pressconf/messaging';

/**
 * Gives every request its correlation id (the caller's `X-Correlation-Id` when well-formed) and a span of
 * the caller's trace (`traceparent`, else a new trace), and runs the rest of the request inside them, so that
 * the RPC to the services, their events and every log line carry both.
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
