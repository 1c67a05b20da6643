import { AgencyContact, DomainRuleError, ValidationFailedError } from '@pressconf/contracts';
import { buildAgenda, PresenterAgency, scheduleAgenda } from './agenda';

const contact = (name: string, spokesperson: boolean, title?: string): AgencyContact => ({
  name,
  email: `${name.length}@daklak.gov.vn`,
  spokesperson,
  locale: 'vi',
  fields: [],
  ...(title ? { title } : {}),
});

const police: PresenterAgency = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Công an tỉnh',
  contacts: [contact('Nguyễn Văn Giám', false, 'Giám đốc'), contact('Trần Thị Phát', true, 'Phó Giám đốc')],
};
const board: PresenterAgency = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Ban Dân tộc',
  contacts: [contact('Lê Văn Ban', false)],
};
const registry = new Map([police, board].map((agency) => [agency.id, agency]));

const fieldErrors = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors;
  }
  throw new Error('expected a ValidationFailedError');
};

describe('buildAgenda', () => {
  it('takes the agency spokesperson when no name is given, with the title', () => {
    expect(
      buildAgenda([{ title: ' Tình hình an ninh ', presenterAgencyId: police.id, durationMinutes: 20 }], registry, 120),
    ).toEqual([
      {
        title: 'Tình hình an ninh',
        presenterAgencyId: police.id,
        presenterAgencyName: 'Công an tỉnh',
        presenterName: 'Trần Thị Phát',
        presenterTitle: 'Phó Giám đốc',
        durationMinutes: 20,
      },
    ]);
  });

  it('accepts a named spokesperson, without regard to case or diacritics, and keeps the registry spelling', () => {
    const [item] = buildAgenda(
      [{ title: 'An ninh', presenterAgencyId: police.id, presenterName: 'tran thi phat', durationMinutes: 10 }],
      registry,
      60,
    );
    expect(item.presenterName).toBe('Trần Thị Phát');
  });

  it('keeps a presenter who speaks for no agency, e.g. the chair', () => {
    expect(
      buildAgenda([{ title: 'Khai mạc', presenterName: ' Chủ trì hội nghị ', durationMinutes: 5 }], registry, 60),
    ).toEqual([{ title: 'Khai mạc', presenterName: 'Chủ trì hội nghị', durationMinutes: 5 }]);
  });

  it('names each field that breaks the spokesperson rule, all at once', () => {
    const unknown = '33333333-3333-4333-8333-333333333333';
    expect(
      fieldErrors(() =>
        buildAgenda(
          [
            { title: 'Một', presenterAgencyId: police.id, presenterName: 'Nguyễn Văn Giám', durationMinutes: 10 },
            { title: 'Hai', presenterAgencyId: board.id, durationMinutes: 10 },
            { title: 'Ba', presenterAgencyId: unknown, durationMinutes: 10 },
          ],
          registry,
          60,
        ),
      ),
    ).toEqual([
      {
        field: 'items[0].presenterName',
        message: 'Nguyễn Văn Giám is not a spokesperson of Công an tỉnh (its spokespersons: Trần Thị Phát)',
      },
      {
        field: 'items[1].presenterAgencyId',
        message: 'Ban Dân tộc has no spokesperson in the registry: mark one of its contacts as spokesperson',
      },
      { field: 'items[2].presenterAgencyId', message: `agency ${unknown} is not in the registry or no longer valid` },
    ]);
  });

  it('refuses an agenda longer than the conference, and accepts one that fills it exactly', () => {
    const items = [
      { title: 'Một', durationMinutes: 60 },
      { title: 'Hai', durationMinutes: 61 },
    ];
    expect(() => buildAgenda(items, registry, 120)).toThrow(DomainRuleError);
    expect(() => buildAgenda(items, registry, 120)).toThrow(
      'The agenda lasts 121 minutes, longer than the conference (120 minutes)',
    );
    expect(buildAgenda(items, registry, 121)).toHaveLength(2);
  });

  it('accepts an empty agenda', () => {
    expect(buildAgenda([], registry, 1)).toEqual([]);
  });
});

describe('scheduleAgenda', () => {
  it('starts each item when the one before it ends', () => {
    const start = new Date('2027-03-01T01:30:00Z');
    const times = scheduleAgenda(
      [
        { title: 'Một', durationMinutes: 10 },
        { title: 'Hai', durationMinutes: 45 },
        { title: 'Ba', durationMinutes: 5 },
      ],
      start,
    ).map((item) => item.startsAt.toISOString());
    expect(times).toEqual(['2027-03-01T01:30:00.000Z', '2027-03-01T01:40:00.000Z', '2027-03-01T02:25:00.000Z']);
  });
});
