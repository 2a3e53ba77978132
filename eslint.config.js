// Lint: typescript-eslint's recommended rules plus the type-aware ones that catch real bugs
// (a promise nobody awaits or catches; a promise passed where its result is dropped).
// Formatting is Prettier's job (npm run format:check), not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', 'data/', 'tests/fixtures/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise-returning callback where a plain one is expected (an event handler, a
      // forEach) loses its rejection. Koa middleware and test callbacks are awaited, so only
      // conditions and spreads are checked, not every argument.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // tsc's noUnusedLocals/noUnusedParameters report these too; a leading _ marks a deliberate one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Bounce texts are matched with control characters on purpose (NUL, CR, tabs).
      'no-control-regex': 'off',
      // Pedantic: an escaped '[' inside a character class is harmless and often clearer.
      'no-useless-escape': 'off',
      // A timer declared before the closure that clears it, assigned once after: still a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // The dashboard's browser scripts: plain JavaScript with the vendor globals the pages load.
    files: ['templates/web/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        Intl: 'readonly',
        Date: 'readonly',
        DataTable: 'readonly',
        Chart: 'readonly',
      },
    },
  },
);
