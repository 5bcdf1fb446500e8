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

/** Named exports only (conventions.md, point 12). */
const noDefaultExport = {
  selector: 'ExportDefaultDeclaration',
  message: 'Use named exports (conventions.md, point 12).',
};

/**
 * `@vscode/l10n` gets its bundle when the extension activates or the panel starts, after every
 * module's top level has run: a translation there would stay English for good.
 */
const noTopLevelTranslation = {
  selector: "CallExpression[callee.object.name='l10n'][callee.property.name='t']:not(:function CallExpression)",
  message: 'Call l10n.t() inside a function: at module level it runs before the translations are loaded.',
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
      'no-restricted-syntax': ['error', noDefaultExport, noTopLevelTranslation],
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
    // One EC2 gateway: src/ec2 is the only layer that sends EC2 commands (src/aws builds the clients
    // and asks STS who the caller is). Everything else calls a function of src/ec2.
    files: ['src/**/*.ts'],
    ignores: ['src/ec2/**', 'src/aws/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noDefaultExport,
        noTopLevelTranslation,
        {
          selector: "CallExpression[callee.property.name='send']",
          message: 'Send EC2 commands only from src/ec2 (one module per resource family): call its function instead.',
        },
        {
          selector: "ImportDeclaration[source.value='@aws-sdk/client-ec2'][importKind='value']",
          message: 'Outside src/ec2 and src/aws, import only types from the SDK: EC2 calls go through src/ec2.',
        },
        {
          selector: 'ImportDeclaration[source.value=/\\/aws\\/sdk$/]',
          message: 'The SDK command classes are for src/ec2 and src/aws only: call a function of src/ec2 instead.',
        },
      ],
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
