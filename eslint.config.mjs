// ESLint flat config (conventions.md, point 12). Formatting is Prettier's job: no stylistic rules here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `vscode` exists only in the extension host: these parts also run in a webview or a plain Node process. */
const noVscodeImport = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'vscode',
          message:
            'src/shared, src/simulator and webview-ui run outside the extension host: they must not import vscode.',
        },
      ],
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist-vsix/**',
      'out/**',
      'node_modules/**',
      '.tools/**',
      '.vscode-test/**',
      'test-results/**',
      '**/*.d.mts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['src/**/*.ts', 'webview-ui/src/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `_`-prefixed names are unused on purpose (a parameter an interface requires, a key dropped by a rest spread).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: an `async` method without `await` (a fake, an interface implementation) rejects instead of throwing,
      // which is what its callers expect; dropping `async` to please the rule would change that.
      '@typescript-eslint/require-await': 'off',
      // tsc checks this (noFallthroughCasesInSwitch) and, unlike ESLint, knows `process.exit()` returns `never`.
      'no-fallthrough': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (conventions.md, point 12).' },
      ],
    },
  },
  {
    // Tests read JSON (package.json, AWS CLI output) and poke at loosely typed objects: `any` is the honest type there.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts', 'src/simulator/**/*.ts', 'webview-ui/**/*.ts'],
    rules: noVscodeImport,
  },
  {
    // Build and test scripts, and this file: plain ES modules run by Node.
    files: ['*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The webview preview runs in Node and evaluates some of its functions in Chromium.
    files: ['webview-ui/preview/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
