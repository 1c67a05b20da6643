import { resolve } from 'path';
import { MailConference, MailRecipient } from './mail-models';
import { MailTemplates } from './templates';

const templates = new MailTemplates(resolve(__dirname, '../templates'));
const recipient: MailRecipient = {
  name: 'Đỗ Thị Lan',
  title: 'Phó Giám đốc',
  agencyName: 'Sở Nông nghiệp và Môi trường',
};
const conference: MailConference = {
  title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
  kind: 'PERIODIC',
  startsAt: '2027-03-15T02:00:00Z',
  endsAt: '2027-03-15T04:00:00Z',
  venue: 'Hội trường UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột',
  topics: ['Đất đai'],
};
const links = { rsvpUrl: 'http://x/moi/t', calendarUrl: 'http://x/api/v1/invitations/t/calendar.ics' };
const agenda = [
  { title: 'Khai mạc', presenter: 'Lê Quang Minh, Giám đốc', durationMinutes: 10 },
  { title: 'Tình hình đất đai', presenter: 'Đỗ Thị Lan, Phó Giám đốc', durationMinutes: 30 },
];

describe('mail about changes after the call and the reminder', () => {
  it('gives the whole new agenda, in Vietnamese and in English', () => {
    const vi = templates.render('invitation-agenda-changed', 'vi', { recipient, conference, agenda, ...links });
    expect(vi.subject).toBe(`Thay đổi chương trình: ${conference.title} – 09:00, thứ Hai, ngày 15/3/2027`);
    for (const body of [vi.text, vi.html]) {
      expect(body).toContain('Khai mạc – Lê Quang Minh, Giám đốc (10 phút)');
      expect(body).toContain('Tình hình đất đai – Đỗ Thị Lan, Phó Giám đốc (30 phút)');
      expect(body).toContain('thời gian và địa điểm hội nghị không thay đổi');
    }
    const en = templates.render('invitation-agenda-changed', 'en', { recipient, conference, agenda, ...links });
    expect(en.text).toContain('Agenda:\n  - Khai mạc – Lê Quang Minh, Giám đốc (10 min)');
    const cleared = templates.render('invitation-agenda-changed', 'vi', {
      recipient,
      conference,
      agenda: [],
      ...links,
    });
    expect(cleared.text).toContain('Chương trình đã thông báo trước đây không còn áp dụng');
    expect(cleared.text).not.toContain('Chương trình:');
  });

  it('tells a removed invitee the invitation no longer applies', () => {
    const mail = templates.render('invitation-withdrawn', 'vi', { recipient, conference });
    expect(mail.subject).toBe(`Thông báo điều chỉnh thành phần mời: ${conference.title}`);
    expect(mail.text).toContain('Ông/Bà không còn trong danh sách khách mời');
    expect(mail.text).toContain('Giấy mời đã gửi trước đây không còn hiệu lực');
    expect(mail.text).not.toContain('http');
  });

  it('reminds with the time and venue, and asks for an answer only of who has not given one', () => {
    const pending = templates.render('invitation-reminder', 'vi', {
      recipient,
      conference,
      agenda,
      accepted: false,
      ...links,
    });
    expect(pending.subject).toBe(`Nhắc lịch: ${conference.title} – 09:00, thứ Hai, ngày 15/3/2027`);
    expect(pending.text).toContain('diễn ra 09:00 – 11:00, thứ Hai, ngày 15/3/2027 tại Hội trường UBND tỉnh');
    expect(pending.text).toContain('Ông/Bà chưa xác nhận tham dự.');
    expect(pending.text).toContain('Khai mạc – Lê Quang Minh, Giám đốc (10 phút)');
    const accepted = templates.render('invitation-reminder', 'vi', { recipient, conference, accepted: true, ...links });
    expect(accepted.text).toContain('Ông/Bà đã xác nhận tham dự.');
    expect(accepted.text).not.toContain('chưa xác nhận');
    expect(
      templates.render('invitation-reminder', 'en', { recipient, conference, accepted: true, ...links }).subject,
    ).toBe(`Reminder: ${conference.title} – 09:00, Monday, 15 March 2027`);
  });

  it('gives an agency the new due time of its brief beside the old one, in Asia/Ho_Chi_Minh', () => {
    const model = {
      recipient,
      conference,
      dueAt: '2027-03-13T10:00:00Z',
      previousDueAt: '2027-03-12T10:00:00Z',
      submitUrl: 'http://x/api/v1/brief-requests/r1/briefs',
    };
    const mail = templates.render('brief-due-moved', 'vi', model);
    expect(mail.subject).toBe(
      `Thay đổi thời hạn cung cấp thông tin: ${conference.title} – hạn mới 17:00, thứ Bảy, ngày 13/3/2027`,
    );
    expect(mail.text).toContain('Thời hạn cũ: 17:00, thứ Sáu, ngày 12/3/2027');
    expect(mail.text).toContain('Thời hạn mới: trước 17:00, thứ Bảy, ngày 13/3/2027');
    expect(mail.text).toContain('thời hạn Sở Nông nghiệp và Môi trường gửi văn bản cung cấp thông tin');
  });
});
