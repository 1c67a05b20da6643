import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { captureTraceContext } from '../tracing/trace-context';
import { endPublishSpans, OutgoingRow, startPublishSpan } from './publish-span';

describe('the trace of an outbox row', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }).getTracer('test');

  beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
  afterAll(() => propagation.disable());
  afterEach(() => exporter.reset());

  const row = (traceContext: OutgoingRow['traceContext'], headers: Record<string, string> = {}): OutgoingRow => ({
    id: '2b1f0c56-5d0e-4f8e-9c36-8f1b8c1c2a11',
    topic: 'scheduling.conference.v1',
    messageKey: 'c0a80101-0000-4000-8000-000000000001',
    headers: { 'x-event-id': '2b1f0c56-5d0e-4f8e-9c36-8f1b8c1c2a11', ...headers },
    traceContext,
  });

  it('is stored as the W3C context of the span that wrote it, and survives the trip through jsonb', () => {
    const request = tracer.startSpan('POST /conferences/:id/call');
    const stored = captureTraceContext(trace.setSpan(ROOT_CONTEXT, request));
    const { traceId, spanId } = request.spanContext();
    expect(stored).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(captureTraceContext(ROOT_CONTEXT)).toBeNull();
  });

  it('makes the PRODUCER span a child of that span, and puts the PRODUCER span in the message headers', () => {
    const request = tracer.startSpan('POST /conferences/:id/call');
    const published = startPublishSpan(row(captureTraceContext(trace.setSpan(ROOT_CONTEXT, request))), tracer);
    endPublishSpans([published]);

    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('send scheduling.conference.v1');
    expect(span.kind).toBe(SpanKind.PRODUCER);
    expect(span.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(span.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(span.attributes['messaging.destination.name']).toBe('scheduling.conference.v1');
    expect(published.headers).toEqual({
      'x-event-id': '2b1f0c56-5d0e-4f8e-9c36-8f1b8c1c2a11',
      traceparent: `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`,
    });
  });

  it('starts a trace of its own for a row written outside any, and marks a failed send', () => {
    const published = startPublishSpan(row(null), tracer);
    endPublishSpans([published], new Error('KafkaJSNumberOfRetriesExceeded'));

    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'KafkaJSNumberOfRetriesExceeded' });
    expect(published.headers.traceparent).toContain(span.spanContext().spanId);
  });

  it('continues the trace a row written before the trace_context column carried in its headers', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const published = startPublishSpan(row(null, { traceparent: parent }), tracer);
    endPublishSpans([published]);

    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(published.headers.traceparent).not.toBe(parent);
  });
});
