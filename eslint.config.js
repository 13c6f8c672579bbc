import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'docs/api/**',
      '.data/**',
      '.test-data/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-duplicates': 'error',
      'import-x/first': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals, not an enum.' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'Use modules, not namespaces.' },
      ],
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'stories/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // What a widget imports is what a visitor downloads: the schemas' main entry brings zod along, the rules do not.
    files: ['packages/widgets/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@smec/schemas',
              allowTypeImports: true,
              message: 'Import values from @smec/schemas/rules: the main entry brings zod into the widget bundles.',
            },
            {
              name: '@smec/sdk',
              allowTypeImports: true,
              message: 'Import from @smec/sdk/core: the main entry validates responses with zod.',
            },
            {
              name: '@lit/localize',
              message: 'Import msg and str from i18n/localization.js: each element speaks its own language.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server runs apart from its demo data: only the seeding entry points reach into seed/.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/seed/**', 'packages/server/src/cli/**', 'packages/server/src/db/prepare.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)seed/',
              message: 'Stores, routes and rules do not depend on the seed: move the helper out of seed/ (time/, …).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts', 'test-e2e/**/*.ts', 'test-support/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'it', property: 'skip', message: 'No skipped tests.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests.' },
        { object: 'test', property: 'skip', message: 'No skipped tests.' },
      ],
    },
  },
);
