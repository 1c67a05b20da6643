import type { AttachmentMediaType } from '@pressconf/contracts';
import type { PackContents } from './pack-contents';

/** A file the pack holds: an orientation document's, or an attachment of an accepted brief. */
export interface PackDocument {
  source: 'orientation' | 'attachment';
  id: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  /** Whose it is, as the pack names it: the orientation document's title, or the briefing agency's name. */
  owner: string;
}

/**
 * What became of a document: its pages appended to the pack, or why not. A Word document is not converted (there
 * is no conversion server); a PDF that cannot be read, or is encrypted, is listed and left out.
 */
export type Inclusion = { pages: number } | { skipped: 'NOT_CONVERTED' | 'ENCRYPTED' | 'UNREADABLE' };

/** Where a document is in the pack: its first and last page, or why it is not in it. */
export type Placement = { first: number; last: number } | { skipped: 'NOT_CONVERTED' | 'ENCRYPTED' | 'UNREADABLE' };

/** The files in the order the pack prints them: the orientation documents, then each brief's attachments. */
export function packDocuments(contents: Pick<PackContents, 'briefs' | 'orientationDocuments'>): PackDocument[] {
  const file = (
    source: PackDocument['source'],
    owner: string,
    d: Pick<PackDocument, 'id' | 'fileName' | 'mediaType' | 'size' | 'sha256'>,
  ): PackDocument => ({
    source,
    id: d.id,
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    owner,
  });
  return [
    ...contents.orientationDocuments.map((d) => file('orientation', d.title, d)),
    ...contents.briefs.flatMap((b) => b.attachments.map((a) => file('attachment', b.agencyName, a))),
  ];
}

/** The pages appended after the pack's own `bodyPages`, in the order of the documents. */
export function placeDocuments(inclusions: Inclusion[], bodyPages: number): Placement[] {
  let next = bodyPages + 1;
  return inclusions.map((inclusion) => {
    if ('skipped' in inclusion) return { skipped: inclusion.skipped };
    const placement = { first: next, last: next + inclusion.pages - 1 };
    next += inclusion.pages;
    return placement;
  });
}

/** How many pages the documents add to the pack. */
export function appendedPages(inclusions: Inclusion[]): number {
  return inclusions.reduce((sum, inclusion) => sum + ('pages' in inclusion ? inclusion.pages : 0), 0);
}
