import { notificationsConfig } from '../../config';
/** Links put in mail, all under PUBLIC_BASE_URL: the REST API's own addresses, and the invitee's page. */
export function publicBaseUrl(): string {
  return notificationsConfig().PUBLIC_BASE_URL.replace(/\/+$/, '');
}

function api(path: string): string {
  return `${publicBaseUrl()}/api/v1/${path}`;
}

/**
 * Where an invitee answers, by the invitation's token: the gateway's web page (`/moi/{token}`), since invitees are
 * people with no account who will not read JSON; the calendar entry stays the API's .ics, which calendars fetch.
 */
export function invitationLinks(token: string): { rsvpUrl: string; calendarUrl: string } {
  const encoded = encodeURIComponent(token);
  return { rsvpUrl: `${publicBaseUrl()}/moi/${encoded}`, calendarUrl: api(`invitations/${encoded}/calendar.ics`) };
}

/** Where the agency posts its brief (POST /brief-requests/{id}/briefs, with its API key). */
export function briefSubmitUrl(requestId: string): string {
  return api(`brief-requests/${requestId}/briefs`);
}

export function briefingPackUrl(conferenceId: string): string {
  return api(`conferences/${conferenceId}/briefing-pack`);
}

export function incidentUrl(incidentId: string): string {
  return api(`incidents/${incidentId}`);
}
