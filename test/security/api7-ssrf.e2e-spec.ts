import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { AttachmentView, BriefRequestView, BriefView, Page, Problem } from '@pressconf/contracts';
import { docxFile, pdfWith } from '../fixtures/documents';
import { callPeriodicConference } from '../support/conference';
import { eventually, Stack } from '../support/stack';

/**
 * OWASP API7:2023 Server Side Request Forgery. The one URL a caller gives that the system calls is a webhook
 * subscription's (admins only): https, and refused when its host resolves to a private, loopback, link-local,
 * CGNAT or metadata address (unless the operator lists the host in WEBHOOK_ALLOWED_HOSTS, empty here), checked again
 * at every attempt (apps/notifications/test/webhooks.e2e-spec.ts). Otherwise the services only call the operator's
 * own configuration (internal URLs, the identity provider's JWKS, SMTP, the OpenTelemetry collector). What remains is
 * a document that makes its *reader* fetch: a Word remote template or linked picture, a PDF's remote go-to, form
 * submission or data import. Those are refused (422); a plain hyperlink, which nobody follows without a click, is
 * kept. A listener named in every document and subscription shows the server itself fetches nothing.
 */
describe('API7 server side request forgery', () => {
  let stack: Stack;
  let listener: Server;
  let url: string;
  const fetched: string[] = [];
  let briefId: string;

  beforeAll(async () => {
    listener = createServer((request, response) => {
      fetched.push(`${request.method} ${request.url}`);
      response.end('template');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    stack = await Stack.start();
    const conferenceId = (await callPeriodicConference(stack)).conference.id;
    const land = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conferenceId}/brief-requests`);
      return page.body.items?.find((r) => r.agencyName === 'Sở Nông nghiệp và Môi trường');
    });
    briefId = (
      await stack.api<BriefView>('POST', `/brief-requests/${land.id}/briefs`, {
        body: { title: 'Báo cáo tháng 11', summary: 'Tóm tắt', body: `Xem thêm ${url}/bao-cao` },
      })
    ).body.id;
  });

  afterAll(async () => {
    await stack?.stop();
    listener?.close();
  });

  const attach = (file: Buffer, name: string) =>
    stack.upload<Problem & AttachmentView>(`/briefs/${briefId}/attachments`, file, name);

  it.each([
    ['a Word remote template', () => docxFile({ remoteTemplate: `${url}/template.dotm`, deflate: true }), 'docx'],
    ['a Word picture linked from a server', () => docxFile({ linkedImage: `${url}/anh.png` }), 'docx'],
    [
      'a PDF remote go-to',
      () => pdfWith([`<< /S /GoToR /F (${url}/x.pdf) /D [0 /Fit] >>`], { catalogEntries: '/OpenAction 4 0 R' }),
      'pdf',
    ],
    [
      'a PDF form submitted to a server',
      () => pdfWith([`<< /S /SubmitForm /F << /FS /URL /F (${url}/) >> >>`], { catalogEntries: '/OpenAction 4 0 R' }),
      'pdf',
    ],
    [
      'a PDF importing data from a server',
      () => pdfWith([`<< /S /ImportData /F (${url}/data.fdf) >>`], { catalogEntries: '/OpenAction 4 0 R' }),
      'pdf',
    ],
  ])('refuses %s, which would make its reader fetch (422)', async (_, file, extension) => {
    const refused = await attach(file(), `tai-lieu.${extension}`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/external references|reach outside the document/);
  });

  it.each([
    ['the listener on loopback', () => `${url}/hook`],
    ['loopback over https', () => 'https://127.0.0.1/hook'],
    ['a name resolving to loopback', () => 'https://localhost/hook'],
    ['the cloud metadata address', () => 'https://169.254.169.254/latest/meta-data/'],
    ['a private address', () => 'https://10.0.0.1/hook'],
    ['IPv6 loopback', () => 'https://[::1]/hook'],
  ])('refuses a webhook to %s (400 naming url), creating nothing', async (_, target) => {
    const refused = await stack.api<Problem>('POST', '/webhook-subscriptions', {
      body: { url: target(), eventTypes: ['*'] },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toContain('url');
    const listed = await stack.api<Page<unknown>>('GET', '/webhook-subscriptions');
    expect(listed.body.items).toEqual([]);
  });

  it('keeps a document that only links to a server, and neither it nor a refused one made the server fetch', async () => {
    const linked = docxFile({ hyperlinkAndChart: `${url}/van-ban`, deflate: true });
    expect((await attach(linked, 'lien-ket.docx')).status).toBe(201);
    const link = `<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (${url}/trang) >> >>`;
    expect((await attach(pdfWith([link]), 'lien-ket.pdf')).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(fetched).toEqual([]);
  });
});
