const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');
const { provinceProfileAssets } = require('../../libs/province/assets');

module.exports = {
  // DIST_DIR lets parallel work trees of one checkout build side by side.
  output: { path: join(process.env.DIST_DIR ?? join(__dirname, '../../dist'), 'apps/gateway'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      // The invitee page's templates and static files, read at start (src/invitee-page/page-files.ts).
      assets: [
        { input: './src/invitee-page/templates', glob: '**/*', output: 'invitee-page/templates' },
        { input: './src/invitee-page/public', glob: '**/*', output: 'invitee-page/public' },
        ...provinceProfileAssets,
      ],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
