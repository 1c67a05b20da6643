import { propagation, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { restoreTraceContext, StoredTraceContext } from '../tracing/trace-context';

/** What the relay publishes of an outbox row. */
export interface OutgoingRow {
  id: string;
  topic: string;
  messageKey: string;
  headers: Record<string, string>;
  /** The context of the request that wrote the row; null when it was written outside any trace. */
  traceContext: StoredTraceContext | null;
}

export interface PublishSpan {
  span: Span;
  /** The row's headers with this span's context, which the consumers continue. */
  headers: Record<string, string>;
}

const tracer = (): Tracer => trace.getTracer('@pressconf/messaging/outbox');

/**
 * The PRODUCER span of one row, a child of the request that wrote it. The relay sends the rows of many requests in
 * one batch, so the kafkajs instrumentation, which parents every message of a batch on the caller's span, cannot
 * make it; the relay sends with that instrumentation suppressed and uses these spans instead.
 */
export function startPublishSpan(row: OutgoingRow, using: Tracer = tracer()): PublishSpan {
  // Rows written before the trace_context column existed carried the trace in their headers.
  const parent = restoreTraceContext(row.traceContext ?? row.headers);
  const span = using.startSpan(
    `send ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'send',
        'messaging.destination.name': row.topic,
        'messaging.kafka.message.key': row.messageKey,
        'messaging.message.id': row.id,
      },
    },
    parent,
  );
  const headers = { ...row.headers };
  propagation.inject(trace.setSpan(parent, span), headers);
  return { span, headers };
}

/** Ends the spans of a batch: sent, or failed with the producer's error. */
export function endPublishSpans(spans: readonly PublishSpan[], error?: unknown): void {
  for (const { span } of spans) {
    if (error !== undefined) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : 'the send failed',
      });
    }
    span.end();
  }
}
