// ESLint flat config: typescript-eslint with type information, react-hooks, and import zones that
// enforce the dependency direction of docs/architecture (model <- formats <- operators <- engine ...).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Folders of src/ and what each may import (architecture.md, "Folders"). */
const allowed = {
  model: [],
  formats: ['model'],
  operators: ['model', 'formats'],
  engine: ['model', 'operators', 'formats'],
  workers: ['engine', 'operators', 'formats', 'model'],
  storage: ['model', 'formats'],
  state: ['model', 'engine', 'storage', 'workers', 'operators', 'formats'],
  editor: ['state', 'operators', 'model', 'ui', 'formats'],
  ui: ['model', 'formats'],
  cli: ['engine', 'workers', 'formats', 'operators', 'model'],
};
const folders = Object.keys(allowed);
const zones = folders.flatMap((target) =>
  folders
    .filter((from) => from !== target && !allowed[target].includes(from))
    .map((from) => ({
      target: `./src/${target}`,
      from: `./src/${from}`,
      message: `src/${target} may not import src/${from} (see docs/architecture.md).`,
    })),
);

/** Packages that only one folder may touch (architecture.md, "Rules that keep the house simple"). */
const owned = { '@duckdb/duckdb-wasm': 'workers', comlink: 'workers', idb: 'storage' };
const packageRules = ['', ...folders].map((folder) => {
  const banned = Object.entries(owned).filter(([, owner]) => owner !== folder);
  return {
    files: folder ? [`src/${folder}/**/*.{ts,tsx}`] : ['src/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: banned.map(([pkg, owner]) => ({
            group: [pkg, `${pkg}/*`],
            message: `${pkg} may be imported only in src/${owner}/.`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'test-results-*/**',
      'dev-dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'public/**',
      '.bench-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // zz-probe files exist only inside scripts/lint-zones.test.ts, which lints them as text.
        projectService: { allowDefaultProject: ['src/*/zz-probe.ts', 'src/*/zz-probe.tsx'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as text: dangerouslySetInnerHTML is forbidden.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text as text: innerHTML/outerHTML is forbidden.',
        },
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'No .only in tests.',
        },
      ],
    },
  },
  ...packageRules,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
