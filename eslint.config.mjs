// @ts-check
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Forbids packages however they are loaded: `import`, dynamic `import()` and `require()`. `patterns` are for
 * no-restricted-imports, `regex` the same set for the other two forms.
 */
function forbid(patterns, regex, message) {
  const source = `/${regex.replace(/\//g, '\\/')}/`;
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=${source}]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${source}]`, message },
    ],
  };
}

/**
 * One flat config for the workspace: typescript-eslint's recommended type-checked rules over every TypeScript
 * file (sources, specs, e2e tests, tools), Nx's module boundaries over the project tags, and Prettier's own
 * formatting (eslint-config-prettier switches off the rules it would fight with).
 */
export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.nx/**',
      'tmp/**',
      'test-artifacts/**',
      'bench/results/**',
      'infra/kafka/.run/**',
    ],
  },
  ...nx.configs['flat/base'],
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // The published contracts depend on nothing of ours.
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:messaging', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:shared'] },
            // Apps never import one another: they talk over HTTP (the gateway) and events. Their end-to-end tests
            // use the shared harness (test/support); their sources may not (see below).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
          ],
        },
      ],
      // `_`-prefixed names are deliberately unused (a destructured field left out, an interface's argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Domain code holds the rules and stays free of frameworks and I/O, so it can be tested without them.
    files: ['apps/*/src/**/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: forbid(
      ['@nestjs/*', 'typeorm', 'kafkajs', 'nodemailer', 'pg', 'undici'],
      '^(@nestjs/.+|typeorm|kafkajs|nodemailer|pg|undici)$',
      'domain code is free of frameworks and I/O',
    ),
  },
  {
    // A service's code never reaches into the test harness.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/test/**', '@pressconf/testing/*'], message: 'sources do not import the test harness' },
          ],
        },
      ],
    },
  },
  {
    // The invitee page's progressive enhancement runs in the browser.
    files: ['apps/gateway/src/invitee-page/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The contracts are plain classes for every consumer: no Nest, no TypeORM.
    files: ['libs/contracts/src/**/*.ts'],
    rules: forbid(['@nestjs/*', 'typeorm'], '^(@nestjs/.+|typeorm)$', 'contracts import neither Nest nor TypeORM'),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  prettier,
);
