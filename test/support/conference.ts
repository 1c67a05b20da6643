import type { AgencyView, ConferenceView } from '@pressconf/contracts';
import { Stack, eventually } from './stack';
import type { ReceivedMail } from './smtp-sink';
import { smallDirectory } from '../fixtures/directory';

/**
 * Registers a directory, drafts a periodic conference on `topics` and calls it; returns the called conference.
 * `caller` drafts and calls it (the admin key otherwise) with its own headers; `headers` go with the call alone.
 */
export async function callPeriodicConference(
  stack: Stack,
  options: {
    reporters?: number;
    topics?: string[];
    headers?: Record<string, string>;
    caller?: { key: string; headers?: Record<string, string> };
  } = {},
): Promise<{ agencies: AgencyView[]; conference: ConferenceView }> {
  const agencies: AgencyView[] = [];
  for (const agency of smallDirectory(options.reporters ?? 1)) {
    const created = await stack.api<AgencyView>('POST', '/agencies', { body: agency });
    expect(created.status).toBe(201);
    agencies.push(created.body);
  }
  // 09:00 in Asia/Ho_Chi_Minh (02:00 UTC) ten days ahead: a working-hours conference on one calendar day.
  const day = new Date(Date.now() + 10 * 24 * 3600_000);
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 2, 0, 0));
  const draft = await stack.api<ConferenceView>('POST', '/conferences', {
    ...options.caller,
    body: {
      kind: 'PERIODIC',
      title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 12/2026',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, 08 Lý Thường Kiệt, Buôn Ma Thuột',
      topics: options.topics ?? ['Đất đai'],
    },
  });
  expect(draft.status).toBe(201);
  const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`, {
    key: options.caller?.key,
    headers: { ...options.caller?.headers, ...options.headers },
  });
  expect(called.status).toBe(200);
  return { agencies, conference: called.body };
}

/** The invitations for the conference, without the other mail about it (brief requests, updates, reminders). */
export function invitationMails(stack: Stack, conferenceId: string) {
  return stack.smtp
    .forConference(conferenceId)
    .filter((m) => m.parsed.headers.get('x-notification-kind') === 'INVITATION');
}

/** Waits until every participant has an invitation for the conference, and a little longer to catch duplicates. */
export async function waitForInvitations(stack: Stack, conferenceId: string, expected: number, timeoutMs = 60_000) {
  const recipients = () => new Set(invitationMails(stack, conferenceId).map((m) => m.envelopeTo.join(','))).size;
  await eventually(() => recipients() >= expected, timeoutMs).catch((error) => {
    const got = recipients();
    throw new Error(`${got} of ${expected} invitations arrived (${stack.smtp.received.length} mails in all): ${error}`);
  });
  await new Promise((r) => setTimeout(r, 1500));
  return invitationMails(stack, conferenceId);
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The link an invitee follows in an invitation mail: the gateway's page for the invitation's token (/moi/{token}). */
export function invitationLinkOf(mail: ReceivedMail): string {
  const link = /(https?:\/\/\S+\/moi\/[A-Za-z0-9_-]{32})(?=\s)/.exec(mail.parsed.text ?? '');
  if (!link) throw new Error(`mail "${mail.parsed.subject}" has no invitation link`);
  return link[1];
}
