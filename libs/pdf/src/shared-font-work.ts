/**
 * pdfkit and fontkit redo, for every document, work whose result depends only on the face: shaping each word
 * (GSUB/GPOS lookups, about a third of an invitation letter's time) and decoding each glyph that goes into the
 * document's font subset (another third). These share that work across the documents of a process, per face,
 * keyed by the decoded tables that `parseOnce` makes common to every font made from the same bytes. The document
 * keeps its own subset and glyph numbering: only inputs that never change are shared.
 *
 * Both replace a method of a class the libraries do not export (reached through an instance, see render-pdf.ts),
 * and repeat its few lines; the unit tests check that a document comes out byte for byte the same either way.
 */

/** A word's glyphs and positions, as pdfkit's EmbeddedFont lays it out (already scaled to 1,000 units). */
interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

export interface EmbeddedFontMethods {
  layoutCached: (this: EmbeddedFontLike, text: string) => GlyphRun;
}

interface EmbeddedFontLike {
  font: { _tables?: object };
  layoutCache?: object;
  layoutRun(text: string): GlyphRun;
}

/** Words shaped and kept per face: a letter has a few hundred, most of them the same from letter to letter. */
export const SHAPED_WORDS_PER_FACE = 2_000;

/**
 * Longer words (the parts of a personal link that pdfmake breaks it into) are seldom seen in another document: they stay in the document's own
 * cache, as pdfkit keeps every word, so that they do not push out the words every letter has.
 */
const LONGEST_SHARED_WORD = 24;

/**
 * pdfkit shapes every word once per document (`layoutCached`, a cache per EmbeddedFont); this keeps the runs per
 * face instead. A run is never changed after `layoutRun` made it (pdfkit copies its arrays when it joins words),
 * so documents can share it. The oldest words go first when a face holds `maxWords`.
 */
export function shareShaping(prototype: EmbeddedFontMethods, maxWords = SHAPED_WORDS_PER_FACE): void {
  const runsByFace = new WeakMap<object, Map<string, GlyphRun>>();
  prototype.layoutCached = function (this: EmbeddedFontLike, text: string): GlyphRun {
    // A document that asked for no layout cache, or a face that parseOnce did not decode, gets none.
    const face = this.font._tables;
    if (!this.layoutCache || !face) return this.layoutRun(text);
    if (text.length > LONGEST_SHARED_WORD) return ownRun(this, text);
    let runs = runsByFace.get(face);
    if (!runs) runsByFace.set(face, (runs = new Map<string, GlyphRun>()));
    let run = runs.get(text);
    if (!run) {
      run = detached(this.layoutRun(text));
      if (runs.size >= maxWords) runs.delete(runs.keys().next().value as string);
      runs.set(text, run);
    }
    return run;
  };
}

function ownRun(font: EmbeddedFontLike, text: string): GlyphRun {
  const cache = font.layoutCache as Record<string, GlyphRun>;
  return (cache[text] ??= font.layoutRun(text));
}

/**
 * The run with only what pdfkit reads of a glyph (its number, advance and code points for the text layer): a
 * fontkit glyph holds on to its font, and with it the whole font object of the document that shaped the word first.
 */
function detached(run: GlyphRun): GlyphRun {
  return {
    glyphs: (run.glyphs as ShapedGlyph[]).map(({ id, advanceWidth, codePoints }) => ({ id, advanceWidth, codePoints })),
    positions: run.positions,
    advanceWidth: run.advanceWidth,
  };
}

interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface DecodedGlyph {
  numberOfContours: number;
  components?: Array<{ glyphID: number; pos: number }>;
}

interface FontkitFontLike {
  _tables?: object;
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  getGlyph(gid: number): {
    _decode(): DecodedGlyph | null;
    advanceWidth: number;
    _getMetrics(): { leftBearing: number };
  };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Buffer };
}

