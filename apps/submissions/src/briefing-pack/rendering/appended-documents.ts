import { PDFDocument, PDFFont, PDFPage, StandardFonts, degrees, rgb } from 'pdf-lib';
import type { Inclusion, PackDocument } from '../domain/pack-documents';

/** Reads one document's bytes from storage; the pack asks for them one at a time. */
export type ReadDocument = (document: PackDocument) => Promise<Buffer>;

const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
// The pack's own margins (Decree 30/2020/NĐ-CP): an image page reads like the pages around it.
const IMAGE_BOX = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 22 * MM };
const STAMP = { size: 10, right: 15 * MM, bottom: 10 * MM };

/**
 * Appends the documents' pages to `pack`, in order: a PDF's pages as they are, an image on a page of its own
 * (scaled down to fit A4 within the margins, never up), a Word document not at all. Each document is read, added
 * and let go before the next is read, so that memory holds the pack and one document. A PDF that is encrypted or
 * cannot be read is reported, never thrown: the pack is made without it.
 */
export async function appendDocuments(
  pack: PDFDocument,
  documents: PackDocument[],
  read: ReadDocument,
): Promise<Inclusion[]> {
  const inclusions: Inclusion[] = [];
  for (const document of documents) {
    if (document.mediaType === 'application/pdf') inclusions.push(await appendPdf(pack, await read(document)));
    else if (document.mediaType === 'image/png' || document.mediaType === 'image/jpeg') {
      inclusions.push(await appendImage(pack, await read(document), document.mediaType));
    } else inclusions.push({ skipped: 'NOT_CONVERTED' });
  }
  return inclusions;
}

async function appendPdf(pack: PDFDocument, bytes: Buffer): Promise<Inclusion> {
  try {
    // Loaded in spite of encryption only to say so: pdf-lib's own error for it is not told apart by class.
    const source = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    if (source.isEncrypted) return { skipped: 'ENCRYPTED' };
    const pages = await pack.copyPages(source, source.getPageIndices());
    if (pages.length === 0) return { skipped: 'UNREADABLE' };
    for (const page of pages) pack.addPage(page);
    return { pages: pages.length };
  } catch {
    return { skipped: 'UNREADABLE' };
  }
}

async function appendImage(
  pack: PDFDocument,
  bytes: Buffer,
  mediaType: 'image/png' | 'image/jpeg',
): Promise<Inclusion> {
  try {
    const image = mediaType === 'image/png' ? await pack.embedPng(bytes) : await pack.embedJpg(bytes);
    // Written into the pack now rather than at save, so that the decoded pixels of one image go before the next.
    await image.embed();
    const box = { width: A4[0] - IMAGE_BOX.left - IMAGE_BOX.right, height: A4[1] - IMAGE_BOX.top - IMAGE_BOX.bottom };
    const scale = Math.min(box.width / image.width, box.height / image.height, 1);
    const [width, height] = [image.width * scale, image.height * scale];
    pack.addPage(A4).drawImage(image, {
      x: IMAGE_BOX.left + (box.width - width) / 2,
      y: A4[1] - IMAGE_BOX.top - height,
      width,
      height,
    });
    return { pages: 1 };
  } catch {
    return { skipped: 'UNREADABLE' };
  }
}

/** Puts the pack's own pages (`body`) before the appended ones, and numbers the appended pages on. */
export async function prependPages(pack: PDFDocument, body: Buffer): Promise<void> {
  const own = await PDFDocument.load(body);
  const copies = await pack.copyPages(own, own.getPageIndices());
  copies.forEach((page, i) => pack.insertPage(i, page));
  await numberPages(pack, copies.length);
}

/**
 * Numbers the appended pages "Trang 12/30" at the bottom right as the reader sees them (a page's /Rotate turns
 * its drawing space), in the standard Times face: the text is ASCII, so no font need be embedded.
 */
async function numberPages(pack: PDFDocument, fromIndex: number): Promise<void> {
  const pages = pack.getPages();
  if (fromIndex >= pages.length) return;
  const font = await pack.embedFont(StandardFonts.TimesRoman);
  pages.slice(fromIndex).forEach((page, i) => stamp(page, font, `Trang ${fromIndex + i + 1}/${pages.length}`));
}

function stamp(page: PDFPage, font: PDFFont, text: string): void {
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const box = page.getCropBox();
  const width = font.widthOfTextAtSize(text, STAMP.size);
  // The reader's right and up, in the page's own coordinates.
  const [right, up] = {
    0: [
      [1, 0],
      [0, 1],
    ],
    90: [
      [0, 1],
      [-1, 0],
    ],
    180: [
      [-1, 0],
      [0, -1],
    ],
    270: [
      [0, -1],
      [1, 0],
    ],
  }[angle];
  const [halfWidth, halfHeight] = angle % 180 === 0 ? [box.width / 2, box.height / 2] : [box.height / 2, box.width / 2];
  const along = halfWidth - STAMP.right - width;
  const down = halfHeight - STAMP.bottom;
  page.drawText(text, {
    x: box.x + box.width / 2 + right[0] * along - up[0] * down,
    y: box.y + box.height / 2 + right[1] * along - up[1] * down,
    size: STAMP.size,
    font,
    rotate: degrees(angle),
    color: rgb(0.27, 0.27, 0.27),
  });
}
