/**
 * Any province can run it (README, "The province profile"): the four services started with the Khánh Hòa profile
 * (PROVINCE_PROFILE=khanh-hoa, no MAIL_FROM) and its demo directory call a conference. The mail, the letter, the
 * calendar entry, the invitee's page, what the page links to and the API document say Khánh Hòa, and nothing that
 * reaches anyone says Đắk Lắk.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { AgencyView, ConferenceView, CreateAgencyDto } from '@pressconf/contracts';
import { loadProvinceProfile, profileFileOf } from '@pressconf/province';
import { invitationLinkOf, waitForInvitations } from './support/conference';
import type { ReceivedMail } from './support/smtp-sink';
import { eventually, Stack } from './support/stack';

const profile = loadProvinceProfile('khanh-hoa');
/** Any way of writing the default province: with or without diacritics, any case, in a host name. */
const DAK_LAK = /đắk\s*lắk|dak\s*lak|daklak/iu;

/** Text as people read it: composed Unicode (a PDF or a folded calendar line may hold it decomposed or split). */
const readable = (text: string): string => text.normalize('NFC');
/** Calendar content lines unfolded (RFC 5545 folds them at 75 octets, also inside a name). */
const unfolded = (ics: string): string => readable(ics.replace(/\r?\n[ \t]/g, ''));
const pdfText = async (pdf: Buffer): Promise<string> => readable((await pdfParse(pdf)).text.replace(/\s+/g, ' '));

function attachment(mail: ReceivedMail, type: string): Buffer {
  const found = mail.parsed.attachments.find((a) => a.contentType.startsWith(type));
  if (!found) throw new Error(`mail "${mail.parsed.subject}" has no ${type} attachment`);
  return found.content;
}

