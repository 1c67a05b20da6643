import {
  EVENT_PAYLOADS,
  EventHeaders,
  EventType,
  EventTypes,
  TOPIC_OF_EVENT,
  Topics,
  deadLetterTopicOf,
} from '@pressconf/contracts';
import { contractSchemas } from './openapi';

const DESCRIPTIONS: Record<EventType, string> = {
  [EventTypes.incidentReported]: 'An incident was reported; an extraordinary conference must start by `conveneBy`.',
  [EventTypes.incidentDeadlineBreached]:
    '`conveneBy` passed with no conference called (emitted once, within a minute); `hosts` are the host contacts ' +
    '(co-host, standing office, coordinator) of the registry at that moment, whom the alert goes to.',
  [EventTypes.conferenceCalled]: 'A conference was called: every invitee, and whether its agency must brief.',
  [EventTypes.conferenceRescheduled]: 'A called conference moved; `sequence` is higher than before.',
  [EventTypes.conferenceCancelled]: 'A conference was cancelled; nothing more is sent for it.',
  [EventTypes.conferenceCompleted]: 'A conference was held.',
  [EventTypes.conferenceAgendaChanged]:
    'The agenda of a called conference was replaced (`agenda` is the whole new one); every current invitee is told.',
  [EventTypes.conferenceInviteesChanged]:
    'Invitee agencies were added to or removed from a called conference: `added` are invited, `removed` told they no longer are.',
  [EventTypes.briefRequestOpened]:
    'An agency was asked for a written brief, due at `dueAt` (at the call, or when invited after it; a request closed because its agency was removed opens again, same `requestId`, when the agency is invited again).',
  [EventTypes.briefRequestOverdue]: 'A brief was not submitted by its due time (emitted once).',
  [EventTypes.briefRequestClosed]:
    'A brief request closed (the conference was cancelled, nothing to report, or the agency was removed from the invitees).',
  [EventTypes.briefRequestDueMoved]:
    'The due time of a brief still owed moved (the conference was rescheduled): `dueAt`, `previousDueAt`, `status`.',
  [EventTypes.briefSubmitted]: 'An agency submitted a version of its brief.',
  [EventTypes.briefReviewed]: 'The coordinator accepted or returned a brief.',
  [EventTypes.briefingPackCompiled]: 'A new version of the briefing pack was compiled.',
  [EventTypes.invitationSent]: 'An invitation reached the mail server.',
  [EventTypes.invitationFailed]: 'An invitation could not be delivered and was given up.',
  [EventTypes.rsvpReceived]: 'An invitee answered: attend, decline, or send someone else.',
  [EventTypes.agencyRegistered]:
    'An agency was registered: the agency whole (roles, fields, contacts with their `locale` and `fields`, validity).',
  [EventTypes.agencyChanged]:
    'An agency changed (roles, contacts, name, fields, kind, territory or validity): the agency whole as it now ' +
    'stands; a consumer replaces its copy with it.',
  [EventTypes.obstacleReported]:
    'An agency reported a difficulty in carrying out the plan (OPEN); the report whole, as after every step.',
  [EventTypes.obstacleForwarded]:
    'The coordinator forwarded the report to the People’s Committee with `note` (FORWARDED): the PROVINCIAL_LEADERSHIP contacts are mailed.',
  [EventTypes.obstacleResolved]: 'The report was resolved (RESOLVED), with `resolution`.',
  [EventTypes.informationOffered]: 'An agency offered information or proposed content to publicise (OFFERED).',
  [EventTypes.informationOfferDecided]:
    'The coordinator decided the offer, once: INCLUDE (a brief request `briefRequestId` opened on `conferenceId`, due ' +
    '`briefDueAt`), CALL_EXTRAORDINARY (scheduling reports an incident, detected at `decidedAt`) or DECLINE (`comment`).',
};

const ENVELOPE_HEADERS = {
  type: 'object',
  properties: {
    [EventHeaders.id]: { type: 'string', format: 'uuid', description: 'The envelope id' },
    [EventHeaders.type]: { type: 'string', description: 'The envelope type' },
    [EventHeaders.correlationId]: { type: 'string', description: 'The correlation id of the request behind it' },
    [EventHeaders.causationId]: { type: 'string', description: 'The id of the event that caused it, if any' },
    traceparent: { type: 'string', description: 'W3C trace context of the producing span' },
  },
  required: [EventHeaders.id, EventHeaders.type, EventHeaders.correlationId],
};

