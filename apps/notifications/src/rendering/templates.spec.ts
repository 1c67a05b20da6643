import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { MAIL_TEMPLATE_NAMES, MailConference, MailModels, MailRecipient } from './mail-models';
import { planMailModels } from './plan-mail-models.fixture';
import { MailTemplates, defaultTemplatesDir } from './templates';

const sourceDir = resolve(__dirname, '../templates');

const recipient: MailRecipient = { name: 'Nguyễn Văn An', title: 'Chánh Văn phòng', agencyName: 'Sở Tư pháp' };
const conference: MailConference = {
  title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
  kind: 'PERIODIC',
  startsAt: '2027-03-15T02:00:00Z',
  endsAt: '2027-03-15T04:00:00Z',
  venue: 'Hội trường UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột',
  topics: ['Công tác bảo đảm quyền con người', 'Thông tin đối ngoại'],
};
const rsvpUrl = 'http://127.0.0.1:3000/api/v1/invitations/tok123';
const calendarUrl = 'http://127.0.0.1:3000/api/v1/invitations/tok123/calendar.ics';
const submitUrl = 'http://127.0.0.1:3000/api/v1/brief-requests/r1';

const models: MailModels = {
  invitation: {
    recipient,
    conference,
    hosts: ['Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Công an tỉnh'],
    agenda: [
      { title: 'Khai mạc', presenter: 'Lãnh đạo UBND tỉnh', durationMinutes: 10 },
      { title: 'Thông tin về công tác nhân quyền' },
    ],
    rsvpUrl,
    calendarUrl,
    briefsDueAt: '2027-03-12T10:00:00Z',
  },
  'invitation-updated': {
    recipient,
    conference: { ...conference, startsAt: '2027-03-16T07:00:00Z', endsAt: '2027-03-16T09:00:00Z' },
    previousStartsAt: conference.startsAt,
    previousEndsAt: conference.endsAt,
    reason: 'Trùng lịch họp của Tỉnh ủy',
    rsvpUrl,
    calendarUrl,
  },
  'invitation-cancelled': { recipient, conference, reason: 'Nội dung đã được thông tin tại họp báo khác' },
  'invitation-urgent-reminder': {
    recipient,
    conference: { ...conference, kind: 'EXTRAORDINARY' },
    rsvpUrl,
    calendarUrl,
    invitedAt: '2027-03-14T03:00:00Z',
  },
  'invitation-agenda-changed': {
    recipient,
    conference,
    agenda: [{ title: 'Khai mạc', presenter: 'Lãnh đạo UBND tỉnh', durationMinutes: 10 }],
    rsvpUrl,
    calendarUrl,
  },
  'invitation-withdrawn': { recipient, conference },
  'invitation-reminder': { recipient, conference, accepted: false, rsvpUrl, calendarUrl },
  'brief-request': { recipient, conference, dueAt: '2027-03-12T10:00:00Z', submitUrl },
  'brief-reminder': { recipient, conference, dueAt: '2027-03-12T10:00:00Z', submitUrl },
  'brief-overdue': { recipient, conference, dueAt: '2027-03-12T10:00:00Z', submitUrl },
  'brief-due-moved': {
    recipient,
    conference,
    dueAt: '2027-03-13T10:00:00Z',
    previousDueAt: '2027-03-12T10:00:00Z',
    submitUrl,
  },
  'briefing-pack': {
    recipient,
    conference,
    packUrl: 'http://127.0.0.1:3000/api/v1/conferences/c1/briefing-pack',
    availableFrom: conference.startsAt,
  },
  'incident-deadline-breached': {
    recipient,
    incident: { title: 'Sự việc tại xã Ea Kao', detectedAt: '2027-03-10T01:00:00Z', conveneBy: '2027-03-11T01:00:00Z' },
    incidentUrl: 'http://127.0.0.1:3000/api/v1/incidents/i1',
  },
  'webhook-disabled': {
    recipient,
    subscription: {
      id: '7d0f4b7e-2b1a-4c55-9d1e-0f7c4f1a2b3c',
      url: 'https://cong-thong-tin.daklak.gov.vn/webhooks/hoi-nghi',
      description: 'Cổng thông tin điện tử tỉnh',
      failingSince: '2027-03-10T01:00:00Z',
      lastError: 'HTTP 503',
    },
  },
  ...planMailModels,
};

