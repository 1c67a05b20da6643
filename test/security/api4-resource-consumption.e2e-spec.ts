import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AttachmentView, BriefRequestView, BriefView, ConferenceView, Page, Problem } from '@pressconf/contracts';
import { signActorToken } from '@pressconf/messaging';
import { pdfFile } from '../fixtures/documents';
import { callPeriodicConference } from '../support/conference';
import { eventually, Stack } from '../support/stack';

/**
 * OWASP API4:2023 Unrestricted Resource Consumption. What a caller can make the system hold is capped and the cap is
 * named in the answer: files per brief and versions per brief (413), bytes an agency attaches per day (429 until
 * midnight, Retry-After), files read at once by a submissions process (503, Retry-After), the size of a body or a
 * file (413). Paging is bounded (a page past the end is empty; an absurd one is a 400 naming the field), and long
 * URLs, headers and actor subjects are 4xx, never a 500. Request rates are API2's and the gateway's limits' tests.
 */
const LIMITS = {
  ATTACHMENT_MAX_BYTES: '200000',
  BRIEF_MAX_ATTACHMENTS: '2',
  BRIEF_MAX_VERSIONS: '2',
  AGENCY_UPLOAD_MAX_BYTES_PER_DAY: '250000',
  UPLOAD_MAX_CONCURRENT: '1',
};

const brief = (title: string) => ({
  title,
  summary: 'Đã tiếp nhận 48 đơn; giải quyết dứt điểm 42 vụ việc.',
  body: 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở đã phối hợp với các huyện rà soát toàn bộ hồ sơ.',
});

/** A multipart upload sent in two goes: the file's first bytes now, the rest when `finish` is called. */
function uploadInTwoGoes(stack: Stack, path: string, file: Buffer) {
  const boundary = `pressconf-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const call = httpRequest(`${stack.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + file.length + tail.length,
      'x-api-key': stack.adminKey,
    },
  });
  const answer = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    call.on('error', reject);
    call.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
    });
  });
  call.write(Buffer.concat([head, file.subarray(0, 1000)]));
  return {
    finish: () => {
      call.end(Buffer.concat([file.subarray(1000), tail]));
      return answer;
    },
  };
}

