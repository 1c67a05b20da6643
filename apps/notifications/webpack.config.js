const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');
const { provinceProfileAssets } = require('../../libs/province/assets');
const { pdfFontAssets } = require('../../libs/pdf/assets');

module.exports = {
  // DIST_DIR lets parallel work trees of one checkout build side by side.
  output: { path: join(process.env.DIST_DIR ?? join(__dirname, '../../dist'), 'apps/notifications'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
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
