// The agencies generated for a run, after test/fixtures/directory.ts: every role of the plan once, and press
// agencies whose every contact is invited (BRIEF.md's participant rules), which is how a run gets N invitees.
import { randomBytes } from 'node:crypto';

export function runTag() {
  return randomBytes(3).toString('hex').toUpperCase();
}

const contact = (tag, name, title, local, spokesperson = true) => ({
  name,
  title,
  email: `${local}.${tag.toLowerCase()}@daklak.example.vn`,
  spokesperson,
});

/** Every agency but the press: the hosts, the coordinator, the information providers, the portal. */
export function baseAgencies(tag) {
  return [
    {
      code: `BTG-${tag}`,
      name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      kind: 'PARTY_BOARD',
      roles: ['CO_HOST'],
      fields: ['định hướng thông tin'],
      contacts: [contact(tag, 'Nguyễn Văn Định', 'Phó Trưởng ban', 'btg')],
    },
    {
      code: `CA-${tag}`,
      name: 'Công an tỉnh Đắk Lắk',
      kind: 'DEPARTMENT',
      roles: ['HUMAN_RIGHTS_STANDING_OFFICE', 'INFORMATION_PROVIDER'],
      fields: ['an ninh trật tự', 'nhân quyền'],
      contacts: [contact(tag, 'Trần Thị Hạnh', 'Phó Giám đốc', 'congan')],
    },
    {
      code: `SVH-${tag}`,
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      kind: 'DEPARTMENT',
      roles: ['COORDINATOR'],
      fields: ['báo chí', 'thông tin đối ngoại'],
      contacts: [contact(tag, 'Lê Quang Minh', 'Giám đốc', 'svhttdl')],
    },
    {
      code: `HNB-${tag}`,
      name: 'Hội Nhà báo tỉnh Đắk Lắk',
      kind: 'ASSOCIATION',
      roles: ['PRESS_BRIEFING_CO_CHAIR'],
      contacts: [contact(tag, 'Phạm Thị Thu', 'Chủ tịch Hội', 'hoinhabao')],
    },
    {
      code: `UBND-${tag}`,
      name: 'Ủy ban nhân dân tỉnh Đắk Lắk',
      kind: 'PEOPLES_COMMITTEE',
      roles: ['PROVINCIAL_LEADERSHIP'],
      contacts: [contact(tag, 'Hoàng Văn Nam', 'Phó Chủ tịch', 'ubnd')],
    },
    {
      code: `SNN-${tag}`,
      name: 'Sở Nông nghiệp và Môi trường',
      kind: 'DEPARTMENT',
      roles: ['INFORMATION_PROVIDER'],
      fields: ['đất đai', 'môi trường'],
      contacts: [contact(tag, 'Đỗ Thị Lan', 'Phó Giám đốc', 'snnmt')],
    },
    {
      code: `SYT-${tag}`,
      name: 'Sở Y tế',
      kind: 'DEPARTMENT',
      roles: ['INFORMATION_PROVIDER'],
      fields: ['y tế'],
      contacts: [contact(tag, 'Vũ Văn Khoa', 'Giám đốc', 'syt')],
    },
    {
      code: `CTT-${tag}`,
      name: 'Cổng Thông tin điện tử tỉnh',
      kind: 'PORTAL',
      roles: ['PORTAL'],
      contacts: [contact(tag, 'Đinh Công Sơn', 'Giám đốc', 'cong')],
    },
  ];
}

/** A press agency with its editor-in-chief and `reporters` reporters: 1 + reporters invitees. */
export function pressAgency(tag, suffix, reporters) {
  return {
    code: `BDL-${tag}-${suffix}`,
    name: `Báo và Phát thanh, Truyền hình Đắk Lắk (${suffix})`,
    kind: 'PRESS',
    roles: ['PRESS'],
    contacts: [
      contact(tag, 'Ngô Thị Bích', 'Tổng Biên tập', `baodaklak.${suffix.toLowerCase()}`),
      ...Array.from({ length: reporters }, (_, i) =>
        contact(tag, `Phóng viên ${i + 1}`, 'Phóng viên', `pv${i + 1}.${suffix.toLowerCase()}`, false),
      ),
    ],
  };
}

/** A periodic conference ten days ahead, on the whole hour, on land matters (đất đai). */
export function conferenceDraft(title = 'Hội nghị cung cấp thông tin cho báo chí định kỳ tháng 12/2026') {
  const startsAt = new Date(Math.ceil((Date.now() + 10 * 24 * 3600_000) / 3600_000) * 3600_000);
  return {
    kind: 'PERIODIC',
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, 08 Lý Thường Kiệt, Buôn Ma Thuột',
    topics: ['Đất đai'],
  };
}
