const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');
const { provinceProfileAssets } = require('../../libs/province/assets');
const { pdfFontAssets } = require('../../libs/pdf/assets');

module.exports = {
  // DIST_DIR lets parallel work trees of one checkout build side by side.
  output: {
    path: join(process.env.DIST_DIR ?? join(__dirname, '../../dist'), 'apps/notifications'),
    clean: true,
    // Each entry's exports become its module.exports: the letter worker's render function is what piscina loads.
    library: { type: 'commonjs2' },
  },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The letter pool's worker thread (src/rendering/letter-renderer.ts looks for it beside main.js).
      additionalEntryPoints: [{ entryName: 'letter-worker', entryPath: './src/rendering/letter-worker.ts' }],
      tsConfig: './tsconfig.app.json',
      assets: [
        { input: './src/templates', glob: '**/*', output: 'templates' },
        ...pdfFontAssets,
        ...provinceProfileAssets,
      ],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
