import { readZipEntry, UnreadableZipEntry, ZipEntry, zipEntries } from './zip-entries';

/** No XML part of a brief's Word document is near this large; past it the file is refused, not read on. */
const PART_MAX_BYTES = 32 * 1024 * 1024;
/** All the parts read for one document together (a "zip bomb" of many parts fails here). */
const TOTAL_MAX_BYTES = 64 * 1024 * 1024;

export const DOCX_HAZARDS = {
  macros: 'macros (a VBA project)',
  embedded: 'embedded objects (OLE or ActiveX)',
  external: 'external references that Word fetches on opening (e.g. a remote template)',
  dde: 'DDE fields, which run commands',
  unreadable: 'parts that cannot be checked',
} as const;
export type DocxHazard = (typeof DOCX_HAZARDS)[keyof typeof DOCX_HAZARDS];

// Relationship types that name what they point to: the last segment of the Type URI.
const MACRO_TYPES = new Set(['vbaProject', 'vbaProjectSignature', 'wordVbaData', 'keyMapCustomizations']);
// A chart's data is an embedded workbook ("package"): kept when it is a plain .xlsx/.docx/.pptx (see below).
const EMBEDDED_TYPES = new Set(['oleObject', 'control', 'activeXControlBinary']);
/** The one kind of external target Word never fetches by itself: a link the reader may click. */
const HYPERLINK = 'hyperlink';

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attributes(element: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, , value] of element.matchAll(/([\w:.-]+)\s*=\s*(["'])([\s\S]*?)\2/g)) {
    found.set(name.replace(/^.*:/, ''), decodeXml(value).trim());
  }
  return found;
}

/** The relationships of one .rels part: their types (last segment) and whether they point outside the package. */
function relationships(xml: string): Array<{ type: string; external: boolean }> {
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)].map(([, body]) => {
    const attrs = attributes(body);
    return {
      type: (attrs.get('Type') ?? '').split('/').pop() ?? '',
      external: (attrs.get('TargetMode') ?? '').toLowerCase() === 'external',
    };
  });
}

/**
 * OLE objects (`oleObject1.bin`: any program's data, an executable in a "Package"), ActiveX controls, and anything
 * embedded but a macro-free Office file. A chart keeps its data as an embedded .xlsx, which reports often carry: it
 * stays (a macro-enabled one is refused by its content type).
 */
function isEmbeddedObject(name: string): boolean {
  if (/^word\/activex\//.test(name) || /(^|\/)oleobject\d*\.bin$/.test(name)) return true;
  return /^word\/embeddings\//.test(name) && !/\.(xlsx|docx|pptx)$/.test(name);
}

/** Field codes (`<w:instrText>`, `w:instr="…"`) of one part, joined: a field may be split across runs. */
function fieldCodes(xml: string): string {
  const texts = [...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g)].map(([, text]) => text);
  const simple = [...xml.matchAll(/\bw:instr\s*=\s*(["'])([^"']*)\1/g)].map(([, , text]) => text);
  return decodeXml([...texts, ...simple].join(''));
}

/**
 * What in a Word document (a ZIP archive, already known to hold word/document.xml) would act when it is opened,
 * rather than be read: macros, embedded OLE or ActiveX objects, relationships to targets outside the file other
 * than hyperlinks (a remote attachedTemplate, a linked image or frame: Word fetches them, leaking the reader's
 * address and Windows credentials), and DDE fields. Empty when the document is only a document.
 */
export function docxHazards(zip: Buffer): DocxHazard[] {
  const entries = zipEntries(zip);
  if (!entries) return [DOCX_HAZARDS.unreadable];
  const found = new Set<DocxHazard>();
  let budget = TOTAL_MAX_BYTES;
  const read = (entry: ZipEntry): string | undefined => {
    try {
      const bytes = readZipEntry(zip, entry, Math.min(PART_MAX_BYTES, budget));
      budget -= bytes.length;
      return bytes.toString('utf8');
    } catch (error) {
      if (!(error instanceof UnreadableZipEntry)) throw error;
      found.add(DOCX_HAZARDS.unreadable);
      return undefined;
    }
  };
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    if (/(^|\/)vba(project\.bin|data\.xml)$/.test(name)) found.add(DOCX_HAZARDS.macros);
    if (isEmbeddedObject(name)) found.add(DOCX_HAZARDS.embedded);
    if (name === '[content_types].xml') {
      const types = read(entry)?.toLowerCase() ?? '';
      if (/macroenabled|vbaproject/.test(types)) found.add(DOCX_HAZARDS.macros);
      if (/oleobject|activex/.test(types)) found.add(DOCX_HAZARDS.embedded);
    } else if (name.endsWith('.rels')) {
      for (const { type, external } of relationships(read(entry) ?? '')) {
        if (MACRO_TYPES.has(type)) found.add(DOCX_HAZARDS.macros);
        if (EMBEDDED_TYPES.has(type)) found.add(DOCX_HAZARDS.embedded);
        if (external && type !== HYPERLINK) found.add(DOCX_HAZARDS.external);
      }
    } else if (/^word\/[^/]+\.xml$/.test(name)) {
      if (/\bDDE(AUTO)?\b/i.test(fieldCodes(read(entry) ?? ''))) found.add(DOCX_HAZARDS.dde);
    }
  }
  return [...found];
}
