import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { AgencyContact } from '@pressconf/contracts';
import { AgencySnapshot, normalizeTerm, ParticipantsInput, resolveParticipants, termsMatch } from './participants';

const contact = (name: string, email: string, extra: Partial<AgencyContact> = {}): AgencyContact => ({
  name,
  email,
  spokesperson: false,
  locale: 'vi',
  fields: [],
  ...extra,
});

const agency = (id: string, name: string, extra: Partial<AgencySnapshot>): AgencySnapshot => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'DEPARTMENT',
  roles: [],
  fields: [],
  territory: null,
  contacts: [contact(`Lãnh đạo ${name}`, `${id}@daklak.gov.vn`)],
  ...extra,
});

/** The agencies of the 2024 plan, plus a few edge cases. */
const registry: AgencySnapshot[] = [
  agency('btg', 'Ban Tuyên giáo Tỉnh ủy', { kind: 'PARTY_BOARD', roles: ['CO_HOST'] }),
  agency('ca', 'Công an tỉnh', {
    roles: ['HUMAN_RIGHTS_STANDING_OFFICE', 'INFORMATION_PROVIDER'],
    fields: ['an ninh trật tự'],
    contacts: [
      contact('Nguyễn Văn Giám', 'giamdoc@ca.daklak.gov.vn', { title: 'Giám đốc' }),
      contact('Trần Thị Phát', 'phatngon@ca.daklak.gov.vn', { title: 'Phó Giám đốc', spokesperson: true }),
    ],
  }),
  agency('sttt', 'Sở Thông tin và Truyền thông', {
    roles: ['COORDINATOR', 'INFORMATION_PROVIDER'],
    fields: ['báo chí', 'thông tin đối ngoại'],
  }),
  agency('hnb', 'Hội Nhà báo tỉnh', { kind: 'ASSOCIATION', roles: ['PRESS_BRIEFING_CO_CHAIR'] }),
  agency('ubnd', 'Ủy ban nhân dân tỉnh', {
    kind: 'PEOPLES_COMMITTEE',
    roles: ['PROVINCIAL_LEADERSHIP'],
    contacts: [
      contact('Lê Văn Chủ', '', { title: 'Chủ tịch' }),
      contact('Phạm Thị Văn', 'vanphong@daklak.gov.vn', { title: 'Chánh Văn phòng' }),
    ],
  }),
  agency('stnmt', 'Sở Tài nguyên và Môi trường', {
    roles: ['INFORMATION_PROVIDER'],
    fields: ['Đất đai', 'môi trường'],
  }),
  agency('bdt', 'Ban Dân tộc', { roles: ['INFORMATION_PROVIDER'], fields: ['dân tộc', 'tôn giáo'] }),
  agency('kp', 'UBND huyện Krông Pắc', {
    kind: 'LOCAL_COMMITTEE',
    roles: ['INFORMATION_PROVIDER'],
    territory: 'Huyện Krông Pắc',
  }),
  agency('btgcp', 'Ban Tôn giáo', { roles: ['INFORMATION_PROVIDER'], fields: ['tôn giáo'], contacts: [] }),
  agency('bdv', 'Ban Dân vận Tỉnh ủy', { kind: 'PARTY_BOARD', roles: [] }),
  agency('bdl', 'Báo Đắk Lắk', {
    kind: 'PRESS',
    roles: ['PRESS'],
    contacts: [
      contact('Võ Văn Biên', 'tbt@baodaklak.vn', { title: 'Tổng Biên tập' }),
      contact('Hoàng Thị Ảnh', 'anh@baodaklak.vn', { title: 'Phóng viên' }),
      contact('Đinh Văn Bút', 'but@baodaklak.vn'),
      contact('Đinh Văn Bút (trùng)', 'BUT@baodaklak.vn '),
      contact('Không Thư', ''),
    ],
  }),
  agency('vtv8', 'Cơ quan thường trú VTV8', {
    kind: 'PRESS',
    roles: ['PRESS'],
    contacts: [contact('Y Đức', 'yduc@vtv.vn', { title: 'Trưởng cơ quan thường trú' })],
  }),
  agency('cong', 'Cổng Thông tin điện tử tỉnh', {
    kind: 'PORTAL',
    roles: ['PORTAL'],
    contacts: [
      contact('Giám đốc Cổng', 'gd@daklak.gov.vn', { title: 'Giám đốc' }),
      contact('Biên tập Cổng', 'bientap@daklak.gov.vn', { title: 'Biên tập viên', spokesperson: true }),
    ],
  }),
];

