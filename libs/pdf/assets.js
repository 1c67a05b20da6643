const { dirname } = require('path');

/**
 * The webpack assets (NxAppWebpackPlugin's `assets`) of a service that renders PDFs: the Tinos files and their
 * licence, copied beside the bundle into fonts/tinos, where libs/pdf/src/fonts.ts looks first. The image then
 * carries them with the bundle and needs no font package.
 */
const tinos = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

module.exports.pdfFontAssets = [
  { input: tinos, glob: '*/Tinos_*.ttf', output: 'fonts/tinos' },
  { input: tinos, glob: 'LICENSE_FONT', output: 'fonts/tinos' },
];
