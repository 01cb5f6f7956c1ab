// ESLint (flat config): TypeScript's recommended rules, regular expressions that cannot backtrack super-linearly on
// user text (eslint-plugin-regexp), no import cycles, and the layering of docs/architecture.md:
// the analysis core imports neither `vscode` nor the LSP libraries; the client never imports the server's LSP layer.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const LSP = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*',
  'vscode-languageserver-protocol', 'vscode-jsonrpc', 'vscode-jsonrpc/*', 'vscode-languageserver-textdocument'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.e2e-tmp/**', 'test/e2e/**', 'test/vscode/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { regexp, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // Patterns run on user text: a backtracking blow-up is a hang (issue #15; test/regex.test.ts checks the same at
      // run time). A pattern that cannot be written linearly is a scan (docs/architecture.md, invariant 12).
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-dupe-disjunctions': 'error',
      'regexp/no-useless-flag': 'error',
      'regexp/no-empty-alternative': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The CLI loads its subcommands and the analysis lazily (`require` typed by `import()`), so that a check never
    // parses the import, export or format code, and the thread that hands out files never loads the analysis.
    files: ['server/src/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The analysis core: pure (no editor, no protocol).
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/lsp/**', 'server/src/main*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: LSP.filter((p) => !p.includes('*')), patterns: [{ group: LSP.filter((p) => p.includes('*')), message: 'The analysis core imports no editor or LSP library (docs/architecture.md).' }, { group: ['**/lsp/*', '**/lsp'], message: 'The core never imports the LSP layer.' }] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/src/lsp/*'], message: 'The client talks to the server over LSP, never by import.' }] }],
    },
  },
);
