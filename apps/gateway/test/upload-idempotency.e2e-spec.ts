import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type {
  AttachmentView,
  BriefRequestView,
  BriefView,
  OrientationDocumentView,
  Problem,
} from '@pressconf/contracts';
import { eventually, Stack } from '@pressconf/testing/support/stack';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { issueKey, TINY_PNG } from '@pressconf/testing/support/role-keys';

/** Another 1×1 PNG: a file that passes the content check and differs from TINY_PNG. */
const OTHER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The upload routes honour `Idempotency-Key` like the other creating POSTs: the same form again (its fields in any
 * order, the same file) replays the first answer without storing anything; another file or field under the key is
 * a 422; while the first is still being sent, a retry is a 409; a refused upload keeps nothing.
 */
describe('gateway: Idempotency-Key on uploads', () => {
  let stack: Stack;
  let conferenceId: string;
  let briefId: string;
  let agencyKey: string;

  const upload = async <T>(
    path: string,
    key: string,
    file: { bytes: Buffer; name: string },
    options: { fields?: Array<[string, string]>; apiKey?: string } = {},
  ) => {
    const form = new FormData();
    for (const [name, value] of options.fields ?? []) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'X-API-Key': options.apiKey ?? stack.adminKey, 'Idempotency-Key': key },
      body: form,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  };
  const attachmentsOf = async () =>
    (await stack.api<BriefView>('GET', `/briefs/${briefId}`, { key: agencyKey })).body.attachments;

  beforeAll(async () => {
    stack = await Stack.start();
    const called = await callPeriodicConference(stack);
    conferenceId = called.conference.id;
    const [request] = await eventually(async () => {
      const { body } = await stack.api<{ items: BriefRequestView[] }>(
        'GET',
        `/conferences/${conferenceId}/brief-requests`,
      );
      return body.items?.length ? body.items : undefined;
    });
    agencyKey = await issueKey(stack, 'agency', request.agencyId);
    const brief = await stack.api<BriefView>('POST', `/brief-requests/${request.id}/briefs`, {
      key: agencyKey,
      body: { title: 'Báo cáo về tình hình đất đai', summary: 'Tóm tắt', body: 'Nội dung báo cáo.' },
    });
    expect(brief.status).toBe(201);
    briefId = brief.body.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('replays an attachment sent again with its key, and refuses the key with another file', async () => {
    const key = randomUUID();
    const path = `/briefs/${briefId}/attachments`;
    const first = await upload<AttachmentView>(
      path,
      key,
      { bytes: TINY_PNG, name: 'ban-do.png' },
      { apiKey: agencyKey },
    );
    expect(first.status).toBe(201);
    const retry = await upload<AttachmentView>(
      path,
      key,
      { bytes: TINY_PNG, name: 'ban-do.png' },
      { apiKey: agencyKey },
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);

    for (const file of [
      { bytes: OTHER_PNG, name: 'ban-do.png' },
      { bytes: TINY_PNG, name: 'ban-do-khac.png' },
    ]) {
      const other = await upload<Problem>(path, key, file, { apiKey: agencyKey });
      expect(other.status).toBe(422);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await attachmentsOf()).map((a) => a.id)).toEqual([first.body.id]);
  });

  it('replays an orientation document whatever the order of its fields, and refuses another title', async () => {
    const key = randomUUID();
    const path = `/conferences/${conferenceId}/orientation-documents`;
    const file = { bytes: OTHER_PNG, name: 'dinh-huong.png' };
    const fields: Array<[string, string]> = [
      ['title', 'Định hướng tuyên truyền về công tác nhân quyền'],
      ['summary', 'Những nội dung cần nhấn mạnh'],
    ];
    const first = await upload<OrientationDocumentView>(path, key, file, { fields });
    expect(first.status).toBe(201);
    const retry = await upload<OrientationDocumentView>(path, key, file, { fields: [...fields].reverse() });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const retitled = await upload<Problem>(path, key, file, { fields: [['title', 'Định hướng khác'], fields[1]] });
    expect(retitled.status).toBe(422);
    const listed = await stack.api<{ total: number }>('GET', `/conferences/${conferenceId}/orientation-documents`);
    expect(listed.body.total).toBe(1);
  });

  it('keeps nothing of a refused upload, so that its corrected retry runs under the same key', async () => {
    const key = randomUUID();
    const path = `/briefs/${briefId}/attachments`;
    const refused = await upload<Problem>(
      path,
      key,
      { bytes: Buffer.from('MZ not a picture'), name: 'anh.png' },
      {
        apiKey: agencyKey,
      },
    );
    expect(refused.status).toBe(415);
    const corrected = await upload<AttachmentView>(
      path,
      key,
      { bytes: OTHER_PNG, name: 'anh.png' },
      {
        apiKey: agencyKey,
      },
    );
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers a retry 409 while the first upload is still arriving, without reading its file', async () => {
    const key = randomUUID();
    const path = `/api/v1/briefs/${briefId}/attachments`;
    const boundary = `----pressconf${randomUUID()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cham.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, TINY_PNG, tail]);
    const headers = {
      'X-API-Key': agencyKey,
      'Idempotency-Key': key,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(body.length),
    };
    // The first request sends a part of its file and waits.
    const outgoing = httpRequest({ host: '127.0.0.1', port: stack.ports.gateway, path, method: 'POST', headers });
    const first = new Promise<number>((resolve, reject) => {
      outgoing.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
    });
    outgoing.write(body.subarray(0, head.length + 10));
    await eventually(
      async () =>
        (await stack.query('SELECT 1 FROM gateway.idempotency_record WHERE scope LIKE $1', [`% ${key}`])).length > 0,
    );
    const retry = await fetch(`${stack.baseUrl}/briefs/${briefId}/attachments`, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    });
    outgoing.end(body.subarray(head.length + 10));
    expect(retry.status).toBe(409);
    // The same bytes as an attachment already there: answered with that one.
    expect(await first).toBe(201);
  });
});