describe('API4 unrestricted resource consumption', () => {
  let stack: Stack;
  let conference: ConferenceView;
  let land: BriefRequestView;
  let police: BriefRequestView;

  beforeAll(async () => {
    stack = await Stack.start({ env: LIMITS });
    ({ conference } = await callPeriodicConference(stack));
    [land, police] = await eventually(async () => {
      const { items } = (
        await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests?pageSize=100`)
      ).body;
      const named = (name: string) => items.find((r) => r.agencyName === name);
      const found = [named('Sở Nông nghiệp và Môi trường'), named('Công an tỉnh Đắk Lắk')];
      return found.every(Boolean) ? (found as BriefRequestView[]) : undefined;
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const saveBrief = async (requestId: string, title: string) =>
    stack.api<BriefView>('POST', `/brief-requests/${requestId}/briefs`, { body: brief(title) });

  it('reads one file at a time per submissions process here: another is a 503 with Retry-After until it is done', async () => {
    const briefId = (await saveBrief(land.id, 'Báo cáo tháng 11')).body.id;
    const slow = uploadInTwoGoes(stack, `/briefs/${briefId}/attachments`, pdfFile(20_000));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // for its first bytes to reach submissions
    // A probe to a brief that does not exist: 404 when a slot is free, 503 while the slow upload holds it.
    const probe = () => stack.upload<Problem>(`/briefs/${randomUUID()}/attachments`, pdfFile(), 'a.pdf');
    const busy = await eventually(async () => {
      const answer = await probe();
      return answer.status === 503 ? answer : undefined;
    });
    expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(busy.body.detail).toContain('UPLOAD_MAX_CONCURRENT');
    await expect(slow.finish()).resolves.toMatchObject({ status: 201 });
    expect((await probe()).status).toBe(404);
  });

  it('caps the files of a brief (413 naming BRIEF_MAX_ATTACHMENTS); the same bytes again still answer', async () => {
    const briefId = (await stack.api<BriefRequestView>('GET', `/brief-requests/${land.id}`)).body.briefId!;
    const path = `/briefs/${briefId}/attachments`;
    const second = await stack.upload<AttachmentView>(path, pdfFile(21_000), 'b.pdf');
    expect(second.status).toBe(201);
    const third = await stack.upload<Problem>(path, pdfFile(22_000), 'c.pdf');
    expect(third.status).toBe(413);
    expect(third.body).toMatchObject({ status: 413, limit: { name: 'BRIEF_MAX_ATTACHMENTS', value: 2 } });
    const retried = await stack.upload<AttachmentView>(path, pdfFile(21_000), 'b.pdf');
    expect(retried.body.id).toBe(second.body.id);
  });

  it('caps the versions of a brief (413 naming BRIEF_MAX_VERSIONS)', async () => {
    expect((await saveBrief(land.id, 'Báo cáo tháng 11, bản 2')).status).toBe(201);
    const third = await stack.api<Problem>('POST', `/brief-requests/${land.id}/briefs`, { body: brief('Bản 3') });
    expect(third.status).toBe(413);
    expect(third.body.limit).toEqual({ name: 'BRIEF_MAX_VERSIONS', value: 2 });
  });

  it("caps an agency's bytes per day (429 naming the limit, Retry-After until midnight); a smaller file still fits", async () => {
    const path = `/briefs/${(await saveBrief(police.id, 'Báo cáo an ninh')).body.id}/attachments`;
    expect((await stack.upload(path, pdfFile(150_000), 'a.pdf')).status).toBe(201);
    const over = await stack.upload<Problem>(path, pdfFile(140_000), 'b.pdf');
    expect(over.status).toBe(429);
    expect(over.body.limit).toEqual({ name: 'AGENCY_UPLOAD_MAX_BYTES_PER_DAY', value: 250_000 });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(24 * 3600);
    expect((await stack.upload(path, pdfFile(90_000), 'c.pdf')).status).toBe(201);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES and a JSON body over the gateway cap with 413', async () => {
    const briefId = (await stack.api<BriefRequestView>('GET', `/brief-requests/${police.id}`)).body.briefId!;
    const file = await stack.upload<Problem>(`/briefs/${briefId}/attachments`, pdfFile(300_000), 'lon.pdf');
    expect(file.status).toBe(413);
    const body = await stack.api<Problem>('POST', `/brief-requests/${police.id}/briefs`, {
      body: { ...brief('Quá lớn'), body: 'x'.repeat(3 * 1024 * 1024) },
    });
    expect(body.status).toBe(413);
    expect(body.headers.get('content-type')).toContain('application/problem+json');
  });

  it('bounds paging on every list: past the end is an empty page, an absurd page or size a 400 naming it', async () => {
    const lists = [
      `/conferences/${conference.id}/brief-requests`,
      `/conferences/${conference.id}/orientation-documents`,
      '/conferences',
      '/agencies',
      '/api-keys',
    ];
    for (const list of lists) {
      const past = await stack.api<Page<unknown>>('GET', `${list}?page=9999&pageSize=100`);
      expect([list, past.status, past.body.items]).toEqual([list, 200, []]);
      for (const [field, value] of [
        ['page', '1e21'],
        ['page', '99999999999999999999'],
        ['page', '10001'],
        ['pageSize', '1000'],
      ]) {
        const absurd = await stack.api<Problem>('GET', `${list}?${field}=${value}`);
        expect([list, field, absurd.status]).toEqual([list, field, 400]);
        expect(absurd.body.errors?.map((e) => e.field)).toContain(field);
      }
    }
  });

  it('answers long URLs and headers with a 4xx, never a 500', async () => {
    const statuses = {
      longId: (await stack.api('GET', `/briefs/${'a'.repeat(5_000)}`)).status,
      longQuery: (await stack.api('GET', `/agencies?q=${'Sở'.repeat(300)}`)).status,
      longIdempotentPath: (
        await stack.api('POST', `/brief-requests/${'b'.repeat(2_000)}/briefs`, {
          body: brief('x'),
          headers: { 'Idempotency-Key': 'k'.repeat(255) },
        })
      ).status,
      hugeUrl: (await fetch(`${stack.baseUrl}/agencies?q=${'x'.repeat(200_000)}`)).status,
      hugeHeader: (await fetch(`${stack.baseUrl}/agencies`, { headers: { 'X-Filler': 'x'.repeat(100_000) } })).status,
    };
    for (const [what, status] of Object.entries(statuses))
      expect([what, status >= 400 && status < 500]).toEqual([what, true]);
    // A malformed correlation id is replaced, not carried into logs and events.
    const traced = await stack.api('GET', '/agencies', { headers: { 'X-Correlation-Id': 'c'.repeat(5_000) } });
    expect(traced.status).toBe(200);
    expect(traced.headers.get('x-correlation-id')?.length).toBeLessThanOrEqual(100);
  });

  it('refuses an actor subject longer than the columns that keep it (401 at the service, not a 500 on insert)', async () => {
    // The gateway refuses such bearer tokens itself (API2); a service does not rely on it.
    const token = await signActorToken(
      { role: 'coordinator', subject: `jwt:${'s'.repeat(300)}` },
      'submissions',
      stack.actorTokenKeys.privateKey,
    );
    const answer = await fetch(
      `http://127.0.0.1:${stack.ports.submissions}/internal/brief-requests/${police.id}/briefs`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(brief('Chủ thể dài')),
      },
    );
    expect(answer.status).toBe(401);
  });
});
