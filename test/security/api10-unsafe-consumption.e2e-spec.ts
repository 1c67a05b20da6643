import type { AttachmentView, BriefRequestView, BriefView, Page, Problem } from '@pressconf/contracts';
import { docxFile, pdfWith } from '../fixtures/documents';
import { callPeriodicConference } from '../support/conference';
import { eventually, Stack } from '../support/stack';

/**
 * OWASP API10:2023 Unsafe Consumption of APIs. What this system consumes from others is the agencies' documents and
 * the gateway's calls between services. A document that would act when a reader opens it (macros, embedded OLE
 * objects, DDE fields, references Word fetches, PDF JavaScript, launch actions, embedded files) is refused with a
 * 422 saying why, on every upload route, and nothing of it is stored; a plain report with a hyperlink and a chart
 * is taken. The services refuse internal calls without a valid actor token: test/internal-auth.e2e-spec.ts.
 */
const JS = '<< /S /JavaScript /JS (app.launchURL\\("http://198.51.100.7/"\\)) >>';

describe('API10 unsafe consumption: documents from agencies', () => {
  let stack: Stack;
  let conferenceId: string;
  let briefId: string;

  beforeAll(async () => {
    stack = await Stack.start();
    conferenceId = (await callPeriodicConference(stack)).conference.id;
    const land = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conferenceId}/brief-requests`);
      return page.body.items?.find((r) => r.agencyName === 'Sở Nông nghiệp và Môi trường');
    });
    briefId = (
      await stack.api<BriefView>('POST', `/brief-requests/${land.id}/briefs`, {
        body: { title: 'Báo cáo tháng 11', summary: 'Tóm tắt', body: 'Nội dung báo cáo.' },
      })
    ).body.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    ['a macro-enabled document renamed .docx', docxFile({ macros: true, deflate: true }), /macros/],
    ['an embedded OLE object', docxFile({ ole: true, deflate: true }), /embedded objects/],
    ['a DDE field', docxFile({ dde: true, deflate: true }), /DDE fields/],
    ['a remote template', docxFile({ remoteTemplate: true, deflate: true }), /external references/],
    ['a PDF opening with JavaScript', pdfWith([JS], { catalogEntries: '/OpenAction 4 0 R' }), /JavaScript/],
    [
      'a PDF hiding JavaScript in a compressed object stream',
      pdfWith([JS], { catalogEntries: '/OpenAction 4 0 R', objectStream: true }),
      /JavaScript/,
    ],
    [
      'a PDF launching a program',
      pdfWith(['<< /S /Launch /F (cmd.exe) >>'], { catalogEntries: '/OpenAction 4 0 R' }),
      /launch actions/,
    ],
    [
      'a PDF carrying a file',
      pdfWith(['<< /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>', '<< /Type /EmbeddedFile >>'], {
        catalogEntries: '/Names 4 0 R',
      }),
      /embedded files/,
    ],
  ])('refuses %s with a 422 saying why', async (_, file, why) => {
    const name = file[0] === 0x25 ? 'bao-cao.pdf' : 'bao-cao.docx';
    const refused = await stack.upload<Problem>(`/briefs/${briefId}/attachments`, file, name);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(why);
  });

  it('refuses them as orientation documents too, and stores none of them', async () => {
    const form = new FormData();
    form.append('title', 'Định hướng tuyên truyền');
    const pdf = pdfWith([JS], { catalogEntries: '/OpenAction 4 0 R' });
    form.append('file', new Blob([new Uint8Array(pdf)]), 'dinh-huong.pdf');
    const refused = await fetch(`${stack.baseUrl}/conferences/${conferenceId}/orientation-documents`, {
      method: 'POST',
      headers: { 'X-API-Key': stack.adminKey },
      body: form,
    });
    expect(refused.status).toBe(422);
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM submissions.brief_attachment) + (SELECT count(*) FROM submissions.orientation_document) AS n`,
    );
    expect(Number(n)).toBe(0);
  });

  it('takes a plain report with a hyperlink and a chart', async () => {
    const plain = docxFile({ hyperlinkAndChart: true, deflate: true });
    const taken = await stack.upload<AttachmentView>(`/briefs/${briefId}/attachments`, plain, 'bao-cao.docx');
    expect(taken.status).toBe(201);
    expect(taken.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});
