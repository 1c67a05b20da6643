import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fontDirectory, loadFonts, parseOnce } from './fonts';
import { renderPdf } from './render-pdf';

describe('the PDF fonts', () => {
  it('come from the Tinos package when no copy lies beside a bundle, in four faces', () => {
    const directory = fontDirectory();
    expect(existsSync(join(directory, 'LICENSE_FONT'))).toBe(true);
    const faces = loadFonts(directory);
    expect(Object.keys(faces).sort()).toEqual(['bold', 'bolditalics', 'italics', 'normal']);
    for (const face of Object.values(faces)) expect(face.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0])); // TrueType
  });

  it('say which file is missing rather than failing later', () => {
    expect(() => loadFonts('/nowhere')).toThrow(/Tinos_400Regular\.ttf is missing from \/nowhere$/);
  });

  it('are decoded once: every font made from the same bytes shares the decoded tables, and keeps its own glyphs', () => {
    const parsed: Array<{ _tables: object; _glyphs: object }> = [];
    const fontkit = {
      create: (buffer: Buffer) => {
        const font = { buffer, _tables: {}, _glyphs: {} };
        parsed.push(font);
        return font;
      },
    };
    const ours = Buffer.from('ours');
    const other = Buffer.from('other');
    parseOnce(fontkit, [ours]);
    const [a, b, c] = [fontkit.create(ours), fontkit.create(ours), fontkit.create(other)] as typeof parsed;
    expect(a._tables).toBe(b._tables);
    expect(a._glyphs).not.toBe(b._glyphs);
    expect(c._tables).not.toBe(a._tables);
  });

  it('set every document in Tinos, the next as the first', async () => {
    for (let i = 0; i < 2; i++) {
      const pdf = await renderPdf({ content: [{ text: 'Ủy ban nhân dân tỉnh Đắk Lắk' }, { text: 'đậm', bold: true }] });
      const fonts = new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));
      expect(fonts).toEqual(new Set(['Tinos-Bold', 'Tinos-Regular']));
    }
  });
});
