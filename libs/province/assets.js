const { join } = require('path');

/**
 * The webpack assets (NxAppWebpackPlugin's `assets`) of every app: the province profiles of provinces/, copied
 * beside the bundle into provinces/, where libs/province/src/load-profile.ts looks first for a PROVINCE_PROFILE name.
 * One image then serves every province: the deployment only names its profile.
 */
module.exports.provinceProfileAssets = [
  { input: join(__dirname, '../../provinces'), glob: '*.json', output: 'provinces' },
];
