import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { BrowserContext, chromium, Page } from 'playwright-core';
import type { ConferenceView, ParticipantView } from '@pressconf/contracts';
import { ROOT, Stack, eventually } from '@pressconf/testing/support/stack';
import { callPeriodicConference, invitationLinkOf, waitForInvitations } from '@pressconf/testing/support/conference';
import type { ReceivedMail } from '@pressconf/testing/support/smtp-sink';

/** Debian's chromium, installed by `npm test` (tools/lib/infra.mjs ensureChromium) when it runs as root. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = join(ROOT, 'test-artifacts/rsvp-phone.png');
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

if (!existsSync(CHROMIUM)) {
  console.warn(`${CHROMIUM} is missing: the invitee page's browser test is skipped (npm test installs it as root).`);
}

(existsSync(CHROMIUM) ? describe : describe.skip)('the invitee page, in headless Chromium', () => {
  let stack: Stack;
  let conference: ConferenceView;
  let invitations: ReceivedMail[];
  let profile: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    stack = await Stack.start();
    conference = (await callPeriodicConference(stack)).conference;
    invitations = await waitForInvitations(stack, conference.id, conference.participants.length);
    // A fresh profile: nothing cached or remembered from another run.
    profile = mkdtempSync(join(tmpdir(), 'pressconf-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      acceptDownloads: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await stack?.stop();
  });

  const inviteeOf = (mail: ReceivedMail): ParticipantView =>
    conference.participants.find((p) => p.inviteeId === mail.parsed.headers.get('x-invitee-id'))!;

  /** A tab that records what the console and the page complain of: a CSP violation shows up there. */
  async function openTab(): Promise<{ page: Page; complaints: string[] }> {
    const page = await browser.newPage();
    const complaints: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
    });
    page.on('pageerror', (error) => complaints.push(error.message));
    return { page, complaints };
  }

  const currentAnswer = (page: Page) => page.locator('.current').innerText();

  it('opens from the link in a real invitation mail, sends someone else without a reload, and keeps the answer', async () => {
    const mail = invitations[0];
    const invitee = inviteeOf(mail);
    const link = invitationLinkOf(mail);
    expect(mail.parsed.html).toContain(`href="${link}"`);

    const { page, complaints } = await openTab();
    const response = await page.goto(link);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toBe(CSP);
    expect(response!.headers()['cache-control']).toBe('no-store');

    expect(await page.locator('h1').innerText()).toBe(conference.title);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Hội nghị cung cấp thông tin cho báo chí định kỳ');
    expect(text).toMatch(
      /\d{2}:\d{2} – \d{2}:\d{2}, (thứ [A-Za-zÀ-ỹ]+|Chủ nhật), ngày \d{1,2}\/\d{1,2}\/\d{4} \(giờ Việt Nam, UTC\+07:00\)/,
    );
    expect(text).toContain(conference.venue);
    expect(text).toContain(invitee.contactName);
    expect(text).toContain(invitee.agencyName);
    expect(text).toContain('Cơ quan chủ trì');
    expect(await page.getByRole('link', { name: /Xem bản đồ/ }).getAttribute('href')).toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent(conference.venue)}`,
    );
    expect(await currentAnswer(page)).toBe('Câu trả lời hiện tại: Chưa trả lời');
    for (const name of ['Tham dự', 'Không tham dự']) {
      expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }

    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    // Taps, as on the phone this context emulates.
    await page.getByText('Cử người khác dự', { exact: true }).tap();
    await page.getByLabel('Họ và tên người dự thay').fill('Trần Văn Bình');
    await page.getByLabel('Chức vụ').fill('Phó Giám đốc');
    await page.getByRole('button', { name: 'Xác nhận cử người dự thay' }).tap();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận câu trả lời' }).waitFor();
    expect(navigations).toBe(0); // the script answered through the API; the page did not reload
    expect(await currentAnswer(page)).toBe('Câu trả lời hiện tại: Cử người khác dự (Trần Văn Bình – Phó Giám đốc)');
    // The artifact: the whole page at phone width, with the confirmation.
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString('latin1')).toBe('PNG');

    await page.reload();
    expect(await currentAnswer(page)).toBe('Câu trả lời hiện tại: Cử người khác dự (Trần Văn Bình – Phó Giám đốc)');
    expect(await page.getByText('Đã ghi nhận câu trả lời').count()).toBe(0);

    // Scheduling hears of it through notifications.rsvp.received.v1, as it does for an answer given to the API.
    await eventually(async () => {
      const { body } = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
      const participant = body.participants.find((p) => p.inviteeId === invitee.inviteeId);
      return participant?.rsvp === 'DELEGATE' && participant.delegateName === 'Trần Văn Bình';
    });
    expect(complaints).toEqual([]);
    await page.close();
  });

  it('offers the calendar entry and the invitation letter to download', async () => {
    const mail = invitations[0];
    const { page, complaints } = await openTab();
    await page.goto(invitationLinkOf(mail));

    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải giấy mời/ }).click(),
    ]);
    expect(letter.suggestedFilename()).toMatch(/^giay-moi-\d{2,}-GM-[A-Z]+\.pdf$/);
    const pdf = readFileSync(await letter.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const letterText = (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
    expect(letterText).toContain('GIẤY MỜI');
    expect(letterText).toContain(inviteeOf(mail).contactName);
    expect(letterText.replace(/ /g, '')).toContain(invitationLinkOf(mail)); // the letter points at this page too

    const [calendar] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Thêm vào lịch/ }).click(),
    ]);
    const ics = readFileSync(await calendar.path(), 'utf8');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:conference-${conference.id}@`);
    expect(complaints).toEqual([]);
    await page.close();
  });

  it('works without its script: the form posts to the page, which redirects back with the answer', async () => {
    const mail = invitations[1];
    const { page } = await openTab();
    await page.route('**/moi/assets/invitation.js*', (route) => route.abort());
    await page.goto(invitationLinkOf(mail));
    await Promise.all([
      page.waitForURL(/\?da-ghi-nhan=1$/),
      page.getByRole('button', { name: 'Không tham dự', exact: true }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận câu trả lời' }).waitFor();
    expect(await currentAnswer(page)).toBe('Câu trả lời hiện tại: Không tham dự');
    await eventually(async () => {
      const { body } = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
      return body.participants.find((p) => p.inviteeId === inviteeOf(mail).inviteeId)?.rsvp === 'DECLINE';
    });
    await page.close();
  });

  it('answers an unknown or malformed link with a Vietnamese page and 404', async () => {
    const { page } = await openTab();
    const origin = new URL(invitationLinkOf(invitations[0])).origin;
    for (const token of ['A'.repeat(32), 'not-a-token']) {
      const response = await page.goto(`${origin}/moi/${token}`);
      expect(response!.status()).toBe(404);
      expect(response!.headers()['content-type']).toMatch(/^text\/html/);
      expect(response!.headers()['content-security-policy']).toBe(CSP);
      expect(await page.locator('h1').innerText()).toBe('Không tìm thấy giấy mời');
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    }
    await page.close();
  });

  it('says a cancelled conference is cancelled, and offers no buttons', async () => {
    const cancelled = await stack.api('POST', `/conferences/${conference.id}/cancel`, {
      body: { reason: 'Nội dung đã được thông tin tại họp báo khác' },
    });
    expect(cancelled.status).toBe(200);
    const mail = invitations[2];
    const link = invitationLinkOf(mail);
    const { page, complaints } = await openTab();
    // Notifications learns of the cancellation from scheduling's event, a moment after the API answered.
    await eventually(async () => {
      await page.goto(link);
      return (await page.locator('main').innerText()).includes('Hội nghị đã bị hủy.');
    });
    expect(await page.locator('main').innerText()).toContain('Lý do: Nội dung đã được thông tin tại họp báo khác');
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await page.locator('button, summary, form, input').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Tải giấy mời/ }).count()).toBe(0);
    const { origin, pathname } = new URL(link);
    const letter = await fetch(`${origin}/api/v1/invitations/${pathname.split('/').pop()}/letter.pdf`);
    expect(letter.status).toBe(409); // withdrawn with the conference
    expect(complaints).toEqual([]);
    await page.close();
  });
});
