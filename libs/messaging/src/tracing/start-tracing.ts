import { diag, DiagLogger, DiagLogLevel } from '@opentelemetry/api';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import type { IncomingMessage } from 'node:http';
import { tracingConfig } from '../config/shared';
import { maskTokens } from '../context/token-mask';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry for an app. It must run before anything else of the app is loaded (apps/<app>/src/tracing.ts,
 * the first import of main.ts): the instrumentations patch express, pg, kafkajs and pino as they are required.
 *
 * Spans always exist, so that a request's trace goes on through the services, the outbox, Kafka and the mail, and
 * every log line carries its `trace_id` and `span_id` (the pino instrumentation adds them); they leave the process
 * only when OTEL_TRACES_EXPORTER says where (the SDK reads the OTLP endpoint, protocol and batching from the
 * standard OTEL_* variables). Metrics stay with Prometheus and logs with stdout: the SDK exports neither.
 */
export function startTracing(service: string): void {
  let config: ReturnType<typeof tracingConfig>;
  try {
    config = tracingConfig();
  } catch (error) {
    // Like a wrong value of the app's own configuration, read by main.ts a moment later: stop, naming the variable.
    console.error(`${service} failed to start`, error);
    process.exit(1);
  }
  diag.setLogger(jsonDiagnostics(service), { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  sdk = new NodeSDK({
    serviceName: config.OTEL_SERVICE_NAME ?? service,
    // Without an exporter a processor that drops the spans: the SDK would otherwise start no tracer at all, and
    // neither trace ids nor context would be there to carry on.
    ...(config.OTEL_TRACES_EXPORTER === 'none' ? { spanProcessors: [new NoopSpanProcessor()] } : {}),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: isProbeOrScrape,
        // RSVP tokens are credentials: a span's URL says which route, never whose invitation (as in the logs).
        startIncomingSpanHook: (request) => ({ 'url.path': maskTokens((request.url ?? '').split('?')[0]) }),
        redactedQueryParamsServer: ['token'],
      }),
      // The route handler's span says what a request did; a span per middleware (helmet, the body parser, the request
      // context, …) on every request would only bury it. Nest's own instrumentation is left out: it copies the raw URL,
      // RSVP token included, into its spans and offers no hook to mask it.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // Queries outside a request or an event (the relay's and the workers' polling) would each be a trace of one.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
      new UndiciInstrumentation({
        startSpanHook: (request) => ({
          'url.full': maskTokens(`${request.origin}${request.path}`),
          'url.path': maskTokens(request.path.split('?')[0]),
        }),
      }),
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
}

/** Sends the spans still waiting in the batch and stops the SDK; called when the app shuts down. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}

/** Health probes and metric scrapes come every few seconds and say nothing about the work done. */
function isProbeOrScrape(request: IncomingMessage): boolean {
  const path = request.url ?? '';
  return path.startsWith('/health') || path.startsWith('/metrics');
}

/**
 * The SDK's own warnings (an exporter that cannot reach its endpoint) as JSON lines like the app's logs. Nest's
 * logger does not exist yet when the SDK starts.
 */
function jsonDiagnostics(service: string): DiagLogger {
  const line =
    (level: number) =>
    (message: string, ...args: unknown[]): void => {
      const text = [message, ...args.map((arg) => (arg instanceof Error ? arg.message : String(arg)))].join(' ');
      process.stdout.write(
        `${JSON.stringify({ level, time: Date.now(), service, context: 'OpenTelemetry', message: text })}\n`,
      );
    };
  return { error: line(50), warn: line(40), info: line(30), debug: line(20), verbose: line(10) };
}
