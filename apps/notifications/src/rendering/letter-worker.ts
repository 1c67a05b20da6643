import { preparePrinter } from '@pressconf/pdf';
import { InvitationLetterModel, renderInvitationLetter } from './invitation-letter';

/**
 * The letter pool's worker thread (webpack entry `letter-worker`, beside main.js): lays out one letter. The
 * thread keeps its own printer, so the fonts are parsed once per thread.
 */
export default function renderLetter(model: InvitationLetterModel): Promise<Buffer> {
  return renderInvitationLetter(model);
}

/** RenderPool.warm: the fonts parsed before the first letter arrives. */
export function warm(): void {
  preparePrinter();
}
