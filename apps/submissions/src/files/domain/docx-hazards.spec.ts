import { deflateRawSync } from 'node:zlib';
import { docxFile, zipFile } from '../../../test/fixtures/files';
import { DOCX_HAZARDS, docxHazards } from './docx-hazards';
import { readZipEntry, zipEntries } from './zip-entries';

describe('docxHazards', () => {
  it.each([
    ['stored', false],
    ['deflated', true],
  ])('finds nothing in a plain document, %s, with a hyperlink and a chart', (_, deflate) => {
    expect(docxHazards(docxFile({ deflate }))).toEqual([]);
    expect(docxHazards(docxFile({ deflate, hyperlinkAndChart: true }))).toEqual([]);
  });

  it.each([
    ['macros', { macros: true }, DOCX_HAZARDS.macros],
    ['a remote template', { remoteTemplate: true }, DOCX_HAZARDS.external],
    ['an embedded OLE object', { ole: true }, DOCX_HAZARDS.embedded],
    ['a DDE field split across runs', { dde: true }, DOCX_HAZARDS.dde],
  ])('names %s, in stored and deflated parts', (_, options, hazard) => {
    expect(docxHazards(docxFile(options))).toContain(hazard);
    expect(docxHazards(docxFile({ ...options, deflate: true }))).toContain(hazard);
  });

  it('sees a macro-enabled content type and an escaped External target mode', () => {
    const macroEnabled = zipFile({
      '[Content_Types].xml':
        '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    });
    expect(docxHazards(macroEnabled)).toEqual([DOCX_HAZARDS.macros]);
    const escaped = zipFile({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document/>',
      'word/_rels/document.xml.rels':
        "<Relationships><Relationship Id='r1' TargetMode='&#69;xternal' Target='\\\\198.51.100.7\\share\\a.png' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'/></Relationships>",
    });
    expect(docxHazards(escaped)).toEqual([DOCX_HAZARDS.external]);
  });

  it('refuses a part that inflates past its cap (a zip bomb) as one that cannot be checked', () => {
    const bomb = zipFile(
      { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' },
      { deflate: true },
    );
    const entries = zipEntries(bomb)!;
    expect(() => readZipEntry(bomb, entries[1], 5)).toThrow(/larger than 5 bytes inflated/);
    const huge = Buffer.alloc(40 * 1024 * 1024, 0x20);
    const packed = zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': huge }, { deflate: true });
    expect(packed.length).toBeLessThan(100_000);
    expect(docxHazards(packed)).toEqual([DOCX_HAZARDS.unreadable]);
    expect(deflateRawSync(huge).length).toBeLessThan(100_000);
  });
});
