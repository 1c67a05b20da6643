import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { Fontkit, PDF_FONT, loadFonts, parseOnce } from './fonts';
import { withBreakableWords } from './breakable-text';
import { PdfKitDocumentConstructor, Restructure, shareFontWork } from './shared-font-work';

// pdfmake 0.2's server entry point; @types/pdfmake describes 0.3, which has no PdfPrinter.
interface PdfPrinter {
  createPdfKitDocument(definition: TDocumentDefinitions): PDFKit.PDFDocument;
}
type PdfPrinterConstructor = new (fonts: TFontDictionary) => PdfPrinter;

let printer: PdfPrinter | undefined;

/** One printer per process: the fonts are read and parsed on its first use, then shared by every document. */
function getPrinter(): PdfPrinter {
  if (!printer) {
    const faces = loadFonts();
    /* eslint-disable @typescript-eslint/no-require-imports -- untyped (see PdfPrinter), loaded on first use */
    // The fontkit that pdfmake's pdfkit parses fonts with (pdfkit has no copy of its own).
    parseOnce(require('@foliojs-fork/fontkit') as Fontkit, Object.values(faces));
    shareFontWork(
      require('@foliojs-fork/pdfkit') as PdfKitDocumentConstructor,
      faces.normal,
      // The restructure fontkit encodes with (a dependency of fontkit's alone, as fontkit is of pdfkit's).
      require('@foliojs-fork/restructure') as Restructure,
    );
    const Printer = require('pdfmake/src/printer') as PdfPrinterConstructor;
    /* eslint-enable @typescript-eslint/no-require-imports */
    printer = new Printer({ [PDF_FONT]: faces });
  }
  return printer;
}

/**
 * A PDF document in memory, set in Tinos (Times New Roman's metrics, full Vietnamese diacritics) unless the
 * definition names its font: no network, no system fonts. Words too long to lay out cheaply get break
 * opportunities (breakable-text.ts).
 */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = getPrinter().createPdfKitDocument({
      ...definition,
      content: withBreakableWords(definition.content),
      defaultStyle: { font: PDF_FONT, ...definition.defaultStyle },
    });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
