// pdf-parse ships no types. The tests load its library file: the package entry point runs a self-test when it has
// no parent module.
declare module 'pdf-parse/lib/pdf-parse.js' {
  function pdfParse(data: Buffer): Promise<{ text: string; numpages: number }>;
  export = pdfParse;
}
