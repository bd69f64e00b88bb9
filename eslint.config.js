import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom, on paths resolved first (a relative import is followed to the file it names,
 * however many folders up it climbs). tests/security/layering.test.ts shows a fixture of each kind
 * refused. Layers:
 * - shared: no DOM, no Node (the command catalogue, the preload bridge's type, the API's types);
 * - core: the plain-TypeScript service (archive, search, annotations, dossiers, the typed API);
 * - shell: what the Node shells share (CSP, serving the UI's files, arguments and locations);
 * - main, preload, web, cli: the shells; renderer: the React page, which sees the core only as the
 *   API's types: type imports of src/core/api/types.ts (type-only re-exports), nothing else of the core.
 */
export const layering = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    'boundaries/elements': [
      { type: 'shared', pattern: 'src/shared' },
      { type: 'core', pattern: 'src/core' },
      { type: 'shell', pattern: 'src/shell' },
      { type: 'main', pattern: 'src/main' },
      { type: 'preload', pattern: 'src/preload' },
      { type: 'web', pattern: 'src/web' },
      { type: 'cli', pattern: 'src/cli' },
      { type: 'renderer', pattern: 'src/renderer' },
    ],
    // The one file of the core the renderer may import (as types): the API's types.
    'boundaries/files': [{ category: 'api-types', pattern: 'src/core/api/types.ts' }],
    // A type written `import('…').Name` is a dependency too, judged like `import type`.
    'boundaries/additional-dependency-nodes': [{ selector: 'TSImportType > Literal.source', kind: 'type', name: 'import-type' }],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
          { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'core' } }, dependency: { kind: 'type' } } },
          { from: { element: { type: 'core' } }, allow: { to: { element: { types: { anyOf: ['core', 'shared'] } } } } },
          { from: { element: { type: 'shell' } }, allow: { to: { element: { types: { anyOf: ['shell', 'core', 'shared'] } } } } },
          { from: { element: { types: { anyOf: ['main', 'web', 'cli'] } } }, allow: { to: { element: { types: { anyOf: ['shell', 'core', 'shared'] } } } } },
          { from: { element: { type: 'main' } }, allow: { to: { element: { type: 'main' } } } },
          { from: { element: { type: 'web' } }, allow: { to: { element: { type: 'web' } } } },
          { from: { element: { type: 'cli' } }, allow: { to: { element: { type: 'cli' } } } },
          { from: { element: { type: 'preload' } }, allow: { to: { element: { types: { anyOf: ['preload', 'shared'] } } } } },
          { from: { element: { type: 'preload' } }, allow: { to: { element: { type: 'core' } }, dependency: { kind: 'type' } } },
          { from: { element: { type: 'renderer' } }, allow: { to: { element: { types: { anyOf: ['renderer', 'shared'] } } } } },
          { from: { element: { type: 'renderer' } }, allow: { to: { element: { type: 'core' }, file: { categories: 'api-types' } }, dependency: { kind: 'type' } } },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The core is plain TypeScript: no Electron, no React, no DOM.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'react/*'], message: 'src/core stays plain TypeScript.' }] }],
    },
  },
  {
    // Shared by the page and the Node shells: neither the DOM nor Node.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'react', 'react-dom', 'react/*', 'node:*'], message: 'src/shared runs in the page and in Node: no DOM, no Node.', allowTypeImports: true }] },
      ],
    },
  },
  layering,
  {
    // The renderer runs in a sandboxed page and sees the core only as types, the API's (src/core/api/types.ts).
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/**', '!**/core/api/types'], message: 'The renderer sees the core through the API: import its types from core/api/types.' },
            { group: ['**/core/api/types', 'electron', 'node:*'], message: 'The renderer imports only types from the core and from Electron or Node.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // Content is data, never code: nothing in the app turns a string into markup or into code.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as React text; content is never markup.' },
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]', message: 'Set textContent; content is never markup.' },
        { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]', message: 'Content is never markup.' },
        { selector: "MemberExpression[object.name='document'][property.name=/^write(ln)?$/]", message: 'Content is never markup.' },
      ],
    },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }, // Playwright fixtures declare their dependencies as `{}`.
  },
);
