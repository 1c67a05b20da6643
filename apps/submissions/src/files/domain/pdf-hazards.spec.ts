import { deflateSync } from 'node:zlib';
import { pdfFile, pdfWith } from '../../../test/fixtures/files';
import { PDF_HAZARDS, pdfHazards } from './pdf-hazards';

const JS_ACTION = '<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>';

describe('pdfHazards', () => {
  it('finds nothing in a plain PDF, nor in names inside strings, comments and compressed data', () => {
    expect(pdfHazards(pdfFile())).toEqual([]);
    expect(pdfHazards(pdfWith(['<< /Title (see /JavaScript and /Launch) >>'], { catalogEntries: '% /JS' }))).toEqual(
      [],
    );
    // Compressed bytes of a content stream may hold "/JS" by chance: stream data is not read as names.
    const data = Buffer.concat([Buffer.from('/JS '), deflateSync(Buffer.from('x'))]);
    const page = Buffer.concat([
      Buffer.from(`%PDF-1.4\n4 0 obj << /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\ntrailer << >>\n%%EOF\n', 'latin1'),
    ]);
    expect(pdfHazards(page)).toEqual([]);
  });

  it.each([
    ['an opening action running JavaScript', [JS_ACTION], '/OpenAction 4 0 R', PDF_HAZARDS.javascript],
    ['a launch action', ['<< /S /Launch /F (cmd.exe) >>'], '/OpenAction 4 0 R', PDF_HAZARDS.launch],
    [
      'an embedded file',
      ['<< /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>', '<< /Type /Filespec /EF << /F 6 0 R >> >>'],
      '/Names 4 0 R',
      PDF_HAZARDS.embedded,
    ],
    ['a remote go-to', ['<< /S /GoToR /F (\\\\\\\\198.51.100.7\\\\x.pdf) >>'], '/OpenAction 4 0 R', PDF_HAZARDS.remote],
    ['an XFA form', ['<< /Fields [] /XFA 5 0 R >>'], '/AcroForm 4 0 R', PDF_HAZARDS.xfa],
  ])('names %s, in plain objects and inside an object stream', (_, objects, catalogEntries, hazard) => {
    expect(pdfHazards(pdfWith(objects, { catalogEntries }))).toContain(hazard);
    expect(pdfHazards(pdfWith(objects, { catalogEntries, objectStream: true }))).toContain(hazard);
  });

  it('decodes escaped names: /J#61vaScript is /JavaScript', () => {
    expect(pdfHazards(pdfWith(['<< /S /J#61vaScript /J#53 (x) >>'], { catalogEntries: '/OpenAction 4 0 R' }))).toEqual([
      PDF_HAZARDS.javascript,
    ]);
  });

  it('refuses object streams it cannot read: encrypted, or not FlateDecode', () => {
    const encrypted = pdfWith([JS_ACTION], { objectStream: true, trailerEntries: '/Encrypt 9 0 R' });
    expect(pdfHazards(encrypted)).toEqual([PDF_HAZARDS.unreadable]);
    const lzw = pdfWith(['<< >>'], { objectStream: true }).toString('latin1').replace('/FlateDecode', '/LZWDecode');
    expect(pdfHazards(Buffer.from(lzw, 'latin1'))).toEqual([PDF_HAZARDS.unreadable]);
    // Encrypted without object streams: the dictionaries are plain text, so the scan is complete.
    expect(pdfHazards(pdfWith(['<< >>'], { trailerEntries: '/Encrypt 9 0 R' }))).toEqual([]);
  });
});
