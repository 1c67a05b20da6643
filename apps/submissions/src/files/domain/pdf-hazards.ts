import { constants, inflateSync } from 'node:zlib';

/** Object streams of one PDF, inflated, together: past this the file is refused rather than read on. */
const INFLATE_MAX_BYTES = 64 * 1024 * 1024;

export const PDF_HAZARDS = {
  javascript: 'JavaScript',
  launch: 'launch actions, which run programs or open files',
  embedded: 'embedded files or media',
  remote: 'actions that reach outside the document (remote go-to, form submission, data import)',
  xfa: 'XFA forms, which may carry scripts',
  unreadable: 'object streams that cannot be checked (encrypted, or compressed in a way not read here)',
} as const;
export type PdfHazard = (typeof PDF_HAZARDS)[keyof typeof PDF_HAZARDS];

/** The names (keys and values, e.g. `/S /JavaScript`) whose presence anywhere in a dictionary is the hazard. */
const HAZARD_NAMES: Record<string, PdfHazard> = {
  JavaScript: PDF_HAZARDS.javascript,
  JS: PDF_HAZARDS.javascript,
  Launch: PDF_HAZARDS.launch,
  EmbeddedFile: PDF_HAZARDS.embedded,
  EmbeddedFiles: PDF_HAZARDS.embedded,
  FileAttachment: PDF_HAZARDS.embedded,
  RichMedia: PDF_HAZARDS.embedded,
  GoToE: PDF_HAZARDS.embedded,
  GoToR: PDF_HAZARDS.remote,
  SubmitForm: PDF_HAZARDS.remote,
  ImportData: PDF_HAZARDS.remote,
  XFA: PDF_HAZARDS.xfa,
};

const FLATE = new Set(['FlateDecode', 'Fl']);
const FILTERS = new Set([
  ...FLATE,
  'ASCIIHexDecode',
  'AHx',
  'ASCII85Decode',
  'A85',
  'LZWDecode',
  'LZW',
  'RunLengthDecode',
  'RL',
  'Crypt',
]);

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isRegular = (c: string | undefined) => c !== undefined && !WHITESPACE.has(c) && !DELIMITERS.has(c);

interface Lexed {
  /** Every name outside strings, comments and stream data, `#xx` escapes decoded (`/J#53` is `/JS`). */
  names: string[];
  /** Each stream's dictionary (the text of its object up to `stream`) and its raw data. */
  streams: Array<{ dictionary: string; data: Buffer }>;
}

/**
 * A PDF read as its tokens, just enough to see its names: strings, comments and stream data are skipped, so that
 * neither a title nor random compressed bytes read as `/JS`.
 */
function lex(bytes: Buffer): Lexed {
  const text = bytes.toString('latin1');
  const names: string[] = [];
  const streams: Lexed['streams'] = [];
  let objectStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (WHITESPACE.has(c) || c === '[' || c === ']' || c === '{' || c === '}' || c === ')' || c === '>') {
      i += 1;
    } else if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i += 1;
    } else if (c === '(') {
      let depth = 0;
      do {
        if (text[i] === '\\') i += 1;
        else if (text[i] === '(') depth += 1;
        else if (text[i] === ')') depth -= 1;
        i += 1;
      } while (depth > 0 && i < text.length);
    } else if (c === '<') {
      if (text[i + 1] === '<') i += 2;
      else i = text.indexOf('>', i) < 0 ? text.length : text.indexOf('>', i) + 1;
    } else if (c === '/') {
      let end = i + 1;
      while (isRegular(text[end])) end += 1;
      names.push(
        text
          .slice(i + 1, end)
          .replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      );
      i = end;
    } else {
      let end = i;
      while (isRegular(text[end])) end += 1;
      const word = text.slice(i, Math.max(end, i + 1));
      i = Math.max(end, i + 1);
      if (word === 'obj') objectStart = i;
      if (word === 'stream') {
        const dictionary = text.slice(objectStart, i - word.length);
        let start = i;
        if (text[start] === '\r') start += 1;
        if (text[start] === '\n') start += 1;
        const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
        const declaredEnd = length ? start + Number(length[1]) : -1;
        const end =
          declaredEnd >= 0 && /^\s*endstream/.test(text.slice(declaredEnd, declaredEnd + 12))
            ? declaredEnd
            : text.indexOf('endstream', start);
        const stop = end < 0 ? text.length : end;
        streams.push({ dictionary, data: bytes.subarray(start, stop) });
        i = end < 0 ? text.length : text.indexOf('endstream', stop) + 'endstream'.length;
      }
    }
  }
  return { names, streams };
}

/**
 * What in a PDF would act when it is opened, rather than be read: JavaScript, launch actions, embedded files,
 * actions reaching outside the document, XFA forms. The names are looked for in the file's dictionaries and in
 * its object streams (FlateDecode, where PDF 1.5+ writers put most dictionaries); an object stream that cannot
 * be read (encrypted, or another filter) is itself a reason to refuse, since what it holds is unknown.
 */
export function pdfHazards(pdf: Buffer): PdfHazard[] {
  const found = new Set<PdfHazard>();
  const note = (names: string[]) => {
    for (const name of names) if (Object.hasOwn(HAZARD_NAMES, name)) found.add(HAZARD_NAMES[name]);
  };
  const top = lex(pdf);
  note(top.names);
  const encrypted = top.names.includes('Encrypt');
  let budget = INFLATE_MAX_BYTES;
  for (const stream of top.streams) {
    const dictionary = lex(Buffer.from(stream.dictionary, 'latin1')).names;
    if (!dictionary.includes('ObjStm')) continue;
    const filters = dictionary.filter((name) => FILTERS.has(name));
    const predicted = /\/Predictor\s+([2-9]|\d\d+)/.test(stream.dictionary);
    if (encrypted || predicted || filters.some((filter) => !FLATE.has(filter)) || filters.length > 1) {
      found.add(PDF_HAZARDS.unreadable);
      continue;
    }
    try {
      const content = filters.length
        ? inflateSync(stream.data, { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH })
        : stream.data;
      budget -= content.length;
      note(lex(content).names);
    } catch {
      found.add(PDF_HAZARDS.unreadable);
    }
  }
  return [...found];
}
