import type { InvitationByTokenView } from '@pressconf/contracts';
import { loadProvinceProfile } from '@pressconf/province';
import { PageFiles, pageProvince } from './page-files';
import { formatRange, invitationPageModel, mapUrl, zoneLabel } from './page-model';
import { pageTexts, phrase } from './page-messages';

const TOKEN = '3q2-bY8xKmJc0vQh7ZrT9wLpUe4sNd6A';

function view(
  overrides: Partial<InvitationByTokenView> = {},
  conference: Partial<InvitationByTokenView['conference']> = {},
) {
  const base: InvitationByTokenView = {
    conference: {
      id: '6f1d4c2e-0000-4000-8000-000000000001',
      title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
      kind: 'PERIODIC',
      status: 'CALLED',
      startsAt: '2027-03-15T02:00:00.000Z',
      endsAt: '2027-03-15T04:00:00.000Z',
      venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, Buôn Ma Thuột',
      topics: ['Đất đai', 'Nhân quyền'],
      hosts: ['Sở Văn hóa, Thể thao và Du lịch'],
      timeZone: 'Asia/Ho_Chi_Minh',
      letterNumber: '07/GM-SVHTTDL',
      agenda: [],
      ...conference,
    },
    invitee: {
      name: 'Nguyễn Văn An',
      title: 'Chánh Văn phòng',
      agencyName: 'Sở Tư pháp',
      role: 'INFORMATION_PROVIDER',
    },
    locale: 'vi',
    rsvp: 'PENDING',
    respondedAt: null,
    withdrawn: false,
    canChange: true,
    changeableUntil: '2027-03-15T02:00:00.000Z',
    calendarUrl: `http://127.0.0.1:3000/api/v1/invitations/${TOKEN}/calendar.ics`,
    ...overrides,
  };
  return base;
}

