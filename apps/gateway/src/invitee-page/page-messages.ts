import type { DateTime } from 'luxon';
import type { ConferenceKind, ContactLocale, RsvpState } from '@pressconf/contracts';

/** The languages the page speaks: the invitee's (their contact's), Vietnamese when unknown (an error page). */
export type PageLocale = ContactLocale;
export const DEFAULT_PAGE_LOCALE: PageLocale = 'vi';

/**
 * The page's words in one language. `phrases` are what the templates say (`{{t "key" name=value}}` puts `value`
 * where the phrase has `{name}`); the rest are what the page model computes.
 */
export interface PageTexts {
  phrases: Record<PhraseKey, string>;
  kinds: Record<ConferenceKind, string>;
  answers: Record<RsvpState, string>;
  closed: { cancelled: string; withdrawn: string; completed: string; started: string };
  notices: { cancelled: string; withdrawn: string; rescheduled: string };
  /** "giờ Việt Nam, UTC+07:00". */
  vietnamTime: (offset: string) => string;
  /** "thứ Hai, ngày 15/3/2027". */
  day: (at: DateTime) => string;
  /** How the province's kind (tỉnh, thành phố) reads inside a sentence. */
  unit: (unit: string) => string;
}

const VI_PHRASES = {
  pageTitle: '{title} – Hội nghị cung cấp thông tin cho báo chí {province}',
  skipLink: 'Bỏ qua, đến nội dung chính',
  masthead: 'Hội nghị cung cấp thông tin cho báo chí',
  footer:
    'Đường dẫn trong thư mời dành riêng cho Ông/Bà; xin không chuyển cho người khác. Mọi thắc mắc xin trả lời thư ' +
    'mời để liên hệ Ban tổ chức.',
  letterNumber: 'Giấy mời số {number}',
  kindLine: 'Hội nghị cung cấp thông tin cho báo chí {kind}',
  periodicNote: ', lồng ghép với Hội nghị giao ban báo chí định kỳ hằng tháng của {unit}',
  reason: 'Lý do: {reason}',
  dear: 'Kính gửi: Ông/Bà',
  invited: 'Trân trọng kính mời Ông/Bà tham dự hội nghị:',
  time: 'Thời gian',
  venue: 'Địa điểm',
  map: 'Xem bản đồ',
  hosts: 'Cơ quan chủ trì',
  topics: 'Nội dung',
  agenda: 'Chương trình',
  minutes: '{minutes} phút',
  answerHeading: 'Xác nhận tham dự',
  saved: 'Đã ghi nhận câu trả lời của Ông/Bà. Trân trọng cảm ơn.',
  invalid: 'Xin nhập đủ họ tên và chức vụ của người được cử dự thay.',
  current: 'Câu trả lời hiện tại:',
  changeUntil: 'Ông/Bà có thể thay đổi câu trả lời đến {until}, giờ khai mạc hội nghị.',
  failed: 'Chưa gửi được câu trả lời. Xin kiểm tra thông tin đã nhập và kết nối mạng rồi thử lại.',
  accept: 'Tham dự',
  decline: 'Không tham dự',
  delegate: 'Cử người khác dự',
  delegateName: 'Họ và tên người dự thay',
  delegateNameHint: 'Xin nhập họ và tên',
  delegateTitle: 'Chức vụ',
  delegateTitleHint: 'Xin nhập chức vụ, ví dụ: Phó Giám đốc',
  delegateTitleExample: 'Ví dụ: Phó Giám đốc, Chánh Văn phòng',
  delegateSubmit: 'Xác nhận cử người dự thay',
  filesHeading: 'Lịch và giấy mời',
  addToCalendar: 'Thêm vào lịch',
  calendarFile: '(tệp .ics)',
  downloadLetter: 'Tải giấy mời',
  letterFile: '(PDF)',
};
type PhraseKey = keyof typeof VI_PHRASES;

// Spelled out, as in the mail, rather than taken from ICU, so that the wording does not depend on the Node build.
const VI_WEEKDAYS = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

