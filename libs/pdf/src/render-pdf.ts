import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import vfs from 'pdfmake/build/vfs_fonts';

// pdfmake 0.2's server entry point; @types/pdfmake describes 0.3, which has no PdfPrinter.
interface PdfPrinter {
  createPdfKitDocument(definition: TDocumentDefinitions): PDFKit.PDFDocument;
}
type PdfPrinterConstructor = new (fonts: TFontDictionary) => PdfPrinter;

let printer: PdfPrinter | undefined;

/**
 * Roboto as shipped inside pdfmake (Regular, Medium as bold, Italic, Medium Italic): it covers the whole
 * Vietnamese repertoire (U+1EA0–U+1EF9, Ă, Đ, Ơ, Ư) and loads from memory, with no network or system fonts.
 */
function getPrinter(): PdfPrinter {
  if (!printer) {
    const font = (file: string): Buffer => Buffer.from(vfs[file], 'base64');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped (see PdfPrinter), loaded on first use
    const Printer = require('pdfmake/src/printer') as PdfPrinterConstructor;
    printer = new Printer({
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    });
  }
  return printer;
}

/** A PDF document in memory, set in a font with full Vietnamese diacritics. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = getPrinter().createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