describe('the invitee page model', () => {
  it('shows times in Vietnam time, the way the mail does', () => {
    expect(formatRange('2027-03-15T02:00:00Z', '2027-03-15T04:00:00Z', 'Asia/Ho_Chi_Minh')).toBe(
      '09:00 – 11:00, thứ Hai, ngày 15/3/2027',
    );
    expect(formatRange('2027-03-14T16:30:00Z', '2027-03-15T01:00:00Z', 'Asia/Ho_Chi_Minh')).toBe(
      '23:30, Chủ nhật, ngày 14/3/2027 – 08:00, thứ Hai, ngày 15/3/2027',
    );
    expect(zoneLabel('Asia/Ho_Chi_Minh', '2027-03-15T02:00:00Z')).toBe('giờ Việt Nam, UTC+07:00');
  });

  it('links the venue to an OpenStreetMap search for its text', () => {
    expect(mapUrl('08 Lý Thường Kiệt, Buôn Ma Thuột')).toBe(
      'https://www.openstreetmap.org/search?query=08%20L%C3%BD%20Th%C6%B0%E1%BB%9Dng%20Ki%E1%BB%87t%2C%20Bu%C3%B4n%20Ma%20Thu%E1%BB%99t',
    );
  });

  it('names the delegate with the answer, and the page and API addresses of the token', () => {
    const model = invitationPageModel(
      TOKEN,
      view({ rsvp: 'DELEGATE', delegateName: 'Trần Văn Bình', delegateTitle: 'Phó Giám đốc' }),
    );
    expect(model.answer).toEqual({
      label: 'Cử người khác dự',
      pending: false,
      delegate: 'Trần Văn Bình – Phó Giám đốc',
    });
    expect(model.delegate).toEqual({ name: 'Trần Văn Bình', title: 'Phó Giám đốc' });
    expect(model.links).toEqual({
      page: `/moi/${TOKEN}`,
      saved: `/moi/${TOKEN}?da-ghi-nhan=1`,
      rsvpApi: `/api/v1/invitations/${TOKEN}/rsvp`,
      calendar: `/api/v1/invitations/${TOKEN}/calendar.ics`,
      letter: `/api/v1/invitations/${TOKEN}/letter.pdf`,
    });
    expect(model.conference.kind).toBe('định kỳ');
    expect(model.changeableUntil).toBe('09:00, thứ Hai, ngày 15/3/2027');
  });

  it('says why the answer can no longer change: cancelled, held, or started', () => {
    const closed = (status: 'CANCELLED' | 'COMPLETED' | 'CALLED') =>
      invitationPageModel(TOKEN, view({ canChange: false }, { status, statusReason: 'Trùng lịch' }));
    expect(closed('CANCELLED').closedBecause).toMatch(/đã bị hủy/);
    expect(closed('CANCELLED').conference).toMatchObject({
      cancelled: true,
      notice: 'Hội nghị đã bị hủy.',
      reason: 'Trùng lịch',
    });
    expect(closed('COMPLETED').closedBecause).toMatch(/đã diễn ra/);
    expect(closed('CALLED').closedBecause).toMatch(/đã bắt đầu/);
    expect(invitationPageModel(TOKEN, view()).closedBecause).toBeUndefined();
  });

  it('tells a removed invitee the invitation no longer stands, with no answer to give', () => {
    const model = invitationPageModel(TOKEN, view({ withdrawn: true, canChange: false }));
    expect(model.invited).toBe(false);
    expect(model.closedBecause).toBe('Giấy mời không còn hiệu lực nên không cần trả lời.');
    expect(model.conference.notice).toMatch(/không còn trong danh sách khách mời/);
    expect(invitationPageModel(TOKEN, view()).invited).toBe(true);
  });

  it('shows the agenda with each item’s start in Vietnam time and its presenter', () => {
    const agenda = [
      { title: 'Khai mạc', presenterName: 'Lê Quang Minh', durationMinutes: 10, startsAt: '2027-03-15T02:00:00.000Z' },
      {
        title: 'Tình hình đất đai',
        presenterAgencyName: 'Sở Nông nghiệp và Môi trường',
        presenterName: 'Đỗ Thị Lan',
        presenterTitle: 'Phó Giám đốc',
        durationMinutes: 30,
        startsAt: '2027-03-15T02:10:00.000Z',
      },
    ];
    const model = invitationPageModel(TOKEN, view({}, { agenda }));
    expect(model.conference.agenda).toEqual([
      { time: '09:00', title: 'Khai mạc', presenter: 'Lê Quang Minh', minutes: 10 },
      {
        time: '09:10',
        title: 'Tình hình đất đai',
        presenter: 'Đỗ Thị Lan, Phó Giám đốc, Sở Nông nghiệp và Môi trường',
        minutes: 30,
      },
    ]);
    const html = new PageFiles().render('invitation', model);
    expect(html).toContain('<dt>Chương trình</dt>');
    expect(html).toContain('<span class="agenda__time">09:10</span> Tình hình đất đai – Đỗ Thị Lan');
    expect(new PageFiles().render('invitation', invitationPageModel(TOKEN, view()))).not.toContain('Chương trình');
  });
});

