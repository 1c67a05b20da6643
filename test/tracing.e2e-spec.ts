import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, ROOT, ServiceName, Stack } from './support/stack';
import { callPeriodicConference, invitationLinkOf, waitForInvitations } from './support/conference';
import { OtlpReceiver, ReceivedSpan, SpanKinds } from './support/otlp-receiver';

/**
 * One trace from the REST call to the mail: the services export their spans over OTLP (as to Jaeger in compose and
 * Kubernetes) to a receiver in this process, and the spans of the call of a conference must form one tree across
 * the gateway, scheduling's internal API, its outbox relay, Kafka, notifications' inbox and its SMTP call.
 */
describe('tracing: one trace from the REST call through Kafka to the mail', () => {
  const receiver = new OtlpReceiver();
  let stack: Stack;

  beforeAll(async () => {
    await receiver.start();
    stack = await Stack.start({
      env: {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
  });

  it('links the gateway, scheduling, the outbox, Kafka, notifications and the SMTP call in one trace', async () => {
    // The caller's own trace: everything the call causes must continue it.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const { conference } = await callPeriodicConference(stack, {
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    await waitForInvitations(stack, conference.id, conference.participants.length);

    const smtp = await eventually(() => {
      const sends = receiver.trace(traceId).filter((s) => s.service === 'notifications' && s.name === 'smtp send');
      // One span per mail the SMTP listener got for the conference (invitations, brief requests).
      return sends.length >= stack.smtp.forConference(conference.id).length ? sends : undefined;
    });
    const spans = receiver.trace(traceId);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const parentOf = (span: ReceivedSpan) => byId.get(span.parentSpanId);
    const ancestorsOf = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (let at = parentOf(span); at; at = parentOf(at)) chain.push(at);
      return chain;
    };
    const where = (what: string, match: (span: ReceivedSpan) => boolean): ReceivedSpan[] => {
      const found = spans.filter(match);
      if (found.length === 0) {
        const seen = spans.map((s) => `${s.service} ${s.kind} ${s.name}`).join('\n');
        throw new Error(`no span of ${what} in the trace; it holds:\n${seen}`);
      }
      return found;
    };

    // The gateway answers the REST call as a child of the caller's span, and calls scheduling's internal API.
    const [gateway, ...more] = where(
      'the gateway answering',
      (s) => s.service === 'gateway' && s.kind === SpanKinds.server,
    );
    expect(more).toEqual([]);
    expect(gateway.parentSpanId).toBe(callerSpanId);
    expect(
      spans.some((s) => s.service === 'gateway' && s.attributes['http.route'] === '/api/v1/conferences/:id/call'),
    ).toBe(true);
    const scheduling = where('scheduling answering', (s) => s.service === 'scheduling' && s.kind === SpanKinds.server);
    for (const answer of scheduling) {
      expect(parentOf(answer)).toMatchObject({ service: 'gateway', kind: SpanKinds.client });
      expect(ancestorsOf(answer)).toContain(gateway);
    }
    // Its queries (the change and the outbox row, one transaction) are part of the request.
    const queries = spans.filter((s) => s.service === 'scheduling' && s.attributes['db.system.name'] === 'postgresql');
    expect(queries.some((q) => ancestorsOf(q).some((a) => scheduling.includes(a)))).toBe(true);

    // The relay publishes the row later, in the trace of the request that wrote it.
    const produced = where(
      'the relay publishing conference.called',
      (s) => s.service === 'scheduling' && s.kind === SpanKinds.producer && s.name === 'send scheduling.conference.v1',
    );
    for (const send of produced) expect(ancestorsOf(send).some((a) => scheduling.includes(a))).toBe(true);

    // Notifications and submissions consume it, each a child of the PRODUCER span (from the Kafka headers).
    const consumed = where(
      'notifications consuming conference.called',
      (s) =>
        s.service === 'notifications' && s.kind === SpanKinds.consumer && s.name === 'process scheduling.conference.v1',
    );
    for (const handling of consumed) expect(produced.map((p) => p.spanId)).toContain(handling.parentSpanId);
    expect(spans.some((s) => s.service === 'submissions' && produced.some((p) => p.spanId === s.parentSpanId))).toBe(
      true,
    );

    // The delivery worker sends each mail in the trace stored with it, under the consumption that queued it: the
    // invitations under conference.called, the brief requests under submissions' brief-request events.
    for (const send of smtp) {
      expect(send.kind).toBe(SpanKinds.client);
      const chain = ancestorsOf(send);
      expect(chain.some((a) => a.service === 'notifications' && a.kind === SpanKinds.consumer)).toBe(true);
      expect(chain).toContain(gateway);
    }
    const invitations = smtp.filter((send) => ancestorsOf(send).some((a) => consumed.includes(a)));
    expect(invitations.length).toBeGreaterThanOrEqual(conference.participants.length);

    // The log lines of the work carry its trace and their span.
    const lines = (service: ServiceName) =>
      readFileSync(join(ROOT, 'test-artifacts/logs', `${stack.database}-${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.includes(traceId))
        .map((line) => JSON.parse(line) as { trace_id?: string; span_id?: string; message?: string });
    const handled = lines('notifications').find((line) => line.message?.includes('handled scheduling.conference'));
    expect(handled?.trace_id).toBe(traceId);
    expect(handled?.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(lines('gateway').some((line) => line.span_id && byId.has(line.span_id))).toBe(true);
  });

  it('makes no trace of background polling: every database query belongs to some work', () => {
    const ids = new Set(receiver.spans.map((span) => span.spanId));
    const orphanQueries = receiver.spans.filter(
      (span) => span.attributes['db.system.name'] === 'postgresql' && !ids.has(span.parentSpanId),
    );
    expect(orphanQueries.map((q) => `${q.service}: ${q.name}`)).toEqual([]);
  });
  it("keeps invitees' RSVP tokens out of every span, as out of the logs", async () => {
    const mail = stack.smtp.received.find((m) => /\/moi\/[A-Za-z0-9_-]{32}/.test(m.parsed.text ?? ''));
    if (!mail) throw new Error('no invitation mail to take a link from');
    const page = new URL(invitationLinkOf(mail));
    const token = page.pathname.split('/').pop() ?? '';
    expect((await fetch(page)).status).toBe(200);
    expect((await fetch(`${page.origin}/api/v1/invitations/${token}`)).status).toBe(200);

    // The page's request reached notifications through the gateway: both ends of that call are exported.
    await eventually(() =>
      receiver.spans.some((s) => s.service === 'notifications' && String(s.attributes['url.path']).includes('***'))
        ? true
        : undefined,
    );
    const leaking = receiver.spans.filter((span) => JSON.stringify(span).includes(token));
    expect(leaking.map((span) => `${span.service} ${span.name}`)).toEqual([]);
  });
});
