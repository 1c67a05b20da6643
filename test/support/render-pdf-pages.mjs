// Renders each page of a PDF to PNG (mupdf, WASM) so that a person can look at what a test produced:
// node render-pdf-pages.mjs <file.pdf> <output prefix> [dpi]. An ES module, as mupdf is one (jest cannot import it).
import { readFileSync, writeFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

const [input, prefix, dpi = '110'] = process.argv.slice(2);
const document = mupdf.Document.openDocument(readFileSync(input), 'application/pdf');
const scale = Number(dpi) / 72;
const pages = document.countPages();
for (let i = 0; i < pages; i += 1) {
  const pixmap = document
    .loadPage(i)
    .toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  writeFileSync(`${prefix}-${i + 1}.png`, pixmap.asPNG());
}
console.log(pages);