describe('the invitee page', () => {
  const files = new PageFiles();

  it('escapes every value, and has no inline script or style for the Content-Security-Policy to refuse', () => {
    const html = files.render(
      'invitation',
      invitationPageModel(
        TOKEN,
        view({}, { title: '<script>alert(1)</script>', venue: '"><img src=x onerror=alert(1)>' }),
      ),
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
    // Handlebars writes "=" in values as &#x3D;, which the browser reads back as "=".
    expect(html).toMatch(/<script src="\/moi\/assets\/invitation\.js\?v&#x3D;[0-9a-f]{12}" defer><\/script>/);
  });

  it('offers the three answers while open, and none once closed', () => {
    const open = files.render('invitation', invitationPageModel(TOKEN, view()));
    for (const label of ['>Tham dự</button>', '>Không tham dự</button>', '>Cử người khác dự</summary>']) {
      expect(open).toContain(label);
    }
    const cancelled = files.render(
      'invitation',
      invitationPageModel(TOKEN, view({ canChange: false }, { status: 'CANCELLED' })),
    );
    expect(cancelled).not.toMatch(/<button|<summary|<form|letter\.pdf|<script/);
    expect(cancelled).toContain('Hội nghị đã bị hủy');
  });

  it('names the province of PROVINCE_PROFILE (by default Đắk Lắk) in its title, masthead and text', () => {
    const html = files.render('invitation', invitationPageModel(TOKEN, view()));
    expect(html).toMatch(/<title>.* – Hội nghị cung cấp thông tin cho báo chí tỉnh Đắk Lắk<\/title>/);
    expect(html).toContain('<p class="masthead__body">Ủy ban nhân dân tỉnh Đắk Lắk</p>');
    expect(pageProvince(loadProvinceProfile('khanh-hoa'))).toEqual({
      title: 'tỉnh Khánh Hòa',
      peoplesCommittee: 'Ủy ban nhân dân tỉnh Khánh Hòa',
      unit: 'tỉnh',
    });
  });

  it('speaks Vietnamese to a Vietnamese invitee, with <html lang="vi">', () => {
    const html = files.render('invitation', invitationPageModel(TOKEN, view()));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Kính gửi: Ông/Bà <strong>Nguyễn Văn An</strong>');
  });

  it('speaks English to an English-speaking invitee: labels, answers, dates, the province; the letter stays Vietnamese', () => {
    const english = view({ locale: 'en', rsvp: 'ACCEPT' }, { status: 'RESCHEDULED', statusReason: 'Trùng lịch' });
    const model = invitationPageModel(TOKEN, english, { saved: true, invalid: true });
    expect(model).toMatchObject({
      locale: 'en',
      changeableUntil: '09:00, Monday, 15 March 2027',
      answer: { label: 'Attending', pending: false },
      conference: {
        kind: 'Periodic',
        time: '09:00 – 11:00, Monday, 15 March 2027',
        zone: 'Vietnam time, UTC+07:00',
        notice: 'The conference has been moved to the new time shown below.',
        reason: 'Trùng lịch',
      },
    });
    const html = files.render('invitation', model);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>.* – Press information conferences, Đắk Lắk Province<\/title>/);
    for (const text of [
      'Invitation letter no. 07/GM-SVHTTDL',
      'Periodic press information conference, held together with the province’s monthly press briefing',
      'Reason: Trùng lịch',
      'To: <strong>Nguyễn Văn An</strong>, Chánh Văn phòng – Sở Tư pháp.',
      '<dt>Time</dt>',
      '<dt>Venue</dt>',
      '<h2 id="answer-heading">Your attendance</h2>',
      'Your answer has been recorded. Thank you.',
      'Please enter the full name and the position of the person attending in your place.',
      'Your current answer: <strong class="current__answer">Attending</strong>',
      'You can change your answer until 09:00, Monday, 15 March 2027, when the conference opens.',
      '>Attend</button>',
      '>Decline</button>',
      '>Send someone in my place</summary>',
      '<label for="delegate-name">Full name of the person attending</label>',
      '<label for="delegate-title">Position</label>',
      'Download the invitation letter <span class="muted">(PDF, in Vietnamese)</span>',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toMatch(/Kính gửi|Tham dự|Thời gian|giờ Việt Nam/);
    const closed = invitationPageModel(TOKEN, view({ locale: 'en', canChange: false }, { status: 'CANCELLED' }));
    expect(closed.closedBecause).toBe('The conference was cancelled, so this invitation needs no answer.');
    expect(pageProvince(loadProvinceProfile('khanh-hoa'), 'en')).toEqual({
      title: 'Khánh Hòa Province',
      peoplesCommittee: 'Khánh Hòa Provincial People’s Committee',
      unit: 'province',
    });
  });

  it('has every phrase in every language, and refuses a phrase it does not have', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(Object.keys(pageTexts(locale).phrases).sort()).toEqual(Object.keys(pageTexts('vi').phrases).sort());
    }
    expect(() => phrase('en', 'nonsense')).toThrow(/no phrase "nonsense"/);
    expect(phrase('fr', 'minutes', { minutes: 5 })).toBe('5 phút');
  });

  it('serves its static files by name only', () => {
    expect(files.asset('invitation.css')?.mediaType).toBe('text/css; charset=utf-8');
    expect(files.asset('invitation.js')?.mediaType).toBe('text/javascript; charset=utf-8');
    expect(files.asset('../page-files.ts')).toBeUndefined();
  });
});
