// The hall's one ESLint configuration (flat config), for every package of the workspace.
// Type-aware: typescript-eslint's `recommendedTypeChecked` runs over every .ts file, so the rules
// that need types (floating promises, unsafe any, misused promises) see what tsc sees.
// Formatting is Prettier's job (`prettier --check .`): eslint-config-prettier comes last and turns
// off every rule that would fight it. A rule is turned off or loosened only with its reason beside it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// Type-aware rules need TypeScript programs, which cost what a typecheck costs. Two programs, named
// with `parserOptions.project`, not one per package through the project service (issue 16.1;
// measured on this 2-core machine, typescript-eslint 8.74, CPU = user + system, figures in README
// § Lint and format): api/ lints with api/tsconfig.json (its .ts files: 48 CPU-s, against 189 with
// the project service), everything else with tsconfig.eslint.json, one program for packages/,
// shell/, mf-*/ and test/. Per package, each program parsed element-plus, vue and, through the
// typed client's `AppType`, the whole API again: about 8 CPU-minutes for the .ts files with the
// project service, 75 CPU-s with one program. `npm run lint` (packages/cli/bin/lint.mjs) runs api/
// and the rest as two ESLint processes, one per core, so each builds only its own program: 162
// CPU-s with prettier (before: 36 CPU-s, the syntactic rules only).
// HALL_LINT_UNTYPED=1 (`npm run lint:untyped`) runs the syntactic rules only, for a quick look.
const typed = process.env.HALL_LINT_UNTYPED !== '1'

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', 'api/drizzle/**', 'test/.tmp/**', 'test/test-results/**', 'test/playwright-report/**'],
  },
  js.configs.recommended,
  typed ? tseslint.configs.recommendedTypeChecked : tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
      parserOptions: typed
        ? {
            // Every .ts file outside api/ belongs to tsconfig.eslint.json (vitest and vite configs
            // included): a file in no program fails the parse, rather than being linted against a
            // default program that cannot resolve the packages' exports.
            project: './tsconfig.eslint.json',
            tsconfigRootDir: import.meta.dirname,
            extraFileExtensions: ['.vue'],
          }
        : { extraFileExtensions: ['.vue'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The API is a Node program (lib ES2023, no DOM): its files lint with its own tsconfig, so the
    // type-aware rules see exactly the types its typecheck sees.
    files: ['api/**/*.ts'],
    languageOptions: { parserOptions: typed ? { project: './api/tsconfig.json' } : {} },
    rules: {
      // Hono's `c.var` is a getter that copies every variable of the request into a new object on
      // each read; the middleware every request passes read several (issue 15's profile).
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='var'][object.name='c']",
          message: "Read request variables with c.get('name'): c.var copies them all on every read.",
        },
      ],
    },
  },
  {
    // Tables come from db/schema/index.ts, which hands out PostgreSQL's twins when the hall runs on
    // PostgreSQL; a table imported from a file of db/schema/ is always SQLite's (decision 016).
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/db/schema/**', 'api/src/db/schema-pg/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'db/schema/(?!index\\.ts$)[^/]+$', message: 'Import tables from db/schema/index.ts: it picks the dialect (decision 016).' }] },
      ],
    },
  },
  {
    // <script setup lang="ts">: vue-eslint-parser hands the script to typescript-eslint's parser.
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
    // typescript-eslint's TypeScript program cannot follow a .vue file into its imports of other
    // .vue files (only vue-tsc's language tools can), so type-aware rules would see `any` at every
    // component boundary and, on this 2-core machine, one type-aware run over the micro-frontends
    // did not finish in 25 minutes. vue-tsc (`npm run typecheck`) checks the types of every .vue
    // file; ESLint checks them without types. Plain .ts files in the same packages stay type-aware.
    extends: typed ? [tseslint.configs.disableTypeChecked] : [],
    rules: {
      // vue-tsc checks names in .vue files (as tsc does in .ts files, where typescript-eslint turns
      // this rule off for the same reason); the rule does not know auto-imported or type-only names.
      'no-undef': 'off',
      // The service editors (guide, form, process) edit fields inside one reactive draft that the
      // page owns and saves as a whole; replacing a prop itself is still an error.
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
    },
  },
  {
    // The .ts files that hand .vue components on: the micro-frontends' entries and route tables,
    // the form renderer's tests. typescript-eslint's
    // TypeScript program cannot resolve a .vue import (vue-tsc's language plugin can, and checks
    // these imports in `npm run typecheck`), so it types each component as an error type and the
    // no-unsafe-* rules would report every use of one. The other type-aware rules stay on.
    files: ['mf-*/src/main.ts', 'shell/src/header/main.ts', 'mf-*/src/routes.ts', 'packages/forms/src/renderer/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (the command-line scripts, a served fixture) has no tsconfig: no type-aware rules.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.d.mts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    rules: {
      // An unused name starting with _ is deliberate (a handler's unused argument, a rest sibling).
      // The hall refuses control characters in what people type (names, opinions, file names):
      // its patterns name those characters on purpose, which is what this rule warns about.
      'no-control-regex': 'off',
      // `async` without `await` is how this code implements a contract that returns a Promise
      // (single-spa's lifecycles and loadApp, fetch and page-loader stubs in tests): a throw inside
      // becomes the rejection the caller handles. Dropping `async` would make those throws
      // synchronous. The mistake behind a missing await, a promise left floating, is
      // no-floating-promises' finding, which stays on.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test-support.ts', 'test/**/*.ts'],
    rules: {
      // Tests read JSON answers of many shapes and assert on the fields they care about: a wrong
      // guess fails the assertion, which is the check, so typing each answer would add nothing.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The API's tests read every answer with `await res.json()`, which is `any`, and assert on the
    // fields they care about (about 880 findings of the no-unsafe-* family, nearly all of them
    // `body.error.code` and the like). The assertion is the check: a wrong field fails the test, and
    // a type written at each of those reads would only restate what the assertion says. The other
    // type-aware rules (floating promises above all) stay on in the tests.
    files: ['api/**/*.test.ts', 'api/**/test-support.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
)