const VI: PageTexts = {
  phrases: VI_PHRASES,
  kinds: { PERIODIC: 'định kỳ', EXTRAORDINARY: 'đột xuất' },
  answers: { PENDING: 'Chưa trả lời', ACCEPT: 'Tham dự', DECLINE: 'Không tham dự', DELEGATE: 'Cử người khác dự' },
  closed: {
    cancelled: 'Hội nghị đã bị hủy nên không cần trả lời giấy mời này.',
    withdrawn: 'Giấy mời không còn hiệu lực nên không cần trả lời.',
    completed: 'Hội nghị đã diễn ra; câu trả lời không còn thay đổi được.',
    started: 'Hội nghị đã bắt đầu; câu trả lời không còn thay đổi được.',
  },
  notices: {
    cancelled: 'Hội nghị đã bị hủy.',
    withdrawn: 'Do điều chỉnh thành phần tham dự, Ông/Bà không còn trong danh sách khách mời của hội nghị này.',
    rescheduled: 'Hội nghị đã được dời sang thời gian mới ghi dưới đây.',
  },
  vietnamTime: (offset) => `giờ Việt Nam, ${offset}`,
  day: (at) => `${VI_WEEKDAYS[at.weekday - 1]}, ngày ${at.toFormat('d/M/yyyy')}`,
  unit: (unit) => unit,
};

const EN: PageTexts = {
  phrases: {
    pageTitle: '{title} – Press information conferences, {province}',
    skipLink: 'Skip to the main content',
    masthead: 'Press information conferences',
    footer:
      'The link in your invitation is for you alone; please do not pass it on. For any question, reply to the ' +
      'invitation e-mail to reach the organisers.',
    letterNumber: 'Invitation letter no. {number}',
    kindLine: '{kind} press information conference',
    periodicNote: ', held together with the {unit}’s monthly press briefing',
    reason: 'Reason: {reason}',
    dear: 'To:',
    invited: 'You are cordially invited to attend the conference:',
    time: 'Time',
    venue: 'Venue',
    map: 'View map',
    hosts: 'Hosted by',
    topics: 'Topics',
    agenda: 'Agenda',
    minutes: '{minutes} min',
    answerHeading: 'Your attendance',
    saved: 'Your answer has been recorded. Thank you.',
    invalid: 'Please enter the full name and the position of the person attending in your place.',
    current: 'Your current answer:',
    changeUntil: 'You can change your answer until {until}, when the conference opens.',
    failed: 'Your answer could not be sent. Please check what you entered and your connection, then try again.',
    accept: 'Attend',
    decline: 'Decline',
    delegate: 'Send someone in my place',
    delegateName: 'Full name of the person attending',
    delegateNameHint: 'Please enter a full name',
    delegateTitle: 'Position',
    delegateTitleHint: 'Please enter a position, e.g. Deputy Director',
    delegateTitleExample: 'For example: Deputy Director, Chief of Office',
    delegateSubmit: 'Confirm who attends in my place',
    filesHeading: 'Calendar and invitation letter',
    addToCalendar: 'Add to calendar',
    calendarFile: '(.ics file)',
    downloadLetter: 'Download the invitation letter',
    // The letter is an official document: it stays in Vietnamese.
    letterFile: '(PDF, in Vietnamese)',
  },
  kinds: { PERIODIC: 'Periodic', EXTRAORDINARY: 'Extraordinary' },
  answers: {
    PENDING: 'Not answered yet',
    ACCEPT: 'Attending',
    DECLINE: 'Not attending',
    DELEGATE: 'Sending someone in my place',
  },
  closed: {
    cancelled: 'The conference was cancelled, so this invitation needs no answer.',
    withdrawn: 'The invitation no longer stands, so it needs no answer.',
    completed: 'The conference has taken place; the answer can no longer be changed.',
    started: 'The conference has started; the answer can no longer be changed.',
  },
  notices: {
    cancelled: 'The conference has been cancelled.',
    withdrawn: 'Following a change in who attends, you are no longer among the invitees of this conference.',
    rescheduled: 'The conference has been moved to the new time shown below.',
  },
  vietnamTime: (offset) => `Vietnam time, ${offset}`,
  day: (at) => at.setLocale('en-GB').toFormat('cccc, d LLLL yyyy'),
  unit: (unit) => (unit === 'thành phố' ? 'city' : 'province'),
};

const TEXTS: Record<PageLocale, PageTexts> = { vi: VI, en: EN };

/** The page's words in `locale`; anything unknown reads Vietnamese. */
export function pageTexts(locale: string | undefined): PageTexts {
  return TEXTS[locale as PageLocale] ?? TEXTS[DEFAULT_PAGE_LOCALE];
}

/** A template's phrase with its `{name}` slots filled; an unknown key is a mistake in a template, found at render. */
export function phrase(
  locale: string | undefined,
  key: string,
  values: Record<string, string | number | undefined> = {},
): string {
  const text = pageTexts(locale).phrases[key as PhraseKey];
  if (text === undefined) throw new Error(`The invitee page has no phrase "${key}"`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
