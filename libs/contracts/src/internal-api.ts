import { Role, Roles } from './common/actor';

/**
 * The services' internal HTTP APIs: what the gateway asks each service synchronously. Each service serves them on
 * its own port under INTERNAL_PREFIX (never routed by the ingress, not in the public OpenAPI); the gateway calls
 * them with a short-lived token naming the actor, and the service checks the token and the route's roles itself.
 * Paths mirror the public ones, so that a route reads the same on both sides. Frozen like the topics.
 */
export const INTERNAL_PREFIX = 'internal';

export type ServiceName = 'scheduling' | 'submissions' | 'notifications';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface InternalRoute {
  service: ServiceName;
  method: HttpMethod;
  /** Express-style, relative to INTERNAL_PREFIX, e.g. `conferences/:id/call`. */
  path: string;
  /** Who may call it; the service refuses anyone else with 403. */
  roles: readonly Role[];
}

const EVERYONE = Roles;
const STAFF = ['coordinator', 'admin'] as const;
const STAFF_AND_HOSTS = ['coordinator', 'admin', 'host'] as const;
const BRIEF_READERS = ['coordinator', 'admin', 'host', 'agency'] as const;
const BRIEF_WRITERS = ['agency', 'coordinator', 'admin'] as const;
/** An agency sees its own obstacle reports and offers (another's is a 404); the coordinator and admins see all. */
const OWN_OR_STAFF = ['agency', 'coordinator', 'admin'] as const;
/** RSVP routes: the invitation token is the credential; the gateway signs them as a read-only actor. */
const INVITEE = ['reader'] as const;

function routes<S extends ServiceName, T extends Record<string, [HttpMethod, string, readonly Role[]]>>(
  service: S,
  table: T,
): { [K in keyof T]: InternalRoute } {
  const entries = Object.entries(table).map(([name, [method, path, roles]]) => [
    name,
    { service, method, path, roles },
  ]);
  return Object.fromEntries(entries) as { [K in keyof T]: InternalRoute };
}

