import * as ical from 'node-ical';
import { InvitationCalendarInput, buildInvitationCalendar, conferenceUid } from './invitation-calendar';

const input: InvitationCalendarInput = {
  method: 'REQUEST',
  conference: {
    conferenceId: '5f0c3b9e-2f7c-4c55-9d0e-6a1f7e2b8c11',
    title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
    kind: 'PERIODIC',
    startsAt: '2027-03-15T09:00:00+07:00',
    endsAt: '2027-03-15T04:00:00Z',
    venue: 'Hội trường UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột',
    topics: ['Công tác bảo đảm quyền con người', 'Thông tin đối ngoại'],
  },
  sequence: 2,
  organizer: { name: 'Sở Văn hóa, Thể thao và Du lịch', email: 'svhttdl@daklak.gov.vn' },
  attendee: { name: 'Nguyễn Văn An', email: 'an.nv@daklak.gov.vn' },
  url: 'http://127.0.0.1:3000/api/v1/invitations/tok123',
  domain: 'pressconf.daklak.gov.vn',
};

function parse(ics: string): { event: ical.VEvent; components: ical.CalendarComponent[] } {
  const components = Object.values(ical.sync.parseICS(ics));
  const events = components.filter((c): c is ical.VEvent => c.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return { event: events[0], components };
}

/** Unfolded content lines, to assert on exact properties. */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('buildInvitationCalendar', () => {
  it('writes a REQUEST whose local times round-trip to the same instants', () => {
    const ics = buildInvitationCalendar(input);
    const { event, components } = parse(ics);

    expect(event.start.toISOString()).toBe('2027-03-15T02:00:00.000Z');
    expect(event.end.toISOString()).toBe('2027-03-15T04:00:00.000Z');
    expect(event.start.tz).toBe('Asia/Ho_Chi_Minh');
    expect(lines(ics)).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20270315T090000');
    expect(lines(ics)).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20270315T110000');
    expect(components.some((c) => c.type === 'VTIMEZONE' && c.tzid === 'Asia/Ho_Chi_Minh')).toBe(true);
    expect(lines(ics)).toContain('METHOD:REQUEST');
    expect(lines(ics)).toContain('SEQUENCE:2');
    expect(lines(ics)).toContain('STATUS:CONFIRMED');
    expect(lines(ics).find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(event.uid).toBe('conference-5f0c3b9e-2f7c-4c55-9d0e-6a1f7e2b8c11@pressconf.daklak.gov.vn');
    expect(event.summary).toBe(input.conference.title);
    expect(event.location).toBe(input.conference.venue);
    expect(event.description).toBe(
      'Hội nghị cung cấp thông tin cho báo chí định kỳ\nNội dung: Công tác bảo đảm quyền con người; Thông tin đối ngoại',
    );
  });

  it('names the organizer and asks the attendee to answer', () => {
    const ics = buildInvitationCalendar(input);
    const { event } = parse(ics);
    expect(event.organizer).toMatchObject({
      val: 'mailto:svhttdl@daklak.gov.vn',
      params: { CN: 'Sở Văn hóa, Thể thao và Du lịch' },
    });
    expect(event.attendee).toMatchObject({
      val: 'MAILTO:an.nv@daklak.gov.vn',
      params: { CN: 'Nguyễn Văn An', RSVP: true, ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION' },
    });
    const attendee = lines(ics).find((line) => line.startsWith('ATTENDEE'));
    expect(attendee).toContain('RSVP=TRUE');
    expect(attendee).toContain('PARTSTAT=NEEDS-ACTION');
    expect(attendee).toContain('ROLE=REQ-PARTICIPANT');
  });

  it('writes a CANCEL for the same event with a higher sequence', () => {
    const ics = buildInvitationCalendar({ ...input, method: 'CANCEL', sequence: 3 });
    const { event } = parse(ics);
    expect(lines(ics)).toContain('METHOD:CANCEL');
    expect(lines(ics)).toContain('SEQUENCE:3');
    expect(event.status).toBe('CANCELLED');
    expect(event.uid).toBe(parse(buildInvitationCalendar(input)).event.uid);
  });

  it('takes the description, the URL, the zone and the domain when given', () => {
    const ics = buildInvitationCalendar({
      ...input,
      description: 'Mô tả riêng',
      zone: 'UTC',
      domain: 'example.gov.vn',
    });
    const { event } = parse(ics);
    expect(event.description).toBe('Mô tả riêng');
    expect(lines(ics)).toContain(`URL;VALUE=URI:${input.url}`);
    expect(event.uid).toBe(conferenceUid(input.conference.conferenceId, 'example.gov.vn'));
    expect(event.start.toISOString()).toBe('2027-03-15T02:00:00.000Z');
    expect(lines(ics).find((line) => line.startsWith('DTSTART'))).toBe('DTSTART:20270315T020000Z');
  });

  it('names the province in the default description when given', () => {
    const { event } = parse(buildInvitationCalendar({ ...input, province: 'tỉnh Khánh Hòa' }));
    expect(event.description).toMatch(/^Hội nghị cung cấp thông tin cho báo chí định kỳ – tỉnh Khánh Hòa\nNội dung: /);
  });

  it('lists the agenda in the description, with each item’s start in the zone', () => {
    const agenda = [
      { title: 'Khai mạc', presenter: 'Lê Quang Minh', durationMinutes: 10, startsAt: '2027-03-15T02:00:00Z' },
      { title: 'Trao đổi', durationMinutes: 20, startsAt: '2027-03-15T02:10:00Z' },
    ];
    const { event } = parse(buildInvitationCalendar({ ...input, conference: { ...input.conference, agenda } }));
    expect(event.description).toMatch(
      /\nChương trình:\n- 09:00 Khai mạc – Lê Quang Minh \(10 phút\)\n- 09:10 Trao đổi \(20 phút\)$/,
    );
  });

  it('writes the description in English for an English-speaking attendee, the title as the hosts wrote it', () => {
    const agenda = [
      { title: 'Khai mạc', presenter: 'Lê Quang Minh', durationMinutes: 10, startsAt: '2027-03-15T02:00:00Z' },
    ];
    const ics = buildInvitationCalendar({
      ...input,
      locale: 'en',
      province: 'Đắk Lắk Province',
      conference: { ...input.conference, kind: 'EXTRAORDINARY', agenda },
    });
    const { event } = parse(ics);
    expect(event.summary).toBe(input.conference.title);
    expect(event.description).toBe(
      'Extraordinary press information conference – Đắk Lắk Province\n' +
        'Topics: Công tác bảo đảm quyền con người; Thông tin đối ngoại\n' +
        'Agenda:\n- 09:00 Khai mạc – Lê Quang Minh (10 min)',
    );
    expect(lines(ics)).toContain('PRODID:-//pressconf.daklak.gov.vn//pressconf//EN');
  });

  it('refuses a conference that ends before it starts', () => {
    const conference = { ...input.conference, endsAt: '2027-03-15T01:00:00Z' };
    expect(() => buildInvitationCalendar({ ...input, conference })).toThrow(RangeError);
  });
});
