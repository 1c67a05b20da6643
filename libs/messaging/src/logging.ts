import { Logger, RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { RequestContexts } from './context/request-context';
import { maskTokens } from './context/token-mask';
import { platformConfig } from './config/shared';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * JSON logs with the service name, the current correlation id and trace on every line. The gateway logs every
 * request it answers; a service logs its internal calls at debug unless they fail (5xx), since the gateway's line
 * for the same correlation id already says what was asked and how it went.
 */
export function loggerOptions(service: string): Params {
  const quietInternalCalls = service !== 'gateway';
  return {
    // Nest 11's route syntax: nestjs-pino's default `*` is converted with a warning at every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: platformConfig().LOG_LEVEL,
      base: { service },
      messageKey: 'message',
      // The trace ids (`trace_id`, `span_id`) are added by OpenTelemetry's pino instrumentation.
      mixin: () => {
        const context = RequestContexts.current();
        return context ? { correlationId: context.correlationId } : {};
      },
      genReqId: (request: IncomingMessage) => {
        const given = request.headers[CORRELATION_HEADER];
        return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
      },
      autoLogging: { ignore: (request: IncomingMessage) => (request.url ?? '').startsWith('/health') },
      customLogLevel: (_request: IncomingMessage, response: { statusCode: number }, error?: Error) => {
        if (error || response.statusCode >= 500) return 'error';
        return quietInternalCalls ? 'debug' : 'info';
      },
      serializers: {
        req: (request: { id?: string; method?: string; url?: string }) => ({
          method: request.method,
          url: maskTokens(request.url),
        }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}

/**
 * Node's process warnings as log lines of the service instead of bare text on stderr. (kafkajs' negative timers,
 * which Node 22+ reported here, are gone with its idle spin: see kafka/idle-request-queue.ts.)
 */
export function logProcessWarnings(): void {
  const logger = new Logger('process');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    logger.warn(`${warning.name}: ${warning.message}`);
  });
}