describe('MailTemplates', () => {
  const templates = new MailTemplates(sourceDir);

  describe.each(['vi', 'en'])('every template in %s', (locale) => {
    it.each(MAIL_TEMPLATE_NAMES)('%s renders a subject, an HTML and a text body', (name) => {
      const mail = templates.render(name, locale, models[name]);
      expect(mail.subject).toMatch(/^\S.*\S$/);
      expect(mail.subject).not.toContain('\n');
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html).toContain(`<title>${mail.subject.replace(/&/g, '&amp;')}</title>`);
      expect(mail.text).toMatch(/\S\n$/);
      expect(mail.text).not.toMatch(/\n{3,}/);
      for (const body of [mail.subject, mail.html, mail.text]) {
        expect(body).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
      }
    });
  });

  it('writes the Vietnamese invitation with times in Asia/Ho_Chi_Minh', () => {
    const mail = templates.render('invitation', 'vi', models.invitation);
    expect(mail.subject).toBe(`Giấy mời: ${conference.title} – 09:00, thứ Hai, ngày 15/3/2027`);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Kính gửi: Ông/Bà');
      expect(body).toContain('Nguyễn Văn An');
      expect(body).toContain('Sở Tư pháp');
      expect(body).toContain(conference.title);
      expect(body).toContain('Hội nghị cung cấp thông tin cho báo chí định kỳ');
      expect(body).toContain('09:00 – 11:00, thứ Hai, ngày 15/3/2027');
      expect(body).toContain(conference.venue);
      expect(body).toContain('Ban Tuyên giáo và Dân vận Tỉnh ủy, Công an tỉnh');
      expect(body).toContain('Hội nghị giao ban báo chí định kỳ hằng tháng');
      expect(body).toContain('Khai mạc – Lãnh đạo UBND tỉnh (10 phút)');
      expect(body).toContain('thông tin chính thức bằng văn bản');
      expect(body).toContain('17:00, thứ Sáu, ngày 12/3/2027');
      expect(body).toContain(calendarUrl);
    }
    expect(mail.html).toContain(`href="${rsvpUrl}"`);
    expect(mail.text).toContain(`${rsvpUrl}\n`);
  });

  it('mentions the monthly press briefing only for a periodic conference', () => {
    const model = { ...models.invitation, conference: { ...conference, kind: 'EXTRAORDINARY' as const } };
    const vi = templates.render('invitation', 'vi', model);
    expect(vi.text).toContain('Hội nghị cung cấp thông tin cho báo chí đột xuất');
    expect(vi.text).not.toContain('giao ban');
    expect(templates.render('invitation', 'en', models.invitation).text).toContain(
      'monthly press briefing (giao ban báo chí định kỳ)',
    );
  });

  it('leaves out what the model does not have', () => {
    const { agenda: _agenda, briefsDueAt: _due, ...bare } = models.invitation;
    const mail = templates.render('invitation', 'vi', bare);
    expect(mail.text).not.toContain('Chương trình');
    expect(mail.html).not.toContain('<ol');
    expect(mail.text).not.toContain('bằng văn bản');
  });

  it('tells the previous time, the new one and the reason of a reschedule', () => {
    const mail = templates.render('invitation-updated', 'vi', models['invitation-updated']);
    expect(mail.text).toContain('Thời gian cũ: 09:00 – 11:00, thứ Hai, ngày 15/3/2027');
    expect(mail.text).toContain('Thời gian mới: 14:00 – 16:00, thứ Ba, ngày 16/3/2027');
    expect(mail.text).toContain('Lý do: Trùng lịch họp của Tỉnh ủy');
  });

  it('escapes data in HTML but not in plain text', () => {
    const hostile = { ...conference, title: 'Họp <script>alert(1)</script> & "trao đổi"' };
    const mail = templates.render('invitation-cancelled', 'vi', { recipient, conference: hostile, reason: 'a < b' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Họp &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;trao đổi&quot;');
    expect(mail.html).toContain('Lý do: a &lt; b');
    expect(mail.text).toContain('Họp <script>alert(1)</script> & "trao đổi"');
    expect(mail.subject).toBe('Thông báo hủy hội nghị: Họp <script>alert(1)</script> & "trao đổi"');
  });

  it('keeps the subject on one line whatever the data holds', () => {
    const model = { recipient, conference: { ...conference, title: 'Họp báo\r\nBcc: x@example.com' }, reason: 'x' };
    expect(templates.render('invitation-cancelled', 'vi', model).subject).toBe(
      'Thông báo hủy hội nghị: Họp báo Bcc: x@example.com',
    );
  });

  it('writes English for an English preference and Vietnamese otherwise', () => {
    expect(templates.render('brief-request', 'en-GB', models['brief-request']).subject).toBe(
      `Request for official written information: ${conference.title} – due 17:00, Friday, 12 March 2027`,
    );
    expect(templates.render('brief-request', undefined, models['brief-request']).subject).toMatch(
      /^Đề nghị cung cấp thông tin bằng văn bản: /,
    );
    expect(templates.render('brief-request', 'fr', models['brief-request']).subject).toMatch(/^Đề nghị/);
  });

  it('shows times in the zone of the model, else of the options', () => {
    const utc = templates.render('brief-reminder', 'vi', { ...models['brief-reminder'], zone: 'UTC' });
    expect(utc.text).toContain('trước 10:00, thứ Sáu, ngày 12/3/2027');
    expect(utc.text).toContain('UTC (UTC+00:00)');
    const fromOptions = new MailTemplates(sourceDir, { zone: 'UTC' }).render(
      'brief-reminder',
      'vi',
      models['brief-reminder'],
    );
    expect(fromOptions.text).toContain('trước 10:00, thứ Sáu, ngày 12/3/2027');
    expect(templates.render('brief-reminder', 'vi', models['brief-reminder']).text).toContain(
      'giờ Việt Nam (UTC+07:00)',
    );
  });

  it('alerts hosts to a missed 24-hour deadline', () => {
    const mail = templates.render('incident-deadline-breached', 'vi', models['incident-deadline-breached']);
    expect(mail.subject).toBe('[Cảnh báo] Quá 24 giờ chưa triệu tập hội nghị đột xuất: Sự việc tại xã Ea Kao');
    expect(mail.text).toContain('Hạn triệu tập: 08:00, thứ Năm, ngày 11/3/2027');
  });

  describe('loading', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mail-templates-'));
      cpSync(sourceDir, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses to start when a template is missing', () => {
      unlinkSync(join(dir, 'en', 'brief-overdue.text.hbs'));
      expect(() => new MailTemplates(dir)).toThrow(/Missing mail templates: .*en\/brief-overdue\.text\.hbs/);
    });

    it('refuses to start on a syntax error, naming the file', () => {
      writeFileSync(join(dir, 'vi', 'invitation.subject.hbs'), 'Giấy mời {{#if x}}');
      expect(() => new MailTemplates(dir)).toThrow(/vi\/invitation\.subject\.hbs/);
    });
  });

  describe('defaultTemplatesDir', () => {
    it('prefers NOTIFICATIONS_TEMPLATES_DIR', () => {
      expect(defaultTemplatesDir('/srv/templates')).toBe('/srv/templates');
    });

    it('falls back to the source folder from the workspace root', () => {
      expect(defaultTemplatesDir()).toBe(resolve(process.cwd(), 'apps/notifications/src/templates'));
      expect(defaultTemplatesDir()).toBe(sourceDir);
    });
  });
});
