import { SAMPLE_PACK } from '../../../test/fixtures/pack';
import { orderBriefs, packFingerprint } from './pack-contents';

describe('packFingerprint', () => {
  const inputs = {
    conference: SAMPLE_PACK.conference,
    briefs: SAMPLE_PACK.briefs,
    orientationDocuments: SAMPLE_PACK.orientationDocuments,
  };

  it('is the same for the same inputs, whatever their order', () => {
    const twice = {
      ...inputs,
      briefs: [...inputs.briefs, { ...inputs.briefs[0], briefId: 'ffffffff-0000-4000-8000-000000000000' }],
    };
    const reversed = { ...twice, briefs: [...twice.briefs].reverse() };
    expect(packFingerprint(twice)).toBe(packFingerprint(reversed));
  });

  it('changes with a newly accepted version, a new file, new representatives or new times', () => {
    const base = packFingerprint(inputs);
    const brief = inputs.briefs[0];
    expect(packFingerprint({ ...inputs, briefs: [{ ...brief, version: brief.version + 1 }] })).not.toBe(base);
    expect(packFingerprint({ ...inputs, briefs: [{ ...brief, attachments: [] }] })).not.toBe(base);
    expect(packFingerprint({ ...inputs, briefs: [{ ...brief, representatives: [] }] })).not.toBe(base);
    expect(
      packFingerprint({ ...inputs, conference: { ...inputs.conference, startsAt: '2026-12-16T02:00:00Z' } }),
    ).not.toBe(base);
    expect(packFingerprint({ ...inputs, orientationDocuments: [] })).not.toBe(base);
  });
});

describe('orderBriefs', () => {
  it('sorts agencies as Vietnamese does', () => {
    const named = (agencyName: string) => ({ ...SAMPLE_PACK.briefs[0], agencyName });
    const names = orderBriefs([
      named('Sở Y tế'),
      named('Đài Phát thanh'),
      named('Công an tỉnh'),
      named('Ban Dân tộc'),
    ]).map((b) => b.agencyName);
    expect(names).toEqual(['Ban Dân tộc', 'Công an tỉnh', 'Đài Phát thanh', 'Sở Y tế']);
  });
});