describe('a province other than Đắk Lắk, from its profile alone (Khánh Hòa)', () => {
  let stack: Stack;
  let conference: ConferenceView;
  let mails: ReceivedMail[];

  beforeAll(async () => {
    stack = await Stack.start({ env: { PROVINCE_PROFILE: 'khanh-hoa', MAIL_FROM: '' } });
    const directory = resolve(dirname(profileFileOf('khanh-hoa')), profile.demoDirectory!);
    const { agencies } = JSON.parse(readFileSync(directory, 'utf8')) as { agencies: CreateAgencyDto[] };
    for (const agency of agencies) {
      expect((await stack.api<AgencyView>('POST', '/agencies', { body: agency })).status).toBe(201);
    }
    const day = new Date(Date.now() + 10 * 24 * 3600_000);
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 2, 0, 0));
    const draft = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin về công tác nhân quyền và thông tin đối ngoại',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, Nha Trang',
        topics: ['Tranh chấp đất đai'],
      },
    });
    expect(draft.status).toBe(201);
    const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
    expect(called.status).toBe(200);
    conference = called.body;
    mails = await waitForInvitations(stack, conference.id, conference.participants.length);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('mails from the province’s own sender, naming the province in every invitation', () => {
    expect(mails.length).toBeGreaterThanOrEqual(10);
    for (const mail of mails) {
      expect(mail.parsed.from?.value).toHaveLength(1);
      expect(mail.parsed.from?.value[0]).toMatchObject({
        name: 'Hội nghị cung cấp thông tin tỉnh Khánh Hòa',
        address: 'no-reply@pressconf.khanhhoa.gov.vn',
      });
      const text = readable(mail.parsed.text ?? '');
      const html = readable(typeof mail.parsed.html === 'string' ? mail.parsed.html : '');
      expect(text).toContain('Hội nghị cung cấp thông tin cho báo chí tỉnh Khánh Hòa.');
      expect(html).toContain('Hội nghị cung cấp thông tin cho báo chí – tỉnh Khánh Hòa');
    }
  });

  it('issues the letter as Khánh Hòa’s body, dated at Khánh Hòa', async () => {
    const numbers = new Set<string>();
    for (const mail of mails) {
      const text = await pdfText(attachment(mail, 'application/pdf'));
      expect(text).toContain('UBND TỈNH KHÁNH HÒA');
      expect(text).toContain('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH');
      expect(text).toMatch(/Khánh Hòa, ngày \d{2} tháng \d{1,2} năm \d{4}/);
      expect(text).toContain('KT. GIÁM ĐỐC');
      expect(text).not.toMatch(DAK_LAK);
      numbers.add(/Số: (\d{2,}\/GM-SVHTTDL)/.exec(text)![1]);
    }
    expect(numbers.size).toBe(1);
  });

  it('puts the province in the calendar entry, under an identifier of its own host', () => {
    for (const mail of mails) {
      const ics = unfolded(attachment(mail, 'text/calendar').toString('utf8'));
      expect(ics).toContain(`UID:conference-${conference.id}@pressconf.khanhhoa.gov.vn`);
      expect(ics).toMatch(/^DESCRIPTION:Hội nghị cung cấp thông tin cho báo chí định kỳ – tỉnh Khánh Hòa/m);
      expect(ics).toMatch(/^ORGANIZER;.*Du lịch tỉnh Khánh Hòa/m);
      expect(ics).not.toMatch(DAK_LAK);
    }
  });

  it('shows the invitee a page, a letter and a calendar entry of Khánh Hòa', async () => {
    const link = invitationLinkOf(mails[0]);
    const page = readable(await (await fetch(link)).text());
    expect(page).toContain('<p class="masthead__body">Ủy ban nhân dân tỉnh Khánh Hòa</p>');
    expect(page).toMatch(/<title>[^<]* – Hội nghị cung cấp thông tin cho báo chí tỉnh Khánh Hòa<\/title>/);
    expect(page).toContain('lồng ghép với Hội nghị giao ban báo chí định kỳ hằng tháng của tỉnh');
    expect(page).not.toMatch(DAK_LAK);

    const api = link.replace('/moi/', '/api/v1/invitations/');
    const letter = await fetch(`${api}/letter.pdf`);
    expect(letter.status).toBe(200);
    const letterText = await pdfText(Buffer.from(await letter.arrayBuffer()));
    expect(letterText).toMatch(/Khánh Hòa, ngày \d{2}/);
    expect(letterText).not.toMatch(DAK_LAK);
    const calendar = await fetch(`${api}/calendar.ics`);
    expect(calendar.status).toBe(200);
    const ics = unfolded(await calendar.text());
    expect(ics).toContain('tỉnh Khánh Hòa');
    expect(ics).not.toMatch(DAK_LAK);
  });

  it('says Đắk Lắk in no mail at all (brief requests included), and titles the API document for Khánh Hòa', async () => {
    const ofConference = () =>
      stack.smtp.received.filter((m) => m.parsed.headers.get('x-conference-id') === conference.id);
    // The brief requests too, which the agencies that must brief get besides their invitation.
    await eventually(() => ofConference().some((m) => m.parsed.headers.get('x-notification-kind') === 'BRIEF_REQUEST'));
    const everything = ofConference();
    for (const mail of everything) {
      const raw = readable(
        [mail.parsed.subject, mail.parsed.text, mail.parsed.html, mail.parsed.from?.text, mail.parsed.replyTo?.text]
          .filter((part): part is string => typeof part === 'string')
          .join('\n'),
      );
      expect(raw).not.toMatch(DAK_LAK);
    }
    const docs = (await (await fetch(`http://127.0.0.1:${stack.ports.gateway}/docs-json`)).json()) as {
      info: { title: string; license: { name: string; url: string } };
    };
    expect(docs.info.title).toBe('Press information conferences — Khánh Hòa Provincial People’s Committee');
    expect(docs.info.license).toEqual({ name: 'Proprietary: Ủy ban nhân dân tỉnh Khánh Hòa', url: profile.website });
  });
});
