import type { BriefRequestView, CreatedApiKeyView } from '@pressconf/contracts';
import { Roles } from '@pressconf/contracts';
import type { Stack } from '../support/stack';
import { eventually } from '../support/stack';
import { callPeriodicConference, invitationLinkOf, invitationMails } from '../support/conference';
import type { Callers } from './fuzz-requests';
import type { IdPool } from './openapi-operations';

/** The PNG of the upload routes' valid case, base64: the smallest image the content check takes. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

async function created<T>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const answer = await promise;
  if (answer.status !== 201 && answer.status !== 200) {
    throw new Error(`fuzz fixture: ${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/**
 * A called conference with its directory, a brief request with a brief and an attachment, an incident, a series,
 * an invitation token, a key that may be revoked, and one key per role (the agency key acting for the agency of
 * the brief request, the press key for the press agency, the host key for the co-host).
 */
export async function fuzzFixture(stack: Stack): Promise<{ ids: IdPool; callers: Callers }> {
  const { agencies, conference } = await callPeriodicConference(stack, { reporters: 1 });
  const press = agencies.find((agency) => agency.kind === 'PRESS') ?? agencies[0];
  const coHost = agencies.find((agency) => agency.roles.includes('CO_HOST')) ?? agencies[0];
  const requests = await eventually(async () => {
    const answer = await stack.api<{ items: BriefRequestView[] }>(
      'GET',
      `/conferences/${conference.id}/brief-requests`,
    );
    return answer.body.items?.length ? answer.body.items : undefined;
  });
  const request = requests[0];
  const keys: Record<string, string> = {};
  for (const role of Roles) {
    const agencyId = { agency: request.agencyId, press: press.id, host: coHost.id }[role as string];
    const key = await created(
      stack.api<CreatedApiKeyView>('POST', '/api-keys', { body: { name: `Fuzz ${role}`, role, agencyId } }),
      `the ${role} key`,
    );
    keys[role] = key.key;
  }
  const victim = await created(
    stack.api<CreatedApiKeyView>('POST', '/api-keys', { body: { name: 'Fuzz: may be revoked', role: 'reader' } }),
    'the revocable key',
  );
  const brief = await created(
    stack.api<{ id: string }>('POST', `/brief-requests/${request.id}/briefs`, {
      key: keys.agency,
      body: { title: 'Báo cáo thử nghiệm', summary: 'Tóm tắt', body: 'Nội dung báo cáo.' },
    }),
    'the brief',
  );
  const attachment = await uploadPng(stack, brief.id, keys.agency);
  const incident = await created(
    stack.api<{ id: string }>('POST', '/incidents', {
      body: {
        title: 'Sự việc kiểm thử',
        description: 'Mô tả',
        occurredAt: new Date().toISOString(),
        topics: ['an ninh trật tự'],
        agencyIds: [agencies[0].id],
      },
    }),
    'the incident',
  );
  const series = await created(
    stack.api<{ id: string }>('POST', '/conference-series', {
      body: {
        title: 'Họp báo định kỳ hằng tháng',
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=15',
        startTime: '09:00',
        durationMinutes: 120,
        venue: 'Hội trường UBND tỉnh',
        topics: ['đất đai'],
      },
    }),
    'the series',
  );
  const token = await eventually(() => {
    const mail = invitationMails(stack, conference.id)[0];
    return mail ? invitationLinkOf(mail).split('/moi/')[1] : undefined;
  }, 60_000);
  return {
    ids: {
      agency: request.agencyId,
      pressAgency: press.id,
      conference: conference.id,
      incident: incident.id,
      series: series.id,
      briefRequest: request.id,
      brief: brief.id,
      apiKey: victim.id,
      token,
      attachment,
    },
    callers: { keys },
  };
}

async function uploadPng(stack: Stack, briefId: string, key: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(PNG, 'base64')], { type: 'image/png' }), 'anh.png');
  const response = await fetch(`${stack.baseUrl}/briefs/${briefId}/attachments`, {
    method: 'POST',
    headers: { 'X-API-Key': key },
    body: form,
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || !body.id) {
    throw new Error(`fuzz fixture: the attachment answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.id;
}
