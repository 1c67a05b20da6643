import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

/** Times every request; the route label is the matched pattern (`/api/v1/conferences/:id`), not the raw path. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const stop = httpRequestDuration.startTimer();
    response.on('finish', () => {
      // Express types the matched route as `any`; its pattern is `path`.
      const matched = request.route as { path?: string } | undefined;
      const route = matched?.path ? `${request.baseUrl}${matched.path}` : 'unmatched';
      stop({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
