import { loadConfig } from '@pressconf/messaging';
import { notificationsEnv } from './config';
import { letterIssuer, provinceSettings } from './province-settings';

const config = (env: Record<string, string> = {}) => loadConfig(notificationsEnv, env);

describe('the province settings of notifications', () => {
  it('come from the Đắk Lắk profile by default', () => {
    expect(provinceSettings(config())).toEqual({
      mailFrom: 'Hội nghị cung cấp thông tin tỉnh Đắk Lắk <no-reply@pressconf.daklak.gov.vn>',
      names: { vi: 'tỉnh Đắk Lắk', en: 'Đắk Lắk Province', unit: 'tỉnh' },
      letter: {
        place: 'Đắk Lắk',
        parentBody: 'UBND TỈNH ĐẮK LẮK',
        signer: { position: 'GIÁM ĐỐC', name: 'Ban tổ chức' },
      },
      calendarDomain: 'pressconf.daklak.gov.vn',
    });
  });

  it('follow PROVINCE_PROFILE, with nothing of Đắk Lắk left', () => {
    const settings = provinceSettings(config({ PROVINCE_PROFILE: 'khanh-hoa' }));
    expect(settings).toMatchObject({
      mailFrom: 'Hội nghị cung cấp thông tin tỉnh Khánh Hòa <no-reply@pressconf.khanhhoa.gov.vn>',
      names: { vi: 'tỉnh Khánh Hòa', en: 'Khánh Hòa Province' },
      letter: { place: 'Khánh Hòa', parentBody: 'UBND TỈNH KHÁNH HÒA' },
      calendarDomain: 'pressconf.khanhhoa.gov.vn',
    });
    expect(JSON.stringify(settings)).not.toMatch(/đắk lắk|daklak/i);
  });

  it('take MAIL_FROM and the LETTER_ variables over the profile where they are set', () => {
    const settings = provinceSettings(
      config({
        PROVINCE_PROFILE: 'khanh-hoa',
        MAIL_FROM: 'Ban tổ chức <bantochuc@example.gov.vn>',
        LETTER_PARENT_BODY: 'UBND TỈNH',
        LETTER_SIGNER_POSITION: 'TRƯỞNG BAN',
        LETTER_SIGNER_NAME: 'Nguyễn Văn A',
      }),
    );
    expect(settings.mailFrom).toBe('Ban tổ chức <bantochuc@example.gov.vn>');
    expect(settings.letter).toEqual({
      place: 'Khánh Hòa',
      parentBody: 'UBND TỈNH',
      signer: { position: 'TRƯỞNG BAN', name: 'Nguyễn Văn A' },
    });
  });

  it('number a letter under the issuing body of the organising agency, or LETTER_ISSUER_CODE', () => {
    const organizer = 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa';
    expect(letterIssuer(config({ PROVINCE_PROFILE: 'khanh-hoa' }), organizer)).toEqual({
      code: 'SVHTTDL',
      name: 'Sở Văn hóa, Thể thao và Du lịch',
    });
    expect(letterIssuer(config(), 'Công an tỉnh Đắk Lắk')).toEqual({ code: 'SVHTTDL' });
    expect(letterIssuer(config({ LETTER_ISSUER_CODE: 'BTC' }), organizer)).toMatchObject({ code: 'BTC' });
  });
});
