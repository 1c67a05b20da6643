import type { Content } from 'pdfmake/interfaces';

/**
 * pdfmake breaks lines only where Unicode allows (spaces, hyphens, slashes): a "word" wider than the line is cut by
 * measuring ever shorter slices of it, each one shaped and kept in the document's cache, so time and memory grow
 * with the square of its length. A brief whose body was one 62,000-character word (API fuzzing) held submissions'
 * event loop for minutes and ended it out of memory at 4 GB. No real text has such words, but any field may, so a
 * run without a break opportunity longer than LONGEST_UNBROKEN characters gets a zero-width space (U+200B, a break
 * opportunity that Tinos draws as nothing) every BREAK_EVERY characters. Shorter runs, links included, stay as
 * they are.
 */
const LONGEST_UNBROKEN = 100;
const BREAK_EVERY = 50;
const LONG_RUN = new RegExp(`[^\\s\\u200B]{${LONGEST_UNBROKEN + 1},}`, 'gu');
/** Letters with their combining marks (decomposed Vietnamese), so that no mark is parted from its letter. */
const PIECES = new RegExp(`(?:\\P{M}\\p{M}*){1,${BREAK_EVERY}}`, 'gu');

export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, (run) => (run.match(PIECES) ?? [run]).join('\u200B'));
}

/** The properties of a pdfmake node that hold text or other nodes (not styles, widths, links or images). */
const CONTENT_KEYS = ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body'] as const;

/** The same content with every text's long runs made breakable. */
export function withBreakableWords(content: Content): Content {
  return breakable(content) as Content;
}

function breakable(node: unknown): unknown {
  if (typeof node === 'string') return breakLongWords(node);
  if (Array.isArray(node)) return node.map(breakable);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const key of CONTENT_KEYS) if (key in copy) copy[key] = breakable(copy[key]);
  return copy;
}
