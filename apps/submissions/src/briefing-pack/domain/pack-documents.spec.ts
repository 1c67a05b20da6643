import { SAMPLE_PACK } from '../../../test/fixtures/pack';
import { appendedPages, packDocuments, placeDocuments } from './pack-documents';

describe('packDocuments', () => {
  it('lists the orientation documents first, then each brief’s attachments, each with whose it is', () => {
    const documents = packDocuments(SAMPLE_PACK);
    expect(documents.map((d) => [d.source, d.fileName, d.owner])).toEqual([
      ['orientation', 'dinh-huong.pdf', 'Định hướng tuyên truyền về công tác bảo đảm quyền con người'],
      ['attachment', 'bang-thong-ke.docx', 'Sở Nông nghiệp và Môi trường'],
    ]);
  });
});

describe('placeDocuments', () => {
  it('numbers the appended pages on from the pack’s own, skipping what is not in the pack', () => {
    const inclusions = [
      { pages: 1 },
      { skipped: 'NOT_CONVERTED' as const },
      { pages: 2 },
      { skipped: 'UNREADABLE' as const },
      { pages: 1 },
    ];
    expect(placeDocuments(inclusions, 4)).toEqual([
      { first: 5, last: 5 },
      { skipped: 'NOT_CONVERTED' },
      { first: 6, last: 7 },
      { skipped: 'UNREADABLE' },
      { first: 8, last: 8 },
    ]);
    expect(appendedPages(inclusions)).toBe(4);
    expect(appendedPages([])).toBe(0);
  });
});
