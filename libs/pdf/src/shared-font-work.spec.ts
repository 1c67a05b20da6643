/* eslint-disable @typescript-eslint/no-require-imports -- the untyped libraries, as render-pdf.ts loads them */
import { Fontkit, loadFonts, parseOnce } from './fonts';
import { EmbeddedFontMethods, Restructure, TtfSubsetMethods, shareFontWork, shareShaping } from './shared-font-work';

interface Doc {
  font(source: Buffer): Doc;
  fontSize(size: number): Doc;
  text(text: string): Doc;
  on(event: string, listener: (chunk?: Buffer) => void): Doc;
  end(): void;
  _font: EmbeddedFontMethods & { subset: TtfSubsetMethods };
}
type DocConstructor = new (options: object) => Doc;

// This file's own module registry: pdfkit and fontkit here are fresh copies, patched only when a test says so.
const PdfKitDocument = require('@foliojs-fork/pdfkit') as DocConstructor;
const faces = loadFonts();
parseOnce(require('@foliojs-fork/fontkit') as Fontkit, Object.values(faces));

/** A document whose bytes depend on its text only (fixed date, so a fixed ID), in two faces. */
function render(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PdfKitDocument({ info: { CreationDate: new Date('2027-03-05T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk as Buffer));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(faces.normal).fontSize(13).text(text);
    doc.font(faces.bold).text(text.toLocaleUpperCase('vi'));
    doc.end();
  });
}

// Composite glyphs (letters with stacked diacritics), repeated words, and a link that is one long word.
const LETTER = 'Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung – Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk. Ặ Ẫ Ệ Ỗ Ợ Ự Ỹ.';
const OTHER =
  'Trân trọng kính mời Ông/Bà Trần Văn Bình – Báo Đắk Lắk https://hop.daklak.gov.vn/moi/3q2-bY8xKmJc0vQh7ZrT9';

describe('work shared across documents', () => {
  it('leaves every document byte for byte as pdfkit and fontkit write it alone, cold or warm', async () => {
    const alone = { letter: await render(LETTER), other: await render(OTHER) };

    shareFontWork(PdfKitDocument, faces.normal, require('@foliojs-fork/restructure') as Restructure);

    expect((await render(LETTER)).equals(alone.letter)).toBe(true); // caches filled by this document
    expect((await render(OTHER)).equals(alone.other)).toBe(true); // some words and glyphs from the first
    expect((await render(LETTER)).equals(alone.letter)).toBe(true); // all of them
  });

  it('keeps at most the given number of words per face, dropping the oldest', () => {
    const prototype = {} as EmbeddedFontMethods;
    shareShaping(prototype, 2);
    let shaped = 0;
    const font = {
      font: { _tables: {} },
      layoutCache: {},
      layoutRun: (text: string) => ({ glyphs: [text], positions: [], advanceWidth: ++shaped }),
    };
    const layout = (text: string): number => prototype.layoutCached.call(font, text).advanceWidth;
    expect([layout('a'), layout('b'), layout('a')]).toEqual([1, 2, 1]);
    expect(layout('c')).toBe(3); // 'a' goes
    expect([layout('b'), layout('a')]).toEqual([2, 4]);
  });

  it("keeps a long word (a personal link's part) in the document's own cache, not the shared one", () => {
    const prototype = {} as EmbeddedFontMethods;
    shareShaping(prototype);
    let shaped = 0;
    const face = {};
    const document = () => ({
      font: { _tables: face },
      layoutCache: {},
      layoutRun: (text: string) => ({ glyphs: [text], positions: [], advanceWidth: ++shaped }),
    });
    const [first, second] = [document(), document()];
    const link = 'bY8xKmJc0vQh7ZrT9wLpUe4sNd6A';
    expect(prototype.layoutCached.call(first, link).advanceWidth).toBe(1);
    expect(prototype.layoutCached.call(first, link).advanceWidth).toBe(1);
    expect(prototype.layoutCached.call(second, link).advanceWidth).toBe(2);
    expect(prototype.layoutCached.call(first, 'Kính').advanceWidth).toBe(3);
    expect(prototype.layoutCached.call(second, 'Kính').advanceWidth).toBe(3);
  });

  it('keeps only what pdfkit reads of a glyph, not the font it came from', () => {
    const prototype = {} as EmbeddedFontMethods;
    shareShaping(prototype);
    const glyph = { id: 7, advanceWidth: 500, codePoints: [0x1ec7], _font: { large: true } };
    const font = {
      font: { _tables: {} },
      layoutCache: {},
      layoutRun: () => ({ glyphs: [glyph], positions: [{ xAdvance: 6.5 }], advanceWidth: 6.5 }),
    };
    expect(prototype.layoutCached.call(font, 'ệ')).toEqual({
      glyphs: [{ id: 7, advanceWidth: 500, codePoints: [0x1ec7] }],
      positions: [{ xAdvance: 6.5 }],
      advanceWidth: 6.5,
    });
  });

  it('shares nothing for a document that turned its layout cache off', () => {
    const prototype = {} as EmbeddedFontMethods;
    shareShaping(prototype);
    let shaped = 0;
    const font = { font: { _tables: {} }, layoutRun: () => ({ glyphs: [], positions: [], advanceWidth: ++shaped }) };
    prototype.layoutCached.call(font, 'a');
    expect(prototype.layoutCached.call(font, 'a').advanceWidth).toBe(2);
  });
});
