import { createHash } from 'node:crypto';
import type { OrientationDocumentView, PackBriefView, PackConferenceView } from '@pressconf/contracts';

/** What a briefing pack holds, before it is rendered. */
export interface PackContents {
  conference: PackConferenceView;
  version: number;
  compiledAt: string;
  /** The embargo: participants other than the hosts, and the press, read it from the conference's start. */
  availableFrom: string;
  briefs: PackBriefView[];
  orientationDocuments: OrientationDocumentView[];
}

/** Briefs in the order of their agencies' names, as Vietnamese sorts them (Đ after D, Ư after U). */
export function orderBriefs(briefs: PackBriefView[]): PackBriefView[] {
  const collator = new Intl.Collator('vi');
  return [...briefs].sort((a, b) => collator.compare(a.agencyName, b.agencyName) || collator.compare(a.title, b.title));
}

/**
 * A digest of everything the pack is made of: compiling again when nothing changed gives the same digest and
 * makes no new version; a new acceptance, a revised representative list, a new orientation document or a
 * rescheduled conference does.
 */
export function packFingerprint(
  contents: Pick<PackContents, 'conference' | 'briefs' | 'orientationDocuments'>,
): string {
  const canonical = {
    conference: contents.conference,
    briefs: [...contents.briefs]
      .sort((a, b) => a.briefId.localeCompare(b.briefId))
      .map((b) => ({
        briefId: b.briefId,
        version: b.version,
        attachments: b.attachments.map((a) => a.sha256).sort(),
        representatives: b.representatives,
      })),
    orientationDocuments: contents.orientationDocuments.map((d) => d.id).sort(),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