export const InternalApi = {
  scheduling: routes('scheduling', {
    /** This service's slice of the audit trail, newest first (the gateway merges the slices). */
    listAuditEvents: ['GET', 'audit-events', STAFF],
    createAgency: ['POST', 'agencies', ['admin']],
    listAgencies: ['GET', 'agencies', EVERYONE],
    getAgency: ['GET', 'agencies/:id', EVERYONE],
    updateAgency: ['PATCH', 'agencies/:id', ['admin']],
    createConference: ['POST', 'conferences', STAFF],
    listConferences: ['GET', 'conferences', EVERYONE],
    getConference: ['GET', 'conferences/:id', EVERYONE],
    callConference: ['POST', 'conferences/:id/call', STAFF],
    rescheduleConference: ['POST', 'conferences/:id/reschedule', STAFF],
    cancelConference: ['POST', 'conferences/:id/cancel', STAFF],
    completeConference: ['POST', 'conferences/:id/complete', STAFF],
    /** A DRAFT's fields; 409 once called. */
    updateConference: ['PATCH', 'conferences/:id', STAFF],
    previewParticipants: ['GET', 'conferences/:id/participants/preview', STAFF_AND_HOSTS],
    addInvitee: ['POST', 'conferences/:id/invitees', STAFF],
    removeInvitee: ['DELETE', 'conferences/:id/invitees/:agencyId', STAFF],
    setAgenda: ['PUT', 'conferences/:id/agenda', STAFF],
    recordCoHostRequest: ['PUT', 'conferences/:id/co-host-request', STAFF],
    reportIncident: ['POST', 'incidents', STAFF],
    getIncident: ['GET', 'incidents/:id', STAFF],
    listIncidents: ['GET', 'incidents', STAFF_AND_HOSTS],
    createSeries: ['POST', 'conference-series', STAFF],
    getSeries: ['GET', 'conference-series/:id', STAFF],
    listOccurrences: ['GET', 'conference-series/:id/occurrences', STAFF],
    updateSeries: ['PATCH', 'conference-series/:id', STAFF],
    stopSeries: ['POST', 'conference-series/:id/stop', STAFF],
    /** `?from=&to=&format=json|csv|pdf`: the plan's report over a period, from the reporting projection. */
    activityReport: ['GET', 'reports/activity', STAFF_AND_HOSTS],
  }),
  submissions: routes('submissions', {
    /** This service's slice of the audit trail, newest first (the gateway merges the slices). */
    listAuditEvents: ['GET', 'audit-events', STAFF],
    listBriefRequests: ['GET', 'conferences/:id/brief-requests', BRIEF_READERS],
    getBriefRequest: ['GET', 'brief-requests/:id', BRIEF_READERS],
    saveBrief: ['POST', 'brief-requests/:id/briefs', BRIEF_WRITERS],
    submitBrief: ['POST', 'brief-requests/:id/submit', BRIEF_WRITERS],
    reviewBrief: ['POST', 'brief-requests/:id/review', STAFF],
    nominateRepresentatives: ['PUT', 'brief-requests/:id/representatives', BRIEF_WRITERS],
    declareNothingToReport: ['POST', 'brief-requests/:id/nothing-to-report', BRIEF_WRITERS],
    getBrief: ['GET', 'briefs/:id', BRIEF_READERS],
    /** The file is the request body as it was uploaded (not JSON); its name travels in X-File-Name. */
    addBriefAttachment: ['POST', 'briefs/:id/attachments', BRIEF_WRITERS],
    readBriefAttachment: ['GET', 'briefs/:id/attachments/:attachmentId', BRIEF_READERS],
    /** As addBriefAttachment; title and summary travel in the query string. */
    /** Also a host holding CO_HOST or HUMAN_RIGHTS_STANDING_OFFICE for that conference (checked by the service). */
    addOrientationDocument: ['POST', 'conferences/:id/orientation-documents', STAFF_AND_HOSTS],
    listOrientationDocuments: ['GET', 'conferences/:id/orientation-documents', STAFF_AND_HOSTS],
    compileBriefingPack: ['POST', 'conferences/:id/briefing-pack', STAFF],
    /** `?format=pdf|json&version=`: the stored file as it is. */
    readBriefingPack: ['GET', 'conferences/:id/briefing-pack', EVERYONE],
    reportObstacle: ['POST', 'obstacle-reports', ['agency']],
    listObstacleReports: ['GET', 'obstacle-reports', OWN_OR_STAFF],
    getObstacleReport: ['GET', 'obstacle-reports/:id', OWN_OR_STAFF],
    forwardObstacleReport: ['POST', 'obstacle-reports/:id/forward', STAFF],
    resolveObstacleReport: ['POST', 'obstacle-reports/:id/resolve', STAFF],
    offerInformation: ['POST', 'information-offers', ['agency']],
    listInformationOffers: ['GET', 'information-offers', OWN_OR_STAFF],
    getInformationOffer: ['GET', 'information-offers/:id', OWN_OR_STAFF],
    /** As addBriefAttachment, checked the same way. */
    addInformationOfferAttachment: ['POST', 'information-offers/:id/attachments', ['agency']],
    decideInformationOffer: ['POST', 'information-offers/:id/decide', STAFF],
  }),
  notifications: routes('notifications', {
    /** This service's slice of the audit trail, newest first (the gateway merges the slices). */
    listAuditEvents: ['GET', 'audit-events', STAFF],
    listInvitations: ['GET', 'conferences/:id/invitations', STAFF_AND_HOSTS],
    listDeliveries: ['GET', 'deliveries', STAFF_AND_HOSTS],
    resendDelivery: ['POST', 'deliveries/:id/resend', STAFF],
    getInvitationByToken: ['GET', 'invitations/:token', INVITEE],
    respondToInvitation: ['POST', 'invitations/:token/rsvp', INVITEE],
    getInvitationCalendar: ['GET', 'invitations/:token/calendar.ics', INVITEE],
    getInvitationLetter: ['GET', 'invitations/:token/letter.pdf', INVITEE],
    createWebhookSubscription: ['POST', 'webhook-subscriptions', ['admin']],
    listWebhookSubscriptions: ['GET', 'webhook-subscriptions', ['admin']],
    getWebhookSubscription: ['GET', 'webhook-subscriptions/:id', ['admin']],
    /** Also rotates the secret (`rotateSecret: true`): the old one stays valid for 24 hours. */
    updateWebhookSubscription: ['PATCH', 'webhook-subscriptions/:id', ['admin']],
    deleteWebhookSubscription: ['DELETE', 'webhook-subscriptions/:id', ['admin']],
    listWebhookDeliveries: ['GET', 'webhook-subscriptions/:id/deliveries', ['admin']],
    retryWebhookDelivery: ['POST', 'webhook-subscriptions/:id/deliveries/:deliveryId/retry', ['admin']],
    sendWebhookTest: ['POST', 'webhook-subscriptions/:id/test', ['admin']],
  }),
} as const;

export const INTERNAL_ROUTES: readonly InternalRoute[] = Object.values(InternalApi).flatMap((group) =>
  Object.values(group),
);

/** Headers of the internal calls besides `Authorization: Bearer <token>`. */
export const InternalHeaders = {
  correlationId: 'x-correlation-id',
  /** The uploaded file's name, percent-encoded (UTF-8), on the upload routes. */
  fileName: 'x-file-name',
} as const;

/** The audience of the actor token for a service: the token is good for that service only. */
export function internalAudience(service: ServiceName): string {
  return `pressconf-${service}`;
}

export const INTERNAL_ISSUER = 'pressconf-gateway';
/** Actor tokens live this long; the gateway signs one per actor and service and renews it before it ends. */
export const ACTOR_TOKEN_TTL_SECONDS = 60;

/** The path of a route with its parameters filled in (each percent-encoded), and the input they leave. */
export function fillPath(
  route: InternalRoute,
  input: Record<string, unknown>,
): { path: string; rest: Record<string, unknown> } {
  const rest = { ...input };
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (value === undefined || value === null) throw new Error(`${route.path}: missing path parameter ${name}`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
      throw new Error(`${route.path}: path parameter ${name} is a ${typeof value}, not a string or number`);
    }
    return encodeURIComponent(String(value));
  });
  return { path: `/${INTERNAL_PREFIX}/${path}`, rest };
}
