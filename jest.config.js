/** Unit tests sit beside the code (*.spec.ts); end-to-end tests run the real stack (*.e2e-spec.ts). */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // jose and json-schema-faker ship ES modules only (Node loads them with require(esm); jest cannot), so they are
    // compiled to CommonJS.
    '^.+/node_modules/(jose|json-schema-faker)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/|json-schema-faker/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    ...pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
    // Its package.json exports an `import` condition only, which jest's CommonJS resolver does not take.
    '^json-schema-faker$': '<rootDir>/node_modules/json-schema-faker/dist/index.js',
  },
  rootDir: __dirname,
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.nx', '<rootDir>/infra/kafka/.run'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/src/**/*.spec.ts',
        '<rootDir>/libs/**/src/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/**/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
  ],
};
