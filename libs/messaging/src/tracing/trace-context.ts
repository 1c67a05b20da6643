import { Context, context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';

/**
 * A W3C trace context as stored with a row (`traceparent`, and `tracestate` or `baggage` when there are any): work
 * done later for the row (the relay's publishing, the worker's mail) continues the trace of the request that wrote it.
 */
export type StoredTraceContext = Record<string, string>;

/** The context to store with a row written now: the active span's, or null outside any trace. */
export function captureTraceContext(from: Context = context.active()): StoredTraceContext | null {
  const carrier: StoredTraceContext = {};
  propagation.inject(from, carrier);
  return carrier.traceparent ? carrier : null;
}

/** The stored context as the parent of the work done for the row now; a new trace when none was stored. */
export function restoreTraceContext(stored: StoredTraceContext | null | undefined): Context {
  return stored ? propagation.extract(ROOT_CONTEXT, stored) : ROOT_CONTEXT;
}
