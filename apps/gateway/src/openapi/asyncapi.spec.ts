import type { Diagnostic } from '@asyncapi/parser';
import { Parser } from '@asyncapi/parser';
import { deadLetterTopicOf, EVENT_TOPICS, EventTypes } from '@pressconf/contracts';
import { buildAsyncApi } from './asyncapi';

/**
 * Spectral's error severity, in the type of the parser's diagnostics: the `DiagnosticSeverity` that
 * @asyncapi/parser re-exports comes from another copy of @stoplight/types, a different enum to TypeScript.
 */
const ERROR: Diagnostic['severity'] = 0;

describe('the AsyncAPI document', () => {
  const document = buildAsyncApi();

  it('passes the AsyncAPI parser without errors', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === ERROR);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
  });

  it('lists every event topic and its dead letters, and nothing else: Kafka carries events only', () => {
    const channels = Object.values(document.channels as Record<string, { address: string }>).map((c) => c.address);
    expect(channels.sort()).toEqual([...EVENT_TOPICS, ...EVENT_TOPICS.map(deadLetterTopicOf)].sort());
  });

  it('lists every event type with its payload schema', () => {
    const names = Object.values((document.components as { messages: Record<string, { name: string }> }).messages).map(
      (m) => m.name,
    );
    expect(names).toEqual(expect.arrayContaining(Object.values(EventTypes)));
    const schemas = (document.components as { schemas: Record<string, { properties?: object }> }).schemas;
    expect(Object.keys(schemas.ConferenceCalledData.properties ?? {})).toEqual(
      expect.arrayContaining(['conferenceId', 'invitees', 'sequence', 'briefsDueAt']),
    );
  });

  it('lists the changes announced after the call and the moved due time, each on its aggregate’s topic', () => {
    const channels = document.channels as Record<string, { address: string; messages: Record<string, unknown> }>;
    const messagesOf = (topic: string) =>
      Object.keys(Object.values(channels).find((c) => c.address === topic)!.messages);
    expect(messagesOf('scheduling.conference.v1')).toEqual(
      expect.arrayContaining(['SchedulingConferenceAgendaChanged', 'SchedulingConferenceInviteesChanged']),
    );
    expect(messagesOf('submissions.brief-request.v1')).toContain('SubmissionsBriefRequestDueMoved');
    const schemas = (document.components as { schemas: Record<string, { required?: string[] }> }).schemas;
    expect(schemas.ConferenceAgendaChangedData.required).toEqual(['conferenceId', 'sequence', 'agenda']);
    expect(schemas.ConferenceInviteesChangedData.required).toEqual(['conferenceId', 'sequence', 'added', 'removed']);
    expect(schemas.BriefRequestDueMovedData.required).toEqual(
      expect.arrayContaining(['conferenceId', 'requestId', 'agencyId', 'dueAt', 'previousDueAt']),
    );
  });

  it('lists the obstacle-report and information-offer events, each on its own topic', () => {
    const channels = document.channels as Record<string, { address: string; messages: Record<string, unknown> }>;
    const messagesOf = (topic: string) =>
      Object.keys(Object.values(channels).find((c) => c.address === topic)!.messages);
    expect(messagesOf('submissions.obstacle-report.v1').sort()).toEqual([
      'SubmissionsObstacleReportForwarded',
      'SubmissionsObstacleReportReported',
      'SubmissionsObstacleReportResolved',
    ]);
    expect(messagesOf('submissions.information-offer.v1').sort()).toEqual([
      'SubmissionsInformationOfferDecided',
      'SubmissionsInformationOfferOffered',
    ]);
    const schemas = (document.components as { schemas: Record<string, { properties?: object }> }).schemas;
    expect(Object.keys(schemas.InformationOfferEventData.properties ?? {})).toEqual(
      expect.arrayContaining(['offerId', 'decision', 'decidedAt', 'briefRequestId', 'comment']),
    );
  });

  it('lists the registry events on the compacted agency topic, keyed by the agency id', () => {
    const channels = document.channels as Record<
      string,
      { address: string; description: string; messages: Record<string, unknown> }
    >;
    const agency = Object.values(channels).find((c) => c.address === 'scheduling.agency.v1')!;
    expect(Object.keys(agency.messages).sort()).toEqual(['SchedulingAgencyChanged', 'SchedulingAgencyRegistered']);
    expect(agency.description).toMatch(/keyed by the agency id.*compact/);
    const schemas = (document.components as { schemas: Record<string, { required?: string[] }> }).schemas;
    expect(schemas.AgencyEventData.required).toEqual(
      expect.arrayContaining(['agencyId', 'code', 'name', 'kind', 'roles', 'fields', 'contacts', 'validFrom']),
    );
    expect(schemas.AgencyContactEventData.required).toEqual(expect.arrayContaining(['email', 'locale', 'fields']));
  });
});