function messageName(type: EventType): string {
  return type
    .replace(/\.v\d+$/, '')
    .split(/[.-]/)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** What a topic's messages are keyed by: the aggregate each topic is about. */
function keyOf(topic: string): string {
  switch (topic) {
    case Topics.incident:
      return 'the incident id';
    case Topics.agency:
      return 'the agency id';
    case Topics.obstacleReport:
      return 'the report id';
    case Topics.informationOffer:
      return 'the offer id';
    default:
      return 'the conference id';
  }
}

function channelKey(topic: string): string {
  return topic.replace(/[^A-Za-z0-9]+/g, '_');
}

/**
 * The AsyncAPI 3.0 document of every event topic, generated from `libs/contracts`: the envelope, each event
 * type's payload schema (from its class-validator rules), the headers and the message key. Dead-letter topics
 * are listed with the headers that say why a message landed there.
 */
export function buildAsyncApi(): Record<string, unknown> {
  const schemas = contractSchemas();
  const messages: Record<string, unknown> = {};
  const channels: Record<string, { address: string; description: string; messages: Record<string, unknown> }> = {};
  const operations: Record<string, unknown> = {};

  for (const topic of Object.values(Topics)) {
    channels[channelKey(topic)] = {
      address: topic,
      description:
        `Events of one aggregate, keyed by ${keyOf(topic)} so that they keep their order.` +
        (topic === Topics.agency
          ? ' Compacted (cleanup.policy=compact): the latest event of every agency stays, so that a consumer ' +
            'rebuilds its copy of the registry by reading the topic from the beginning.'
          : ''),
      messages: {},
    };
  }
  for (const type of Object.keys(EVENT_PAYLOADS) as EventType[]) {
    const name = messageName(type);
    const payloadSchema = EVENT_PAYLOADS[type].name;
    messages[name] = {
      name: type,
      title: name,
      summary: DESCRIPTIONS[type],
      contentType: 'application/json',
      headers: ENVELOPE_HEADERS,
      payload: {
        type: 'object',
        required: ['id', 'type', 'version', 'occurredAt', 'source', 'subject', 'correlationId', 'data'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          type: { type: 'string', const: type },
          version: { type: 'integer', minimum: 1 },
          occurredAt: { type: 'string', format: 'date-time' },
          source: { type: 'string' },
          subject: { type: 'string', description: 'The message key' },
          correlationId: { type: 'string' },
          causationId: { type: 'string' },
          data: { $ref: `#/components/schemas/${payloadSchema}` },
        },
      },
      bindings: {
        kafka: { key: { type: 'string', description: `The message key: ${keyOf(TOPIC_OF_EVENT[type])}` } },
      },
    };
    const key = channelKey(TOPIC_OF_EVENT[type]);
    channels[key].messages[name] = { $ref: `#/components/messages/${name}` };
    operations[`receive${name}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${key}` },
      summary: DESCRIPTIONS[type],
      messages: [{ $ref: `#/channels/${key}/messages/${name}` }],
    };
  }
  for (const topic of Object.values(Topics)) {
    const key = channelKey(deadLetterTopicOf(topic));
    channels[key] = {
      address: deadLetterTopicOf(topic),
      description: `Messages of ${topic} that could not be handled after bounded retries, unchanged, with the reason in the headers.`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    };
    operations[`receiveDeadLetter_${key}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${key}` },
      messages: [{ $ref: `#/channels/${key}/messages/DeadLetter` }],
    };
  }
  messages.DeadLetter = {
    name: 'dead-letter',
    title: 'DeadLetter',
    summary: 'The original message, unchanged; the headers say where it came from and why it was parked.',
    headers: {
      type: 'object',
      properties: Object.fromEntries(
        [
          EventHeaders.deadLetterReason,
          EventHeaders.deadLetterAttempts,
          EventHeaders.deadLetterSourceTopic,
          EventHeaders.deadLetterSourcePartition,
          EventHeaders.deadLetterSourceOffset,
        ].map((header) => [header, { type: 'string' }]),
      ),
    },
    payload: {},
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Press information conferences — event streams',
      version: '1.0.0',
      description:
        'Events of the press-conference system of a provincial People’s Committee (one deployment, and one ' +
        'Kafka cluster, per province). One topic per ' +
        'aggregate; every value is the JSON envelope with the event in `data`. Consumers must be idempotent ' +
        '(an event may be delivered more than once). Kafka carries these events only: the gateway asks the ' +
        'services over HTTP.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker `npm start` runs' },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}
