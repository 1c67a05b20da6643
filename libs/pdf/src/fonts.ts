import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Tinos, Google's metric-compatible Times New Roman (the face Decree 30/2020/NĐ-CP asks for), with the whole
 * Vietnamese repertoire (U+1EA0–U+1EF9, Ă, Đ, Ơ, Ư). From `@expo-google-fonts/tinos` (SIL Open Font License).
 */
export const PDF_FONT = 'Tinos';

/** Each style pdfmake asks for, and where its file lies under the package (or its copy beside a bundle). */
const FACES = {
  normal: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

/**
 * Where the font files are: beside a built service, where its webpack config copied them (libs/pdf/assets.js,
 * so that an image needs no font package), else in the package itself (tests, tools run from the sources).
 */
export function fontDirectory(): string {
  const besideBundle = join(__dirname, 'fonts', 'tinos');
  if (existsSync(join(besideBundle, FACES.normal))) return besideBundle;
  // Resolved when run, where webpack leaves it alone: a bundle without its copy still finds the package.
  return dirname(createRequire(__filename).resolve('@expo-google-fonts/tinos/package.json'));
}

export type FontFaces = Record<keyof typeof FACES, Buffer>;

/** The four faces read into memory, for pdfmake's printer; read once by the printer's first use. */
export function loadFonts(directory: string = fontDirectory()): FontFaces {
  const face = (file: string): Buffer => {
    try {
      return readFileSync(join(directory, file));
    } catch (error) {
      throw new Error(`The PDF font ${file} is missing from ${directory}`, { cause: error });
    }
  };
  return {
    normal: face(FACES.normal),
    bold: face(FACES.bold),
    italics: face(FACES.italics),
    bolditalics: face(FACES.bolditalics),
  };
}

export interface Fontkit {
  create(buffer: Buffer, postscriptName?: string | null): unknown;
}

/**
 * pdfkit parses a font again for every document (its PDFFontFactory calls `fontkit.create` on the bytes) and
 * decodes its tables (cmap, metrics, GSUB, GPOS...) again on first use: about a tenth of a second per letter for
 * four faces. This makes `create` decode each table of `buffers` once per process: every font made from one of
 * them shares the decoded tables, as fontkit's own variation fonts do, and keeps its own glyph cache, layout
 * engine and subset, which hold per-document state (a glyph's code points become the text layer). Other fonts
 * pass through.
 */
export function parseOnce(fontkit: Fontkit, buffers: Buffer[]): void {
  const create = fontkit.create.bind(fontkit);
  const decoded = new Map<Buffer, object>();
  fontkit.create = (buffer, postscriptName) => {
    const font = create(buffer, postscriptName) as { _tables?: object } | null;
    if (!font?._tables || postscriptName || !buffers.includes(buffer)) return font;
    const tables = decoded.get(buffer);
    if (tables) font._tables = tables;
    else decoded.set(buffer, font._tables);
    return font;
  };
}
