// The hall's one ESLint configuration (flat config), for every package of the workspace.
// Type-aware: typescript-eslint reads each file's own tsconfig through the project service, so the
// rules that need types (floating promises, unsafe any, misused promises) see what tsc sees.
// Formatting is Prettier's job (`prettier --check .`): eslint-config-prettier comes last and turns
// off every rule that would fight it. A rule is turned off or loosened only with its reason beside it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/data/**',
      'api/drizzle/**',
      'test/.tmp/**',
      'test/test-results/**',
      'test/playwright-report/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: {
          // Vitest configs that no package's tsconfig includes (they are not part of its build).
          allowDefaultProject: ['shell/vitest.config.ts', 'mf-forms/vitest.config.ts', 'packages/dev-idp/vitest.config.ts', 'packages/widgets/vitest.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // <script setup lang="ts">: vue-eslint-parser hands the script to typescript-eslint's parser.
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
    rules: {
      // vue-tsc checks names in .vue files (as tsc does in .ts files, where typescript-eslint turns
      // this rule off for the same reason); the rule does not know auto-imported or type-only names.
      'no-undef': 'off',
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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  prettier,
)