const periodic = (extra: Partial<ParticipantsInput> = {}): ParticipantsInput => ({
  kind: 'PERIODIC',
  topics: ['Tranh chấp đất đai', 'Tình hình tôn giáo'],
  agencies: registry,
  ...extra,
});

const byAgency = (result: ReturnType<typeof resolveParticipants>, agencyId: string) =>
  result.participants.filter((participant) => participant.agencyId === agencyId);

describe('resolveParticipants', () => {
  describe('a periodic conference on land disputes and religion', () => {
    const result = resolveParticipants(periodic());

    it('invites in role order the hosts, the leadership, the matching providers, the press and the portal', () => {
      expect(result.participants.map((p) => [p.role, p.agencyName, p.contactName, p.mustBrief])).toEqual([
        ['CO_HOST', 'Ban Tuyên giáo Tỉnh ủy', 'Lãnh đạo Ban Tuyên giáo Tỉnh ủy', false],
        ['HUMAN_RIGHTS_STANDING_OFFICE', 'Công an tỉnh', 'Trần Thị Phát', true],
        ['COORDINATOR', 'Sở Thông tin và Truyền thông', 'Lãnh đạo Sở Thông tin và Truyền thông', false],
        ['PRESS_BRIEFING_CO_CHAIR', 'Hội Nhà báo tỉnh', 'Lãnh đạo Hội Nhà báo tỉnh', false],
        ['PROVINCIAL_LEADERSHIP', 'Ủy ban nhân dân tỉnh', 'Phạm Thị Văn', false],
        ['INFORMATION_PROVIDER', 'Ban Dân tộc', 'Lãnh đạo Ban Dân tộc', true],
        ['INFORMATION_PROVIDER', 'Sở Tài nguyên và Môi trường', 'Lãnh đạo Sở Tài nguyên và Môi trường', true],
        ['PRESS', 'Báo Đắk Lắk', 'Đinh Văn Bút', false],
        ['PRESS', 'Báo Đắk Lắk', 'Hoàng Thị Ảnh', false],
        ['PRESS', 'Báo Đắk Lắk', 'Võ Văn Biên', false],
        ['PRESS', 'Cơ quan thường trú VTV8', 'Y Đức', false],
        ['PORTAL', 'Cổng Thông tin điện tử tỉnh', 'Biên tập Cổng', false],
      ]);
    });

    it('explains every invitation', () => {
      const reasons = Object.fromEntries(result.participants.map((p) => [p.email, p.reason]));
      expect(reasons).toEqual({
        'btg@daklak.gov.vn': 'always invited as CO_HOST',
        'phatngon@ca.daklak.gov.vn': 'always invited as HUMAN_RIGHTS_STANDING_OFFICE',
        'sttt@daklak.gov.vn': 'always invited as COORDINATOR',
        'hnb@daklak.gov.vn': 'always invited as PRESS_BRIEFING_CO_CHAIR',
        'vanphong@daklak.gov.vn': 'always invited as PROVINCIAL_LEADERSHIP',
        'bdt@daklak.gov.vn': 'field "tôn giáo" matches topic "Tình hình tôn giáo"',
        'stnmt@daklak.gov.vn': 'field "Đất đai" matches topic "Tranh chấp đất đai"',
        'tbt@baodaklak.vn': 'press agency (leader)',
        'anh@baodaklak.vn': 'press agency (reporter)',
        'but@baodaklak.vn': 'press agency (reporter)',
        'yduc@vtv.vn': 'press agency (leader)',
        'bientap@daklak.gov.vn': 'provincial e-portal',
      });
    });

    it('carries the contact title when there is one', () => {
      expect(byAgency(result, 'ubnd')[0]).toEqual({
        agencyId: 'ubnd',
        agencyName: 'Ủy ban nhân dân tỉnh',
        role: 'PROVINCIAL_LEADERSHIP',
        contactName: 'Phạm Thị Văn',
        contactTitle: 'Chánh Văn phòng',
        email: 'vanphong@daklak.gov.vn',
        locale: 'vi',
        mustBrief: false,
        reason: 'always invited as PROVINCIAL_LEADERSHIP',
      });
      expect(byAgency(result, 'btg')[0]).not.toHaveProperty('contactTitle');
    });

    it('leaves out providers outside the topics and agencies without a role', () => {
      expect(byAgency(result, 'kp')).toEqual([]);
      expect(byAgency(result, 'bdv')).toEqual([]);
    });

    it('reports a matching agency that has no e-mail address instead of failing', () => {
      expect(result.unreachable).toEqual([
        {
          agencyId: 'btgcp',
          agencyName: 'Ban Tôn giáo',
          role: 'INFORMATION_PROVIDER',
          reason:
            'no contact with an e-mail address (invited because: field "tôn giáo" matches topic "Tình hình tôn giáo")',
        },
      ]);
    });

    it('invites each e-mail address of a press agency once', () => {
      expect(byAgency(result, 'bdl').map((p) => p.email)).toEqual([
        'but@baodaklak.vn',
        'anh@baodaklak.vn',
        'tbt@baodaklak.vn',
      ]);
    });
  });

  it('matches the territory of a local committee', () => {
    const result = resolveParticipants(periodic({ topics: ['Tình hình an ninh tại Krông Pắc'] }));
    expect(byAgency(result, 'kp')).toEqual([
      expect.objectContaining({
        role: 'INFORMATION_PROVIDER',
        mustBrief: true,
        reason: 'territory "Huyện Krông Pắc" matches topic "Tình hình an ninh tại Krông Pắc"',
      }),
    ]);
  });

  it('matches a territory by its place name, with or without its administrative level', () => {
    const commune = agency('eakenh', 'UBND xã Ea Kênh', {
      kind: 'LOCAL_COMMITTEE',
      roles: ['INFORMATION_PROVIDER'],
      territory: 'Xã Ea Kênh',
    });
    const invited = (topic: string) =>
      resolveParticipants(periodic({ topics: [topic], agencies: [commune] })).participants.length === 1;
    expect(invited('Ea Kênh')).toBe(true);
    expect(invited('Vụ việc tại xã Ea Kênh, huyện Krông Pắc')).toBe(true);
    expect(invited('Xã Ea Tu')).toBe(false);
  });

  it('compares topics without case or diacritics', () => {
    const result = resolveParticipants(periodic({ topics: ['  DAT DAI  '] }));
    expect(byAgency(result, 'stnmt')[0].reason).toBe('field "Đất đai" matches topic "  DAT DAI  "');
  });

  it('lists an agency with several roles once per contact, under its most significant role, with all reasons', () => {
    const result = resolveParticipants(periodic({ topics: ['Hoạt động báo chí', 'Thông tin đối ngoại'] }));
    expect(byAgency(result, 'sttt')).toEqual([
      {
        agencyId: 'sttt',
        agencyName: 'Sở Thông tin và Truyền thông',
        role: 'COORDINATOR',
        contactName: 'Lãnh đạo Sở Thông tin và Truyền thông',
        email: 'sttt@daklak.gov.vn',
        locale: 'vi',
        mustBrief: true,
        reason:
          'always invited as COORDINATOR; field "báo chí" matches topic "Hoạt động báo chí"; ' +
          'field "thông tin đối ngoại" matches topic "Thông tin đối ngoại"',
      },
    ]);
  });

  it('carries each contact’s language', () => {
    const english = registry.map((a) =>
      a.id === 'cong' ? { ...a, contacts: a.contacts.map((c) => ({ ...c, locale: 'en' as const })) } : a,
    );
    const result = resolveParticipants(periodic({ agencies: english }));
    expect(byAgency(result, 'cong').map((p) => [p.email, p.locale])).toEqual([['bientap@daklak.gov.vn', 'en']]);
    expect(byAgency(result, 'btg').map((p) => p.locale)).toEqual(['vi']);
  });

  describe('a press agency whose reporters are marked with their fields', () => {
    const newspaper = agency('bdl', 'Báo Đắk Lắk', {
      kind: 'PRESS',
      roles: ['PRESS'],
      contacts: [
        contact('Võ Văn Biên', 'tbt@baodaklak.vn', { title: 'Tổng Biên tập' }),
        contact('Hoàng Thị Ảnh', 'anh@baodaklak.vn', { title: 'Phóng viên', fields: ['Đất đai', 'nông nghiệp'] }),
        contact('Đinh Văn Bút', 'but@baodaklak.vn', { title: 'Phóng viên', fields: ['y tế'] }),
        contact('Lý Thị Cúc', 'cuc@baodaklak.vn', { title: 'Phóng viên' }),
      ],
    });
    const press = (topics: string[], incident?: ParticipantsInput['incident']) =>
      byAgency(
        resolveParticipants(
          periodic({ kind: incident ? 'EXTRAORDINARY' : 'PERIODIC', topics, incident, agencies: [newspaper] }),
        ),
        'bdl',
      ).map((p) => [p.email, p.reason]);

    it('invites the leader and the reporters of the topics, matched without case or diacritics', () => {
      expect(press(['Tranh chấp DAT DAI'])).toEqual([
        ['anh@baodaklak.vn', 'press agency (reporter: field "Đất đai" matches topic "Tranh chấp DAT DAI")'],
        ['tbt@baodaklak.vn', 'press agency (leader)'],
      ]);
    });

    it('invites the reporters of an incident’s topics too', () => {
      expect(press(['Vụ việc tại xã Ea Kênh'], { agencyIds: [], topics: ['Y tế'] })).toEqual([
        ['but@baodaklak.vn', 'press agency (reporter: field "y tế" matches incident topic "Y tế")'],
        ['tbt@baodaklak.vn', 'press agency (leader)'],
      ]);
    });

    it('invites only the leader when no reporter covers the topics', () => {
      expect(press(['Tình hình tôn giáo'])).toEqual([['tbt@baodaklak.vn', 'press agency (leader)']]);
    });

    it('takes its spokesperson as the leader, and a leader who covers the field once with both reasons', () => {
      const spokesperson = {
        ...newspaper,
        contacts: newspaper.contacts.map((c) => (c.email === 'anh@baodaklak.vn' ? { ...c, spokesperson: true } : c)),
      };
      const result = resolveParticipants(periodic({ topics: ['Đất đai', 'Y tế'], agencies: [spokesperson] }));
      expect(result.participants.map((p) => [p.email, p.reason])).toEqual([
        ['but@baodaklak.vn', 'press agency (reporter: field "y tế" matches topic "Y tế")'],
        ['anh@baodaklak.vn', 'press agency (leader); press agency (reporter: field "Đất đai" matches topic "Đất đai")'],
      ]);
    });

    it('invites every contact, as before, when none is marked', () => {
      const unmarked = { ...newspaper, contacts: newspaper.contacts.map((c) => ({ ...c, fields: [] })) };
      const result = resolveParticipants(periodic({ topics: ['Tôn giáo'], agencies: [unmarked] }));
      expect(result.participants.map((p) => p.email).sort()).toEqual([
        'anh@baodaklak.vn',
        'but@baodaklak.vn',
        'cuc@baodaklak.vn',
        'tbt@baodaklak.vn',
      ]);
    });
  });

  describe('an extraordinary conference', () => {
    const extraordinary = (incident: ParticipantsInput['incident']): ParticipantsInput =>
      periodic({ kind: 'EXTRAORDINARY', topics: ['Vụ việc tại xã Ea Kênh'], incident });

    it('invites the agencies concerned by the incident and those whose field matches its topics', () => {
      const result = resolveParticipants(extraordinary({ agencyIds: ['kp'], topics: ['An ninh trật tự'] }));
      expect(byAgency(result, 'kp')).toEqual([
        expect.objectContaining({ role: 'INFORMATION_PROVIDER', mustBrief: true, reason: 'concerned by the incident' }),
      ]);
      expect(byAgency(result, 'ca')).toEqual([
        expect.objectContaining({
          role: 'HUMAN_RIGHTS_STANDING_OFFICE',
          reason:
            'always invited as HUMAN_RIGHTS_STANDING_OFFICE; ' +
            'field "an ninh trật tự" matches incident topic "An ninh trật tự"',
        }),
      ]);
      expect(byAgency(result, 'stnmt')).toEqual([]);
    });

    it('reports concerned agencies that cannot be invited: unknown, or without the provider role', () => {
      const result = resolveParticipants(extraordinary({ agencyIds: ['bdv', 'merged-away'], topics: [] }));
      expect(result.unreachable).toEqual([
        {
          agencyId: 'bdv',
          agencyName: 'Ban Dân vận Tỉnh ủy',
          role: null,
          reason: 'concerned by the incident, but does not hold the INFORMATION_PROVIDER role',
        },
        {
          agencyId: 'merged-away',
          agencyName: null,
          role: null,
          reason: 'concerned by the incident, but unknown or no longer valid',
        },
      ]);
    });

    it('is the only kind that looks at an incident', () => {
      const incident = { agencyIds: ['kp'], topics: ['đất đai'] };
      const result = resolveParticipants(periodic({ topics: [], incident }));
      expect(byAgency(result, 'kp')).toEqual([]);
      expect(byAgency(result, 'stnmt')).toEqual([]);
    });
  });

  describe('administrator changes', () => {
    it('adds an agency under its first role, or as an information provider when it has none', () => {
      const result = resolveParticipants(periodic({ added: ['kp', 'bdv'] }));
      expect(byAgency(result, 'kp')).toEqual([
        expect.objectContaining({ role: 'INFORMATION_PROVIDER', mustBrief: true, reason: 'added by an administrator' }),
      ]);
      expect(byAgency(result, 'bdv')).toEqual([
        expect.objectContaining({ role: 'INFORMATION_PROVIDER', reason: 'added by an administrator' }),
      ]);
    });

    it('keeps the plan reasons of an added agency that is invited anyway', () => {
      const result = resolveParticipants(periodic({ added: ['btg'] }));
      expect(byAgency(result, 'btg').map((p) => p.reason)).toEqual(['always invited as CO_HOST']);
    });

    it('removes any agency, even one that is always invited; removal wins over addition and the incident', () => {
      const result = resolveParticipants({
        ...periodic({ kind: 'EXTRAORDINARY', incident: { agencyIds: ['kp'], topics: [] } }),
        added: ['bdv'],
        removed: ['btg', 'bdl', 'bdv', 'kp', 'btgcp'],
      });
      const invited = new Set(result.participants.map((p) => p.agencyId));
      for (const id of ['btg', 'bdl', 'bdv', 'kp']) expect(invited.has(id)).toBe(false);
      expect(result.unreachable).toEqual([]);
    });

    it('reports an added agency that is unknown or no longer valid', () => {
      expect(resolveParticipants(periodic({ added: ['gone'] })).unreachable).toContainEqual({
        agencyId: 'gone',
        agencyName: null,
        role: null,
        reason: 'added by an administrator, but unknown or no longer valid',
      });
    });
  });

  it('reports always-invited and press agencies without any e-mail address', () => {
    const mute = (a: AgencySnapshot): AgencySnapshot => ({ ...a, contacts: [contact('Không Thư', ' ')] });
    const result = resolveParticipants(
      periodic({ topics: [], agencies: registry.map((a) => (['btg', 'vtv8'].includes(a.id) ? mute(a) : a)) }),
    );
    expect(result.unreachable).toEqual([
      {
        agencyId: 'btg',
        agencyName: 'Ban Tuyên giáo Tỉnh ủy',
        role: 'CO_HOST',
        reason: 'no contact with an e-mail address (invited because: always invited as CO_HOST)',
      },
      {
        agencyId: 'vtv8',
        agencyName: 'Cơ quan thường trú VTV8',
        role: 'PRESS',
        reason: 'no contact with an e-mail address (invited because: press agency)',
      },
    ]);
  });

  it('is deterministic whatever the order of the registry', () => {
    const input = periodic({ kind: 'EXTRAORDINARY', incident: { agencyIds: ['kp', 'bdv'], topics: [] } });
    const reversed = { ...input, agencies: [...registry].reverse() };
    expect(resolveParticipants(reversed)).toEqual(resolveParticipants(input));
  });
});

describe('normalizeTerm', () => {
  it('lowers case, strips diacritics and đ, trims', () => {
    expect(normalizeTerm('  Đắk Lắk  ')).toBe('dak lak');
    expect(normalizeTerm('ĐẤT ĐAI')).toBe('dat dai');
    expect(normalizeTerm('Thông tin\tđối ngoại')).toBe('thong tin doi ngoai');
  });
});

describe('termsMatch', () => {
  it.each([
    ['đất đai', 'Đất đai'],
    ['đất đai', 'tranh chấp đất đai'],
    ['tranh chấp đất đai ở Cư M’gar', 'đất đai'],
    ['Huyện Krông Pắc', 'Krông Pắc'],
    ['tôn giáo', 'Tôn giáo, tín ngưỡng'],
  ])('"%s" matches "%s"', (a, b) => {
    expect(termsMatch(a, b)).toBe(true);
  });

  it.each([
    ['môi trường', 'thị trường'],
    ['dân', 'đảng'],
    ['đất đai', 'đất nông nghiệp'],
    ['an ninh', 'nhân quyền'],
    ['', 'đất đai'],
    ['  ', ' '],
  ])('"%s" does not match "%s"', (a, b) => {
    expect(termsMatch(a, b)).toBe(false);
  });
});
