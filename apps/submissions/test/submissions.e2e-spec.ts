import { createHash } from 'node:crypto';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type {
  AgencyRole,
  AgencyView,
  AttachmentView,
  BriefingPackSummary,
  BriefingPackView,
  BriefRequestView,
  BriefView,
  ConferenceView,
  CreatedApiKeyView,
  EventType,
  InformationOfferAttachmentView,
  InformationOfferView,
  ObstacleReportView,
  OrientationDocumentView,
  Page,
  Problem,
} from '@pressconf/contracts';
import { renderPdf } from '@pressconf/pdf';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import { docxFile, elfFile, exeFile, pdfFile, pngFile, zipFile } from './fixtures/files';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { briefRequestsOf, callConference, download, outboxEvents } from './support/submissions';

/** The parts of the OpenAPI document the tests read. */
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}
interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
}
interface OpenApiSchema {
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  $ref?: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MB = 1024 * 1024;

const LAND = 'Sở Nông nghiệp và Môi trường';
const POLICE = 'Công an tỉnh Đắk Lắk';

const briefV1 = {
  title: 'Báo cáo tình hình giải quyết tranh chấp đất đai tháng 11/2026',
  summary: 'Đã tiếp nhận 48 đơn; giải quyết dứt điểm 42 vụ việc.',
  body: 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở đã phối hợp với các huyện rà soát toàn bộ hồ sơ.',
  documentNumber: '125/BC-SNNMT',
  issuedAt: '2026-11-28T09:00:00+07:00',
  signedBy: 'Phó Giám đốc Đỗ Thị Lan',
};

describe('submissions: conferences from called to briefing pack, with deadlines', () => {
  let stack: Stack;
  let conference: ConferenceView;
  let agencies: AgencyView[];
  let land: { id: string; agencyId: string };
  let police: { id: string; agencyId: string };
  let briefId: string;

  const count = async (table: string) =>
    (await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions.${table}`))[0].n;
  const keyFor = async (role: string, agencyId?: string) => {
    const issued = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: `Khóa thử ${role}`, role, ...(agencyId ? { agencyId } : {}) },
    });
    expect(issued.status).toBe(201);
    return issued.body.key;
  };

  beforeAll(async () => {
    stack = await Stack.start({ env: { OVERDUE_WATCH_INTERVAL_MS: '1000' } });
    ({ agencies, conference } = await callPeriodicConference(stack));
    const requests = await briefRequestsOf(stack, conference);
    land = requests.find((r) => r.agencyName === LAND)!;
    police = requests.find((r) => r.agencyName === POLICE)!;
    expect(land && police).toBeTruthy();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps versions of an official brief, with its representatives and files', async () => {
    const nominated = await stack.api<BriefRequestView>('PUT', `/brief-requests/${land.id}/representatives`, {
      body: { representatives: [{ name: 'Đỗ Thị Lan', title: 'Phó Giám đốc', speaks: true }] },
    });
    expect(nominated.status).toBe(200);
    expect(nominated.body.representatives).toEqual([{ name: 'Đỗ Thị Lan', title: 'Phó Giám đốc', speaks: true }]);

    const saved = await stack.api<BriefView>('POST', `/brief-requests/${land.id}/briefs`, { body: briefV1 });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      requestId: land.id,
      status: 'OPEN',
      currentVersion: 1,
      version: { version: 1, title: briefV1.title },
    });
    expect(saved.body.version.issuedAt).toBe('2026-11-28T02:00:00.000Z');
    briefId = saved.body.id;
    expect((await stack.api<BriefRequestView>('GET', `/brief-requests/${land.id}`)).body.briefId).toBe(briefId);

    // 1.3 MB, streamed whole from the gateway to submissions in one request and back.
    const big = pdfFile(Math.round(1.3 * MB));
    const attached = await stack.upload<AttachmentView>(
      `/briefs/${briefId}/attachments`,
      big,
      'Bảng thống kê đơn thư.pdf',
    );
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({
      fileName: 'Bảng thống kê đơn thư.pdf',
      mediaType: 'application/pdf',
      size: big.length,
      sha256: sha256(big),
      briefVersion: 1,
    });
    const again = await stack.upload<AttachmentView>(
      `/briefs/${briefId}/attachments`,
      big,
      'Bảng thống kê đơn thư.pdf',
    );
    expect(again.body.id).toBe(attached.body.id);
    const docx = await stack.upload<AttachmentView>(`/briefs/${briefId}/attachments`, docxFile(), 'phu-luc.docx');
    expect(docx.status).toBe(201);
    expect(docx.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // Two pages of text, which the briefing pack takes in as pages of its own.
    const appendix = await renderPdf({
      content: [
        { text: 'Phụ lục số liệu giải quyết đơn thư, trang một', pageBreak: 'after' },
        { text: 'Phụ lục số liệu giải quyết đơn thư, trang hai' },
      ],
    });
    expect((await stack.upload(`/briefs/${briefId}/attachments`, appendix, 'Phụ lục số liệu.pdf')).status).toBe(201);
    // The tables that held uploads arriving in parts are gone.
    expect(
      (await stack.query<{ t: string | null }>(`SELECT to_regclass('submissions.file_upload') AS t`))[0].t,
    ).toBeNull();

    const fetched = await download(stack, `/briefs/${briefId}/attachments/${attached.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toContain('application/pdf');
    expect(fetched.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Bảng thống kê đơn thư.pdf')}`,
    );
    expect(sha256(fetched.bytes)).toBe(sha256(big));

    const stored = await stack.query<{ sha256: string; size: number }>(
      `SELECT sha256, octet_length(content) AS size FROM submissions.brief_attachment WHERE id = $1`,
      [attached.body.id],
    );
    expect(stored[0]).toEqual({ sha256: sha256(big), size: big.length });
  });

  it('walks submit, return, revision, resubmission and acceptance, each step with its event', async () => {
    const submitted = await stack.api<BriefView>('POST', `/brief-requests/${land.id}/submit`, { body: { version: 1 } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', submittedVersion: 1 });

    const locked = await stack.api<Problem>('POST', `/brief-requests/${land.id}/briefs`, { body: briefV1 });
    expect(locked.status).toBe(409);
    expect(locked.body.currentState).toBe('SUBMITTED');
    expect(locked.body.detail).toContain('SUBMITTED');

    const returned = await stack.api<BriefView>('POST', `/brief-requests/${land.id}/review`, {
      body: { decision: 'RETURN', comment: 'Đề nghị bổ sung số liệu theo từng huyện.' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('RETURNED');
    const noComment = await stack.api('POST', `/brief-requests/${land.id}/review`, { body: { decision: 'RETURN' } });
    expect(noComment.status).toBe(400);

    const unrevised = await stack.api('POST', `/brief-requests/${land.id}/submit`);
    expect(unrevised.status).toBe(422);

    const revised = await stack.api<BriefView>('POST', `/brief-requests/${land.id}/briefs`, {
      body: { ...briefV1, body: `${briefV1.body}\n\nHuyện Krông Búk: 12 vụ; huyện Ea H’leo: 9 vụ.` },
    });
    expect(revised.status).toBe(201);
    expect(revised.body.currentVersion).toBe(2);
    expect((await stack.api<BriefView>('POST', `/brief-requests/${land.id}/submit`)).body.status).toBe('SUBMITTED');
    const accepted = await stack.api<BriefView>('POST', `/brief-requests/${land.id}/review`, {
      body: { decision: 'ACCEPT' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', acceptedVersion: 2, currentVersion: 2 });
    expect(accepted.body.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(accepted.body.reviews.map((r) => r.decision)).toEqual(['RETURN', 'ACCEPT']);

    const again = await stack.api<Problem>('POST', `/brief-requests/${land.id}/review`, {
      body: { decision: 'ACCEPT' },
    });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('ACCEPTED');

    const first = await stack.api<BriefView>('GET', `/briefs/${briefId}?version=1`);
    expect(first.body.version.body).toBe(briefV1.body);

    const submittedEvents = (await outboxEvents(stack, 'submissions.brief.submitted.v1', conference.id)).map(
      (e) => e.data,
    );
    expect(submittedEvents.map((d) => d.version)).toEqual([1, 2]);
    const reviewed = (await outboxEvents(stack, 'submissions.brief.reviewed.v1', conference.id)).map((e) => e.data);
    expect(reviewed.map((d) => [d.decision, d.version])).toEqual([
      ['RETURN', 1],
      ['ACCEPT', 2],
    ]);
    expect(reviewed[0].comment).toBe('Đề nghị bổ sung số liệu theo từng huyện.');
    await eventually(async () =>
      (await outboxEvents(stack, 'submissions.brief.reviewed.v1', conference.id)).every((e) => e.published),
    );
  });

  it('keeps an agency to its own requests and briefs: another agency’s are a 404, and nothing changes', async () => {
    const policeKey = await keyFor('agency', police.agencyId);
    const own = await stack.api('GET', `/brief-requests/${police.id}`, { key: policeKey });
    expect(own.status).toBe(200);
    const list = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`, {
      key: policeKey,
    });
    expect(list.body.items.map((r) => r.id)).toEqual([police.id]);

    const versionsBefore = await count('brief_version');
    for (const [method, path, body] of [
      ['GET', `/brief-requests/${land.id}`, undefined],
      ['GET', `/briefs/${briefId}`, undefined],
      ['POST', `/brief-requests/${land.id}/briefs`, briefV1],
      ['POST', `/brief-requests/${land.id}/nothing-to-report`, {}],
    ] as const) {
      const refused = await stack.api(method, path, { key: policeKey, body });
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const foreignUpload = await stack.upload(`/briefs/${briefId}/attachments`, pngFile(), 'anh.png', {
      key: policeKey,
    });
    expect(foreignUpload.status).toBe(404);
    expect(await count('brief_version')).toBe(versionsBefore);

    const review = await stack.api('POST', `/brief-requests/${police.id}/review`, {
      key: policeKey,
      body: { decision: 'ACCEPT' },
    });
    expect(review.status).toBe(403);

    // The police write and submit their own, with their own key.
    const saved = await stack.api<BriefView>('POST', `/brief-requests/${police.id}/briefs`, {
      key: policeKey,
      body: {
        title: 'Thông tin về bảo đảm an ninh, trật tự và quyền con người',
        summary: 'Tình hình ổn định.',
        body: 'Không phát sinh vụ việc phức tạp về nhân quyền.',
      },
    });
    expect(saved.status).toBe(201);
    expect(
      (await stack.api<BriefView>('POST', `/brief-requests/${police.id}/submit`, { key: policeKey })).body.status,
    ).toBe('SUBMITTED');
  });

  it('refuses a forged file and an oversized one with clear problems, storing nothing', async () => {
    const before = await count('brief_attachment');
    // The police brief is under review, frozen: returned, it takes files again.
    await stack.api('POST', `/brief-requests/${police.id}/review`, {
      body: { decision: 'RETURN', comment: 'Bổ sung số liệu.' },
    });
    const policeBrief = (await stack.api<BriefRequestView>('GET', `/brief-requests/${police.id}`)).body;
    const target = `/briefs/${policeBrief.briefId}/attachments`;

    for (const [forged, name] of [
      [elfFile(), 'bao-cao.pdf'],
      [exeFile(), 'bao-cao.pdf'],
    ] as const) {
      const refused = await stack.upload<Problem>(target, forged, name);
      expect(refused.status).toBe(415);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.detail).toMatch(/only PDF, DOCX, PNG or JPEG/);
    }
    // A ZIP archive passes the first look but is refused once read whole: nothing of it is stored either.
    const archive = zipFile({ 'readme.txt': 'x'.repeat(700 * 1024) });
    const notWord = await stack.upload<Problem>(target, archive, 'tai-lieu.docx');
    expect(notWord.status).toBe(415);
    expect(notWord.body.detail).toMatch(/not a Word document/);

    const oversized = Buffer.concat([pdfFile(), Buffer.alloc(10 * MB + 1)]);
    const tooLarge = await stack.upload<Problem>(target, oversized, 'qua-lon.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLarge.body.detail).toMatch(/limit of 10 MB/);

    expect(await count('brief_attachment')).toBe(before);
  });

  it('compiles the accepted briefs and the orientation documents into a Vietnamese PDF, a new version per acceptance', async () => {
    const orientation = await stack.upload<OrientationDocumentView>(
      `/conferences/${conference.id}/orientation-documents`,
      pngFile(),
      'định-hướng.png',
      {
        fields: {
          title: 'Định hướng tuyên truyền về công tác bảo đảm quyền con người',
          summary: 'Nhấn mạnh kết quả đối thoại với người dân.',
        },
      },
    );
    expect(orientation.status).toBe(201);
    expect(orientation.body).toMatchObject({ fileName: 'định-hướng.png', mediaType: 'image/png' });

    const compiled = await stack.api<BriefingPackSummary>('POST', `/conferences/${conference.id}/briefing-pack`);
    expect(compiled.status).toBe(201);
    expect(compiled.body).toMatchObject({
      version: 1,
      briefIds: [briefId],
      orientationDocumentIds: [orientation.body.id],
      availableFrom: conference.startsAt,
    });
    const unchanged = await stack.api<BriefingPackSummary>('POST', `/conferences/${conference.id}/briefing-pack`);
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.version).toBe(1);

    const json = await stack.api<BriefingPackView>('GET', `/conferences/${conference.id}/briefing-pack`);
    expect(json.status).toBe(200);
    expect(json.body.briefs).toHaveLength(1);
    expect(json.body.briefs[0]).toMatchObject({ agencyName: LAND, version: 2, documentNumber: '125/BC-SNNMT' });
    expect(json.body.briefs[0].attachments.map((a) => a.fileName)).toEqual([
      'Bảng thống kê đơn thư.pdf',
      'phu-luc.docx',
      'Phụ lục số liệu.pdf',
    ]);

    const started = Date.now();
    const pdf = await download(stack, `/conferences/${conference.id}/briefing-pack`, { Accept: 'application/pdf' });
    const elapsed = Date.now() - started;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(pdf.bytes)).toBe(compiled.body.pdf.sha256);
    const { text, numpages } = await pdfParse(pdf.bytes);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'HỘI NGHỊ CUNG CẤP THÔNG TIN CHO BÁO CHÍ ĐỊNH KỲ',
      conference.title,
      'MỤC LỤC',
      'TÀI LIỆU ĐỊNH HƯỚNG THÔNG TIN',
      'Định hướng tuyên truyền về công tác bảo đảm quyền con người',
      LAND,
      briefV1.title,
      '125/BC-SNNMT',
      'Phó Giám đốc Đỗ Thị Lan',
      'Huyện Krông Búk: 12 vụ; huyện Ea H’leo: 9 vụ.',
      'Bảng thống kê đơn thư.pdf',
    ]) {
      expect(flat).toContain(expected);
    }
    expect(numpages).toBe(compiled.body.pageCount);
    // The files follow the pack's own pages, in order: the orientation image, the one-page PDF, then the two pages
    // of the appendix, whose text is the pack's; the Word document is listed, not converted. The contents and each
    // file's line say which pages hold which file (pdf.js spaces words apart at dashes: compare without spaces).
    const compact = text.replace(/\s/g, '');
    expect(flat.indexOf('Phụ lục số liệu giải quyết đơn thư, trang một')).toBeGreaterThan(flat.indexOf(briefV1.title));
    expect(flat.indexOf('Phụ lục số liệu giải quyết đơn thư, trang hai')).toBeGreaterThan(
      flat.indexOf('Phụ lục số liệu giải quyết đơn thư, trang một'),
    );
    for (const placed of [`${numpages - 3}.`, `${numpages - 2}.`, `${numpages - 1}–${numpages}.`]) {
      expect(compact).toContain(`Ghépvàotậptàiliệu:trang${placed}`);
    }
    const listed = /Phụlụcsốliệu\.pdfSởNôngnghiệpvàMôitrường—PDF,[\d,]+K?B(\d+)–(\d+)/.exec(compact);
    expect(listed?.slice(1).map(Number)).toEqual([numpages - 1, numpages]);
    expect(compact).toContain('TệpWordkhôngđượcchuyểnsangPDFnênkhôngghépvàotậptàiliệu');
    expect(compact).toContain(`Trang${numpages}/${numpages}`);
    console.log(`briefing pack v1: ${pdf.bytes.length} bytes, ${numpages} pages, fetched in ${elapsed} ms`);

    // A new acceptance makes a new version.
    await stack.api('POST', `/brief-requests/${police.id}/briefs`, {
      body: {
        title: 'Thông tin về bảo đảm an ninh, trật tự và quyền con người',
        summary: 'Tình hình ổn định.',
        body: 'Đã bổ sung số liệu.',
      },
    });
    await stack.api('POST', `/brief-requests/${police.id}/submit`);
    expect(
      (await stack.api('POST', `/brief-requests/${police.id}/review`, { body: { decision: 'ACCEPT' } })).status,
    ).toBe(200);
    const second = await stack.api<BriefingPackSummary>('POST', `/conferences/${conference.id}/briefing-pack`);
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.briefIds).toHaveLength(2);
    const v1 = await stack.api<BriefingPackView>('GET', `/conferences/${conference.id}/briefing-pack?version=1`);
    expect(v1.body.version).toBe(1);

    const events = await outboxEvents(stack, 'submissions.briefing-pack.compiled.v1', conference.id);
    expect(events.map((e) => e.data.version)).toEqual([1, 2]);
    expect(events[1].data).toMatchObject({
      conferenceId: conference.id,
      packId: second.body.id,
      availableFrom: conference.startsAt,
    });
  });

  it('keeps the pack under embargo for the press until the conference starts, not for the hosts', async () => {
    const pressAgency = agencies.find((a) => a.kind === 'PRESS')!;
    const press = await keyFor('press', pressAgency.id);
    const host = await keyFor('host', agencies.find((a) => a.roles.includes('CO_HOST'))!.id);
    const embargoed = await stack.api<Problem>('GET', `/conferences/${conference.id}/briefing-pack`, { key: press });
    expect(embargoed.status).toBe(403);
    expect(embargoed.body.detail).toMatch(/embargo/);
    const agencyKey = await keyFor('agency', land.agencyId);
    expect((await stack.api('GET', `/conferences/${conference.id}/briefing-pack`, { key: agencyKey })).status).toBe(
      403,
    );
    expect((await stack.api('GET', `/conferences/${conference.id}/briefing-pack`, { key: host })).status).toBe(200);
  });

  it('lets the co-host and the police add orientation documents, naming the body each comes from', async () => {
    const hostKey = async (role: AgencyRole) => keyFor('host', agencies.find((a) => a.roles.includes(role))!.id);
    const [police, coordinatorHost, otherHost] = await Promise.all([
      hostKey('HUMAN_RIGHTS_STANDING_OFFICE'),
      hostKey('COORDINATOR'),
      // An agency holding no host role: no conference of this province is its.
      keyFor('host', land.agencyId),
    ]);
    const policeName = agencies.find((a) => a.roles.includes('HUMAN_RIGHTS_STANDING_OFFICE'))!.name;
    const coordinator = agencies.find((a) => a.roles.includes('COORDINATOR'))!;
    const path = `/conferences/${conference.id}/orientation-documents`;
    const fields = { title: 'Tài liệu chuyên đề về quyền con người' };
    const added = await stack.upload<OrientationDocumentView>(path, pdfFile(), 'chuyen-de.pdf', {
      fields,
      key: police,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ sourceAgencyName: policeName });
    const refused = await stack.upload<Problem>(path, pdfFile(), 'khac.pdf', { fields, key: coordinatorHost });
    expect(refused.status).toBe(403);
    expect((await stack.upload(path, pdfFile(), 'khac.pdf', { fields, key: otherHost })).status).toBe(404);

    const listed = await stack.api<Page<OrientationDocumentView>>('GET', path, { key: police });
    expect(listed.status).toBe(200);
    // The coordinator's own upload comes from the conference's coordinator agency.
    expect(listed.body.items.map((d) => d.sourceAgencyName)).toEqual([coordinator.name, policeName]);
    const reads = [path, `/conferences/${conference.id}/brief-requests`, `/conferences/${conference.id}/briefing-pack`];
    for (const read of reads) {
      expect({ read, status: (await stack.api('GET', read, { key: otherHost })).status }).toEqual({
        read,
        status: 404,
      });
    }

    expect((await stack.api('POST', `/conferences/${conference.id}/briefing-pack`)).status).toBe(201);
    const pack = await stack.api<BriefingPackView>('GET', `/conferences/${conference.id}/briefing-pack`);
    expect(pack.body.orientationDocuments.map((d) => d.sourceAgencyName)).toEqual([coordinator.name, policeName]);
    const pdf = await download(stack, `/conferences/${conference.id}/briefing-pack`, { Accept: 'application/pdf' });
    const text = (await pdfParse(pdf.bytes)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Cơ quan cung cấp: ${policeName}`);
  });

  it('documents its endpoints in the OpenAPI document, with the contract classes as schemas', async () => {
    const doc = (await (await fetch(`http://127.0.0.1:${stack.ports.gateway}/docs-json`)).json()) as OpenApiDocument;
    const ref = (path: string, method: string, status: string) =>
      doc.paths[`/api/v1${path}`]?.[method]?.responses?.[status]?.content?.['application/json']?.schema?.$ref;
    expect(ref('/brief-requests/{id}', 'get', '200')).toBe('#/components/schemas/BriefRequestView');
    expect(ref('/brief-requests/{id}/briefs', 'post', '201')).toBe('#/components/schemas/BriefView');
    expect(ref('/briefs/{id}/attachments', 'post', '201')).toBe('#/components/schemas/AttachmentView');
    expect(ref('/conferences/{id}/briefing-pack', 'post', '201')).toBe('#/components/schemas/BriefingPackSummary');
    expect(ref('/conferences/{id}/orientation-documents', 'post', '201')).toBe(
      '#/components/schemas/OrientationDocumentView',
    );
    expect(
      doc.paths['/api/v1/conferences/{id}/briefing-pack'].get.responses['200'].content?.['application/pdf'],
    ).toBeDefined();
    expect(doc.paths['/api/v1/briefs/{id}/attachments'].post.responses['415']).toBeDefined();
    for (const name of [
      'BriefView',
      'BriefRequestView',
      'AttachmentView',
      'BriefingPackView',
      'SaveBriefDto',
      'ReviewBriefDto',
      'NominateRepresentativesDto',
    ]) {
      expect(doc.components.schemas[name]?.properties).toBeDefined();
    }
    expect(doc.components.schemas.BriefView.properties?.versions.items?.$ref).toBe(
      '#/components/schemas/BriefVersionSummary',
    );
  });

  it('marks a request overdue exactly once, across restarts; a reschedule reopens it and a cancellation closes it', async () => {
    const dueAt = new Date(Date.now() + 20_000);
    const conference = await callConference(stack, {
      title: 'Hội nghị cung cấp thông tin về tranh chấp đất đai tại huyện Cư M’gar',
      startsInHours: 30,
      briefsDueAt: dueAt,
    });
    const requests = await briefRequestsOf(stack, conference);
    const quiet = requests.find((r) => r.agencyName === POLICE)!;
    const late = requests.find((r) => r.agencyName === LAND)!;

    const nothing = await stack.api<BriefRequestView>('POST', `/brief-requests/${quiet.id}/nothing-to-report`, {
      body: { comment: 'Không phát sinh vụ việc trên địa bàn.' },
    });
    expect(nothing.status).toBe(200);
    expect(nothing.body).toMatchObject({
      status: 'CLOSED',
      closedReason: 'NOTHING_TO_REPORT',
      closingNote: 'Không phát sinh vụ việc trên địa bàn.',
    });
    expect((await stack.api('POST', `/brief-requests/${quiet.id}/briefs`, { body: briefV1 })).status).toBe(409);

    const overdue = await eventually(async () => {
      const request = await stack.api<BriefRequestView>('GET', `/brief-requests/${late.id}`);
      return request.body.status === 'OVERDUE' ? request.body : undefined;
    }, 60_000);
    expect(new Date(overdue.dueAt).getTime()).toBe(dueAt.getTime());
    const overdueEvents = () => outboxEvents(stack, 'submissions.brief-request.overdue.v1', conference.id);
    await eventually(async () => (await overdueEvents()).every((e) => e.published));
    expect((await overdueEvents()).map((e) => e.data.requestId)).toEqual([late.id]);

    // A crash and a restart do not report it again.
    await stack.stopService('submissions', 'SIGKILL');
    await stack.startService('submissions');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await overdueEvents()).toHaveLength(1);

    // The reschedule moves the due time with the conference: the agency has time again.
    const startsAt = new Date(Date.parse(conference.startsAt) + 24 * 3600_000);
    const rescheduled = await stack.api('POST', `/conferences/${conference.id}/reschedule`, {
      body: {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        reason: 'Trùng lịch họp của Tỉnh ủy',
      },
    });
    expect(rescheduled.status).toBe(200);
    const reopened = await eventually(async () => {
      const request = await stack.api<BriefRequestView>('GET', `/brief-requests/${late.id}`);
      return request.body.status === 'OPEN' ? request.body : undefined;
    });
    expect(new Date(reopened.dueAt).getTime()).toBeGreaterThan(Date.now());

    const cancelled = await stack.api('POST', `/conferences/${conference.id}/cancel`, {
      body: { reason: 'Sự việc đã được giải quyết' },
    });
    expect(cancelled.status).toBe(200);
    const closed = await eventually(async () => {
      const request = await stack.api<BriefRequestView>('GET', `/brief-requests/${late.id}`);
      return request.body.status === 'CLOSED' ? request.body : undefined;
    });
    expect(closed.closedReason).toBe('CONFERENCE_CANCELLED');
    expect((await stack.api<BriefRequestView>('GET', `/brief-requests/${quiet.id}`)).body.closedReason).toBe(
      'NOTHING_TO_REPORT',
    );
    const closedEvents = await outboxEvents(stack, 'submissions.brief-request.closed.v1', conference.id);
    expect(closedEvents.map((e) => e.data.requestId).sort()).toEqual([late.id, quiet.id].sort());

    const compile = await stack.api<Problem>('POST', `/conferences/${conference.id}/briefing-pack`);
    expect(compile.status).toBe(409);
    expect(compile.body.currentState).toBe('CANCELLED');
    expect(await overdueEvents()).toHaveLength(1);
  });

  it('asks an agency invited after the call for its brief and releases a removed one, once; a brief under review stays', async () => {
    const conference = await callConference(stack, {
      title: 'Hội nghị cung cấp thông tin về quy hoạch sử dụng đất giai đoạn 2026–2030',
      startsInHours: 240,
    });
    const atCall = await briefRequestsOf(stack, conference);
    const land = atCall.find((r) => r.agencyName === LAND)!;
    const police = atCall.find((r) => r.agencyName === POLICE)!;
    const health = agencies.find((a) => a.name === 'Sở Y tế')!;
    expect(atCall.map((r) => r.agencyId)).not.toContain(health.id);
    // The police's brief is under review when the police are removed: it was delivered, the coordinator decides.
    expect((await stack.api('POST', `/brief-requests/${police.id}/briefs`, { body: briefV1 })).status).toBe(201);
    expect((await stack.api('POST', `/brief-requests/${police.id}/submit`)).status).toBe(200);

    const invitees = `/conferences/${conference.id}/invitees`;
    expect((await stack.api('POST', invitees, { body: { agencyId: health.id } })).status).toBe(200);
    expect((await stack.api('DELETE', `${invitees}/${land.agencyId}`)).status).toBe(200);
    expect((await stack.api('DELETE', `${invitees}/${police.agencyId}`)).status).toBe(200);
    const listed = async () =>
      (await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests?pageSize=100`)).body
        .items;
    const changed = await eventually(async () => {
      const items = await listed();
      const closed = items.find((r) => r.id === land.id)?.status === 'CLOSED';
      return closed && items.some((r) => r.agencyId === health.id) ? items : undefined;
    });
    const asked = changed.find((r) => r.agencyId === health.id)!;
    // Due as a request opened after the call: with the others, whose due time lies ahead.
    expect(asked).toMatchObject({ agencyName: 'Sở Y tế', status: 'OPEN', dueAt: land.dueAt });
    expect(changed.find((r) => r.id === land.id)).toMatchObject({ closedReason: 'INVITATION_WITHDRAWN' });
    expect(changed.find((r) => r.id === police.id)).toMatchObject({ status: 'SUBMITTED' });
    expect(changed).toHaveLength(atCall.length + 1);

    const eventsOf = async (type: 'submissions.brief-request.opened.v1' | 'submissions.brief-request.closed.v1') =>
      (await outboxEvents(stack, type, conference.id)).map((e) => e.data);
    expect((await eventsOf('submissions.brief-request.opened.v1')).map((d) => d.requestId).sort()).toEqual(
      [...atCall.map((r) => r.id), asked.id].sort(),
    );
    const [closed, ...noMore] = await eventsOf('submissions.brief-request.closed.v1');
    expect(noMore).toEqual([]);
    expect(closed).toMatchObject({ requestId: land.id, agencyId: land.agencyId, dueAt: land.dueAt });
    expect(closed.reason).toBe('Cơ quan không còn trong danh sách được mời dự họp báo');

    // Invited again, the agency is asked again on the same request; its drafts are kept.
    expect((await stack.api('POST', invitees, { body: { agencyId: land.agencyId } })).status).toBe(200);
    const again = await eventually(async () => (await listed()).find((r) => r.id === land.id && r.status === 'OPEN'));
    expect(again.closedReason).toBeUndefined();
    const opened = await eventsOf('submissions.brief-request.opened.v1');
    expect(opened.filter((d) => d.requestId === land.id)).toHaveLength(2);

    // Scheduling's relay delivering every change a second time changes nothing.
    await stack.query(`UPDATE scheduling.outbox_message SET published_at = NULL WHERE type = $1 AND message_key = $2`, [
      'scheduling.conference.invitees-changed.v1',
      conference.id,
    ]);
    await eventually(
      async () =>
        (
          await stack.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM scheduling.outbox_message WHERE message_key = $1 AND published_at IS NULL`,
            [conference.id],
          )
        )[0].n === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await eventsOf('submissions.brief-request.opened.v1')).toHaveLength(opened.length);
    expect(await eventsOf('submissions.brief-request.closed.v1')).toHaveLength(1);
    expect((await listed()).map((r) => [r.id, r.status])).toEqual(
      changed.map((r) => [r.id, r.id === land.id ? 'OPEN' : r.status]),
    );
  });

  describe('obstacle reports and information offers', () => {
    let landKey: string;
    let policeKey: string;
    const as = (key: string) => ({ key });
    const fieldsOf = (response: { body: unknown }) =>
      ((response.body as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
    const published = <T extends EventType>(type: T, subject: string, n: number) =>
      eventually(async () => {
        const events = await outboxEvents(stack, type, subject);
        return events.length >= n && events.every((e) => e.published) ? events : undefined;
      });

    beforeAll(async () => {
      landKey = await keyFor('agency', land.agencyId);
      policeKey = await keyFor('agency', police.agencyId);
    });

    it('reports, forwards and resolves an obstacle, one step at a time, seen by its agency alone', async () => {
      const reported = await stack.api<ObstacleReportView>('POST', '/obstacle-reports', {
        ...as(landKey),
        headers: { 'Idempotency-Key': 'obstacle-1' },
        body: {
          title: 'Chậm nhận số liệu thiệt hại từ các huyện',
          description: 'Các huyện chưa gửi số liệu, Sở chưa thể chuẩn bị nội dung cung cấp cho báo chí.',
          proposal: 'Đề nghị UBND tỉnh chỉ đạo các huyện gửi số liệu đúng hạn.',
          conferenceId: conference.id,
        },
      });
      expect(reported.status).toBe(201);
      expect(reported.body).toMatchObject({ status: 'OPEN', agencyId: land.agencyId, conferenceId: conference.id });
      const id = reported.body.id;
      const again = await stack.api<ObstacleReportView>('POST', '/obstacle-reports', {
        ...as(landKey),
        headers: { 'Idempotency-Key': 'obstacle-1' },
        body: {
          title: 'Chậm nhận số liệu thiệt hại từ các huyện',
          description: 'Các huyện chưa gửi số liệu, Sở chưa thể chuẩn bị nội dung cung cấp cho báo chí.',
          proposal: 'Đề nghị UBND tỉnh chỉ đạo các huyện gửi số liệu đúng hạn.',
          conferenceId: conference.id,
        },
      });
      expect(again.body.id).toBe(id);

      expect((await stack.api('GET', `/obstacle-reports/${id}`, as(policeKey))).status).toBe(404);
      expect((await stack.api<Page<ObstacleReportView>>('GET', '/obstacle-reports', as(policeKey))).body.total).toBe(0);
      const own = await stack.api<Page<ObstacleReportView>>(
        'GET',
        `/obstacle-reports?agencyId=${police.agencyId}`,
        as(landKey),
      );
      expect(own.body.items.map((r) => r.id)).toEqual([id]);
      expect(
        (await stack.api('POST', `/obstacle-reports/${id}/forward`, { ...as(landKey), body: { note: 'x' } })).status,
      ).toBe(403);
      const missing = await stack.api<Problem>('POST', `/obstacle-reports/${id}/forward`, { body: {} });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing)).toContain('note');

      const early = await stack.api<Problem>('POST', `/obstacle-reports/${id}/resolve`, {
        body: { resolution: 'Đã xử lý' },
      });
      expect(early.status).toBe(409);
      const forwarded = await stack.api<ObstacleReportView>('POST', `/obstacle-reports/${id}/forward`, {
        body: { note: 'Kính trình UBND tỉnh chỉ đạo các huyện.' },
      });
      expect(forwarded.status).toBe(200);
      expect(forwarded.body).toMatchObject({ status: 'FORWARDED', note: 'Kính trình UBND tỉnh chỉ đạo các huyện.' });
      expect((await stack.api('POST', `/obstacle-reports/${id}/forward`, { body: { note: 'Lần hai' } })).status).toBe(
        409,
      );
      const resolved = await stack.api<ObstacleReportView>('POST', `/obstacle-reports/${id}/resolve`, {
        body: { resolution: 'UBND tỉnh đã có Công văn số 123/UBND-TH chỉ đạo các huyện.' },
      });
      expect(resolved.body.status).toBe('RESOLVED');
      expect(
        (await stack.api('POST', `/obstacle-reports/${id}/resolve`, { body: { resolution: 'Lần hai' } })).status,
      ).toBe(409);
      expect((await stack.api<ObstacleReportView>('GET', `/obstacle-reports/${id}`, as(landKey))).body.status).toBe(
        'RESOLVED',
      );

      const events = await Promise.all([
        published('submissions.obstacle-report.reported.v1', id, 1),
        published('submissions.obstacle-report.forwarded.v1', id, 1),
        published('submissions.obstacle-report.resolved.v1', id, 1),
      ]);
      expect(events.map((e) => e.length)).toEqual([1, 1, 1]);
      expect(events[2][0].data).toMatchObject({
        reportId: id,
        status: 'RESOLVED',
        note: 'Kính trình UBND tỉnh chỉ đạo các huyện.',
      });
    });

    it('takes an offer with checked files, decides it once, and INCLUDE opens a brief request on the conference', async () => {
      const requested = new Set((await briefRequestsOf(stack, conference)).map((r) => r.agencyId));
      const outsider =
        agencies.find((a) => !requested.has(a.id) && a.kind !== 'PRESS') ?? agencies.find((a) => !requested.has(a.id))!;
      const outsiderKey = await keyFor('agency', outsider.id);
      const offered = await stack.api<InformationOfferView>('POST', '/information-offers', {
        ...as(outsiderKey),
        body: {
          title: 'Kết quả chuyển đổi số trong nông nghiệp',
          summary: 'Số liệu 6 tháng đầu năm.',
          topics: ['Chuyển đổi số'],
          urgent: false,
        },
      });
      expect(offered.status).toBe(201);
      const id = offered.body.id;
      expect((await stack.api('GET', `/information-offers/${id}`, as(landKey))).status).toBe(404);
      const file = await stack.upload<InformationOfferAttachmentView>(
        `/information-offers/${id}/attachments`,
        pdfFile(),
        'so-lieu.pdf',
        { key: outsiderKey },
      );
      expect(file.status).toBe(201);
      expect(file.body.sha256).toBe(sha256(pdfFile()));
      expect(
        (await stack.upload(`/information-offers/${id}/attachments`, exeFile(), 'so-lieu.pdf', { key: outsiderKey }))
          .status,
      ).toBe(415);
      expect(
        (await stack.upload(`/information-offers/${id}/attachments`, pdfFile(), 'x.pdf', { key: landKey })).status,
      ).toBe(404);

      const noConference = await stack.api<Problem>('POST', `/information-offers/${id}/decide`, {
        body: { decision: 'INCLUDE' },
      });
      expect(noConference.status).toBe(400);
      expect(fieldsOf(noConference)).toContain('conferenceId');
      const unknown = await stack.api<Problem>('POST', `/information-offers/${id}/decide`, {
        body: { decision: 'INCLUDE', conferenceId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown)).toContain('conferenceId');
      const noComment = await stack.api<Problem>('POST', `/information-offers/${id}/decide`, {
        body: { decision: 'DECLINE' },
      });
      expect(fieldsOf(noComment)).toContain('comment');

      const included = await stack.api<InformationOfferView>('POST', `/information-offers/${id}/decide`, {
        body: { decision: 'INCLUDE', conferenceId: conference.id, comment: 'Đưa vào hội nghị định kỳ.' },
      });
      expect(included.status).toBe(200);
      expect(included.body).toMatchObject({
        status: 'INCLUDED',
        conferenceId: conference.id,
        attachments: [expect.objectContaining({ fileName: 'so-lieu.pdf' })],
      });
      const requestId = included.body.briefRequestId!;
      const request = await stack.api<BriefRequestView>('GET', `/brief-requests/${requestId}`, as(outsiderKey));
      expect(request.body).toMatchObject({ conferenceId: conference.id, agencyId: outsider.id, status: 'OPEN' });
      // Due as the requests opened at the call.
      expect(request.body.dueAt).toBe(
        (await stack.api<BriefRequestView>('GET', `/brief-requests/${land.id}`)).body.dueAt,
      );
      expect(
        (
          await stack.api('POST', `/information-offers/${id}/decide`, {
            body: { decision: 'DECLINE', comment: 'Không' },
          })
        ).status,
      ).toBe(409);
      expect(
        (await stack.upload(`/information-offers/${id}/attachments`, docxFile(), 'y.docx', { key: outsiderKey }))
          .status,
      ).toBe(409);

      const opened = await published('submissions.brief-request.opened.v1', conference.id, 1);
      expect(opened.map((e) => e.data.requestId)).toContain(requestId);
      const decided = await published('submissions.information-offer.decided.v1', id, 1);
      expect(decided[0].data).toMatchObject({
        decision: 'INCLUDE',
        briefRequestId: requestId,
        conferenceId: conference.id,
      });
      expect(await published('submissions.information-offer.offered.v1', id, 1)).toHaveLength(1);

      const declined = await stack.api<InformationOfferView>('POST', '/information-offers', {
        ...as(landKey),
        body: { title: 'Đề xuất tuyên truyền', summary: 'Nội dung đề xuất.', topics: [], urgent: true },
      });
      const decline = await stack.api<InformationOfferView>('POST', `/information-offers/${declined.body.id}/decide`, {
        body: { decision: 'DECLINE', comment: 'Nội dung chưa phù hợp.' },
      });
      expect(decline.body).toMatchObject({
        status: 'DECLINED',
        comment: 'Nội dung chưa phù hợp.',
        briefRequestId: null,
      });
      const mine = await stack.api<Page<InformationOfferView>>(
        'GET',
        '/information-offers?status=DECLINED',
        as(landKey),
      );
      expect(mine.body.items.map((o) => o.id)).toEqual([declined.body.id]);
    });
  });
});