interface TtfSubsetLike {
  font: FontkitFontLike;
  glyf: Buffer[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  includeGlyph(gid: number): number;
}

export interface TtfSubsetMethods {
  _addGlyph: (this: TtfSubsetLike, gid: number) => number;
}

/** What a subset needs of a glyph: its bytes in the `glyf` table, the glyphs it is made of, its metrics. */
interface GlyphData {
  bytes: Buffer;
  components: Array<{ glyphID: number; pos: number }> | null;
  advance: number;
  bearing: number;
}

function readGlyph(font: FontkitFontLike, gid: number): GlyphData {
  const glyph = font.getGlyph(gid);
  const decoded = glyph._decode();
  const stream = font._getTableStream('glyf');
  stream.pos += font.loca.offsets[gid];
  // A copy: the stream's buffer is the font file, which the entry must not keep a view of beyond this glyph.
  const bytes = Buffer.from(stream.readBuffer(font.loca.offsets[gid + 1] - font.loca.offsets[gid]));
  return {
    bytes,
    components: decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []) : null,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
}

/**
 * fontkit's TrueType subset decodes each glyph it takes in (`_addGlyph`) for every document; this decodes each
 * glyph of a face once. A composite glyph's component numbers are still rewritten per subset, in a copy.
 */
export function shareGlyphData(prototype: TtfSubsetMethods): void {
  const original = prototype._addGlyph;
  const glyphsByFace = new WeakMap<object, Map<number, GlyphData>>();
  prototype._addGlyph = function (this: TtfSubsetLike, gid: number): number {
    const face = this.font._tables;
    // A variable font re-encodes its outlines per instance: left to fontkit.
    if (!face || this.font._variationProcessor) return original.call(this, gid);
    let glyphs = glyphsByFace.get(face);
    if (!glyphs) glyphsByFace.set(face, (glyphs = new Map<number, GlyphData>()));
    let data = glyphs.get(gid);
    if (!data) glyphs.set(gid, (data = readGlyph(this.font, gid)));
    let bytes = data.bytes;
    if (data.components) {
      bytes = Buffer.from(bytes);
      for (const component of data.components) bytes.writeUInt16BE(this.includeGlyph(component.glyphID), component.pos);
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: data.advance, bearing: data.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

interface NumberTypeLike {
  fn: string;
  size(): number;
  encode(stream: EncodeStreamLike, value: number): void;
}

interface EncodeStreamLike {
  writeBuffer(buffer: Buffer): void;
}

interface ArrayTypeLike {
  type: unknown;
  length: unknown;
  size: (this: ArrayTypeLike, array: unknown, ctx: unknown) => number;
  encode: (this: ArrayTypeLike, stream: EncodeStreamLike, array: unknown, parent: unknown) => void;
}

/** What `fastNumberArrays` reaches of restructure, the library fontkit encodes a subset's tables with. */
export interface Restructure {
  Array: { prototype: ArrayTypeLike };
  Number: abstract new (...args: never[]) => NumberTypeLike;
  uint8: NumberTypeLike;
}

/**
 * restructure encodes an array of numbers one element at a time, building the name of the stream's write method for
 * each: every subset carries its face's font program and control values (about 4,000 numbers), in every document, a
 * sixth of a letter's time. For a plain array of numbers these write the same bytes at once (bytes) or through the
 * method looked up once, and size it by multiplying; anything else goes the library's way.
 */
export function fastNumberArrays(r: Restructure): void {
  const { size, encode } = r.Array.prototype;
  r.Array.prototype.size = function (this: ArrayTypeLike, array: unknown, ctx: unknown): number {
    if (!Array.isArray(array) || !(this.type instanceof r.Number)) return size.call(this, array, ctx);
    const prefix = this.length instanceof r.Number ? this.length.size() : 0;
    return prefix + array.length * this.type.size();
  };
  r.Array.prototype.encode = function (this: ArrayTypeLike, stream: EncodeStreamLike, array: unknown, parent): void {
    const type = this.type;
    if (!Array.isArray(array) || !(type instanceof r.Number)) return encode.call(this, stream, array, parent);
    if (this.length instanceof r.Number) this.length.encode(stream, array.length);
    if (type === r.uint8) return stream.writeBuffer(Buffer.from(array as number[]));
    const write = (stream as unknown as Record<string, (value: number) => void>)[`write${type.fn}`];
    for (const value of array as number[]) write.call(stream, value);
  };
}

export type PdfKitDocumentConstructor = new (options: { autoFirstPage: boolean }) => {
  font(source: Buffer): { _font: EmbeddedFontMethods & { subset: TtfSubsetMethods } };
};

/**
 * Installs the first two on pdfkit's font and fontkit's subset classes, which neither library exports: reached
 * through the font of a document that is never written; and the third on restructure's arrays.
 */
export function shareFontWork(PdfKitDocument: PdfKitDocumentConstructor, face: Buffer, restructure: Restructure): void {
  const font = new PdfKitDocument({ autoFirstPage: false }).font(face)._font;
  shareShaping(Object.getPrototypeOf(font) as EmbeddedFontMethods);
  shareGlyphData(Object.getPrototypeOf(font.subset) as TtfSubsetMethods);
  fastNumberArrays(restructure);
}
