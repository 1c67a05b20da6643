import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (`traceparent`), the format OpenTelemetry propagates: each hop keeps the trace id and
 * opens a span of its own, so one REST request can be followed through RPC, events and mail in the logs.
 */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceParent {
  traceId: string;
  spanId: string;
  flags: string;
}

export function parseTraceparent(header: unknown): TraceParent | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT.exec(header.trim().toLowerCase());
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], spanId: match[2], flags: match[3] };
}

/** A new span in the trace of `parent`, or the root span of a new trace. */
export function childTraceparent(parent?: unknown): string {
  const trace = parseTraceparent(parent);
  const traceId = trace?.traceId ?? randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-${trace?.flags ?? '01'}`;
}

export function traceIdOf(traceparent: string | undefined): string | undefined {
  return parseTraceparent(traceparent)?.traceId;
}
