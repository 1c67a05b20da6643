import type { BriefRequestView, ConferenceView, EventDataMap, EventType, Page } from '@pressconf/contracts';
import { Stack, eventually } from '@pressconf/testing/support/stack';

/** GETs raw bytes (a PDF, an attachment). */
export async function download(
  stack: Stack,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${stack.baseUrl}${path}`, { headers: { 'X-API-Key': stack.adminKey, ...headers } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Drafts and calls a periodic conference on the agencies already registered; `briefsDueAt` sets the due time. */
export async function callConference(
  stack: Stack,
  options: { title: string; startsInHours: number; briefsDueAt?: Date; topics?: string[] },
): Promise<ConferenceView> {
  const startsAt = new Date(Math.ceil((Date.now() + options.startsInHours * 3600_000) / 60_000) * 60_000);
  const draft = await stack.api<ConferenceView>('POST', '/conferences', {
    body: {
      kind: 'PERIODIC',
      title: options.title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      venue: 'Hội trường Ủy ban nhân dân tỉnh, số 09 Lê Duẩn, Buôn Ma Thuột',
      topics: options.topics ?? ['Đất đai'],
      ...(options.briefsDueAt ? { briefsDueAt: options.briefsDueAt.toISOString() } : {}),
    },
  });
  expect(draft.status).toBe(201);
  const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
  expect(called.status).toBe(200);
  return called.body;
}

/** Waits until submissions has opened a request for every agency of the conference that must brief. */
export async function briefRequestsOf(
  stack: Stack,
  conference: { id: string; participants: Array<{ agencyId: string; mustBrief: boolean }> },
) {
  const expected = new Set(conference.participants.filter((p) => p.mustBrief).map((p) => p.agencyId)).size;
  return eventually(async () => {
    const page = await stack.api<Page<BriefRequestView>>(
      'GET',
      `/conferences/${conference.id}/brief-requests?pageSize=100`,
    );
    return page.body.total === expected && expected > 0 ? page.body.items : undefined;
  });
}

/** Events this service put in its outbox, oldest first. */
export async function outboxEvents<T extends EventType>(stack: Stack, type: T, subject?: string) {
  return stack.query<{ id: string; data: EventDataMap[T]; published: boolean }>(
    `SELECT id, envelope->'data' AS data, published_at IS NOT NULL AS published
       FROM submissions.outbox_message WHERE type = $1 AND ($2::text IS NULL OR message_key = $2) ORDER BY position`,
    [type, subject ?? null],
  );
}
