import { readFileSync } from 'node:fs';
import { loadConfig } from '@pressconf/messaging';
import { parseProvinceProfile, profileFileOf } from '@pressconf/province';
import { notificationsEnv } from './config';
import { letterIssuer, provinceSettings } from './province-settings';

const config = (env: Record<string, string> = {}) => loadConfig(notificationsEnv, env);
const AGENCY = '6f1d4c2e-0000-4000-8000-000000000001';

describe('the province settings of notifications', () => {
  it('come from the Đắk Lắk profile by default', () => {
    expect(provinceSettings(config())).toEqual({
      mailFrom: 'Hội nghị cung cấp thông tin tỉnh Đắk Lắk <no-reply@pressconf.daklak.gov.vn>',
      names: { vi: 'tỉnh Đắk Lắk', en: 'Đắk Lắk Province', unit: 'tỉnh' },
      letter: { place: 'Đắk Lắk' },
      calendarDomain: 'pressconf.daklak.gov.vn',
    });
  });

  it('follow PROVINCE_PROFILE, with nothing of Đắk Lắk left', () => {
    const settings = provinceSettings(config({ PROVINCE_PROFILE: 'khanh-hoa' }));
    expect(settings).toMatchObject({
      mailFrom: 'Hội nghị cung cấp thông tin tỉnh Khánh Hòa <no-reply@pressconf.khanhhoa.gov.vn>',
      names: { vi: 'tỉnh Khánh Hòa', en: 'Khánh Hòa Province' },
      letter: { place: 'Khánh Hòa' },
      calendarDomain: 'pressconf.khanhhoa.gov.vn',
    });
    expect(JSON.stringify(settings)).not.toMatch(/đắk lắk|daklak/i);
  });

  it('take MAIL_FROM and the LETTER_ variables over the profile where they are set', () => {
    const env = config({
      PROVINCE_PROFILE: 'khanh-hoa',
      MAIL_FROM: 'Ban tổ chức <bantochuc@example.gov.vn>',
      LETTER_PARENT_BODY: 'UBND TỈNH',
      LETTER_SIGNER_POSITION: 'TRƯỞNG BAN',
      LETTER_SIGNER_NAME: 'Nguyễn Văn A',
    });
    expect(provinceSettings(env).mailFrom).toBe('Ban tổ chức <bantochuc@example.gov.vn>');
    expect(letterIssuer(env)).toMatchObject({
      parentBody: 'UBND TỈNH',
      signer: { position: 'TRƯỞNG BAN', name: 'Nguyễn Văn A' },
    });
  });

  it('number a letter of an earlier event under the issuing body of the organising agency, or LETTER_ISSUER_CODE', () => {
    const organizer = {
      agencyId: AGENCY,
      agencyName: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa',
      email: 'a@b.vn',
    };
    expect(letterIssuer(config({ PROVINCE_PROFILE: 'khanh-hoa' }), { organizer })).toEqual({
      code: 'SVHTTDL',
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      parentBody: 'UBND TỈNH KHÁNH HÒA',
      signer: { position: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Ban tổ chức' },
    });
    const police = { ...organizer, agencyName: 'Công an tỉnh Đắk Lắk' };
    expect(letterIssuer(config(), { organizer: police })).toMatchObject({ code: 'SVHTTDL' });
    expect(letterIssuer(config(), {})).toMatchObject({ code: 'SVHTTDL' });
    expect(letterIssuer(config({ LETTER_ISSUER_CODE: 'BTC' }), { organizer })).toMatchObject({ code: 'BTC' });
  });

  it('has the issuer the call named issue the letter when the profile describes it, with its own header and signer', () => {
    const organizer = { agencyId: AGENCY, agencyName: 'Sở Văn hóa, Thể thao và Du lịch', email: 'a@b.vn' };
    const coHost = { agencyId: AGENCY, agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', code: 'BTGDV' };
    const profile = parseProvinceProfile(
      {
        ...JSON.parse(readFileSync(profileFileOf('dak-lak'), 'utf8')),
        issuingBodies: [
          { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
          {
            code: 'BTGDVTU',
            name: 'Ban Tuyên giáo và Dân vận',
            letterHeader: 'TỈNH ỦY ĐẮK LẮK',
            signer: { position: 'KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN', name: 'Trần Văn B' },
          },
        ],
      },
      'test',
    );
    expect(letterIssuer({ PROVINCE_PROFILE: profile }, { issuer: coHost, organizer })).toEqual({
      code: 'BTGDVTU',
      name: 'Ban Tuyên giáo và Dân vận',
      parentBody: 'TỈNH ỦY ĐẮK LẮK',
      signer: { position: 'KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN', name: 'Trần Văn B' },
    });
    // Not described by the default profile: the organiser's body issues, as the system has no letterhead for it.
    expect(letterIssuer(config(), { issuer: coHost, organizer })).toMatchObject({ code: 'SVHTTDL' });
    expect(letterIssuer(config({ LETTER_ISSUER_CODE: 'BTC' }), { issuer: coHost })).toMatchObject({ code: 'BTC' });
  });
});
