import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEFAULT_PROVINCE,
  isProfilePath,
  loadProvinceProfile,
  parseProvinceProfile,
  profileFileOf,
  ProvinceProfileError,
} from './load-profile';
import { issuerOf, matchingIssuer, namespaceOf, provinceTitle, publicHostOf, type ProvinceProfile } from './profile';

const PROVINCES = resolve(__dirname, '../../../provinces');
const khanhHoa = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(PROVINCES, 'khanh-hoa.json'), 'utf8')) as Record<string, unknown>;

describe('province profiles', () => {
  it('loads Đắk Lắk by default', () => {
    const profile = loadProvinceProfile();
    expect(DEFAULT_PROVINCE).toBe('dak-lak');
    expect(profile).toMatchObject({ id: 'dak-lak', name: 'Đắk Lắk', letterPlace: 'Đắk Lắk' });
    expect(provinceTitle(profile)).toBe('tỉnh Đắk Lắk');
  });

  it.each(readdirSync(PROVINCES).filter((file) => file.endsWith('.json')))(
    'provinces/%s is valid and named after its id',
    (file) => {
      const profile = loadProvinceProfile(file.replace(/\.json$/, ''));
      expect(`${profile.id}.json`).toBe(file);
      // Nothing of one province in another's profile (a copied file left half-edited).
      const others = readdirSync(PROVINCES).filter((other) => other !== file && other.endsWith('.json'));
      for (const other of others) {
        const otherName = loadProvinceProfile(other.replace(/\.json$/, '')).name;
        expect(readFileSync(join(PROVINCES, file), 'utf8').toLowerCase()).not.toContain(otherName.toLowerCase());
      }
    },
  );

  it('derives the title, the public host and the namespace', () => {
    const profile = loadProvinceProfile('khanh-hoa');
    expect(provinceTitle(profile)).toBe('tỉnh Khánh Hòa');
    expect(publicHostOf(profile)).toBe('pressconf.khanhhoa.gov.vn');
    expect(namespaceOf(profile)).toBe('pressconf-khanh-hoa');
    expect(namespaceOf({ ...profile, deployment: { namespace: 'hoinghi-kh' } })).toBe('hoinghi-kh');
  });

  it('takes a path as well as a name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'province-'));
    try {
      const file = join(dir, 'profile.json');
      writeFileSync(file, JSON.stringify({ ...khanhHoa(), id: 'khanh-hoa-test' }));
      expect(isProfilePath(file)).toBe(true);
      expect(isProfilePath('khanh-hoa')).toBe(false);
      expect(loadProvinceProfile(file).id).toBe('khanh-hoa-test');
      expect(profileFileOf('khanh-hoa')).toBe(join(PROVINCES, 'khanh-hoa.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown name, a name that is no name, and a file named after another province', () => {
    expect(() => loadProvinceProfile('ha-giang')).toThrow(/no profile "ha-giang"/);
    expect(() => loadProvinceProfile('Khánh Hòa')).toThrow(/neither a profile name/);
    const dir = mkdtempSync(join(tmpdir(), 'province-'));
    try {
      writeFileSync(join(dir, 'hue.json'), JSON.stringify(khanhHoa()));
      expect(() => loadProvinceProfile('hue', [dir])).toThrow(/id is "khanh-hoa", expected "hue"/);
      writeFileSync(join(dir, 'broken.json'), '{ "id": ');
      expect(() => loadProvinceProfile('broken', [dir])).toThrow(ProvinceProfileError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every wrong field of a profile, and refuses fields it does not know', () => {
    const broken = {
      ...khanhHoa(),
      unit: 'huyện',
      issuingBodies: [{ code: 'sở vh', name: 'Sở Văn hóa' }],
      mailFrom: 'no-reply',
      publicBaseUrl: 'ftp://pressconf.khanhhoa.gov.vn',
      extraDaysOff: ['2027-02-30', { date: '2027-02-15' }, '2027-13-45'],
      letterPlce: 'Nha Trang',
    };
    let message = '';
    try {
      parseProvinceProfile(broken, 'khanh-hoa.json');
    } catch (error) {
      message = (error as Error).message;
    }
    for (const field of [
      'unit',
      'issuingBodies.0.code',
      'mailFrom',
      'publicBaseUrl',
      'extraDaysOff.0',
      'extraDaysOff.1',
      'extraDaysOff.2',
      '(profile)',
    ]) {
      expect(message).toContain(`${field}: `);
    }
    expect(message).toMatch(/^khanh-hoa\.json: /);
    expect(message).toContain('letterPlce');
    expect(() => parseProvinceProfile({ ...khanhHoa(), issuingBodies: [] }, 'x')).toThrow(/issuingBodies: expected at/);
  });

  it('takes days off as dates or named dates', () => {
    const profile = parseProvinceProfile(
      { ...khanhHoa(), extraDaysOff: ['2027-02-15', { date: '2027-06-02', name: 'Ngày nghỉ của tỉnh' }] },
      'x',
    );
    expect(profile.extraDaysOff).toEqual(['2027-02-15', { date: '2027-06-02', name: 'Ngày nghỉ của tỉnh' }]);
  });
});

describe('the issuer of a letter', () => {
  const profile: ProvinceProfile = {
    ...loadProvinceProfile('khanh-hoa'),
    issuingBodies: [
      { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
      { code: 'VPUBND', name: 'Văn phòng Ủy ban nhân dân tỉnh' },
    ],
  };

  it('is the body whose name the organising agency’s begins with, however it is typed', () => {
    expect(issuerOf(profile, 'Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa').code).toBe('VPUBND');
    expect(issuerOf(profile, '  VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH  khánh hòa').code).toBe('VPUBND');
    expect(issuerOf(profile, 'Sở Văn hóa, Thể thao và Du lịch').code).toBe('SVHTTDL');
  });

  it('is the first body for an agency the profile does not list, or no agency', () => {
    expect(matchingIssuer(profile, 'Sở Văn hóa, Thể thao')).toBeUndefined();
    // A prefix that stops inside a word is no match.
    expect(matchingIssuer(profile, 'Văn phòng Ủy ban nhân dân tỉnhkhánh')).toBeUndefined();
    expect(issuerOf(profile, 'Công an tỉnh Khánh Hòa').code).toBe('SVHTTDL');
    expect(issuerOf(profile).code).toBe('SVHTTDL');
  });
});
