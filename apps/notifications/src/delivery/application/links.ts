/** Links put in mail, all under PUBLIC_BASE_URL: the REST API's own addresses. */
export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

function api(path: string): string {
  return `${publicBaseUrl()}/api/v1/${path}`;
}

/** Where an invitee answers and fetches the calendar entry, by the invitation's token. */
export function invitationLinks(token: string): { rsvpUrl: string; calendarUrl: string } {
  const base = api(`invitations/${encodeURIComponent(token)}`);
  return { rsvpUrl: base, calendarUrl: `${base}/calendar.ics` };
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
