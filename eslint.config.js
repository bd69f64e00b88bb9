import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'react', 'react-dom', 'react/*', '../main/*', '../web/*', '../renderer/*', '../cli/*'], message: 'src/core must stay plain TypeScript.' }] },
      ],
    },
  },
  {
    // The renderer runs in a sandboxed page and sees the core only as types, through the API.
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/**', 'electron', 'node:*'], message: 'The renderer imports only types from core.', allowTypeImports: true }] },
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
