// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib'
]
const nodeImports = [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `node:${m}`)]

/** Builds a no-restricted-imports rule from banned module names and path patterns. */
const restrict = (paths, patterns) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message: 'This layer must not import this module (see DESIGN.md, layers).' })),
    patterns: patterns.map((group) => ({ group: [group], message: 'This import crosses a layer boundary (see DESIGN.md).' }))
  }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  // Deliberately insecure code, for the security checker to find.
  { ignores: ['test/fixtures/security/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off'
    }
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'test/**/*.{ts,mjs}', 'bin/**/*.mjs', '*.config.{js,ts}', 'electron.vite.config.ts'],
    languageOptions: { globals: { ...globals.node } }
  },
  // CommonJS scripts (the Electronegativity runner hooks `require` before the tool loads).
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  // src/shared: the contract. Imports nothing but zod and itself.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeImports, 'electron', 'react', 'react-dom', 'better-sqlite3'],
        ['**/main/**', '**/renderer/**', '**/preload/**', '@electron-toolkit/*']
      )
    }
  },
  // src/main/core: the backend. Node only; never electron, React or a host.
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'react', 'react-dom'],
        ['@electron-toolkit/*', '**/app/**', '**/cli/**', '**/web/**', '**/renderer/**', '**/preload/**', '**/main/app/*', '**/main/cli/*', '**/main/web/*']
      )
    }
  },
  // Hosts are thin adapters: they reach the backend only through the composition root and the
  // contract, never another host.
  {
    files: ['src/main/cli/**/*.ts', 'src/main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['electron', 'react', 'react-dom'], ['**/app/**', '**/renderer/**', '**/preload/**'])
    }
  },
  {
    files: ['src/main/app/**/*.ts'],
    ignores: ['src/main/app/electron-runtime.ts'],
    rules: {
      // Only the runtime binding touches the electron module; everything else works against
      // the injected interface so that its security settings can be tested without Electron.
      'no-restricted-imports': restrict(['electron', 'react', 'react-dom'], ['**/cli/**', '**/web/**', '**/renderer/**'])
    }
  },
  // src/preload: exposes the contract; electron and shared only.
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeImports, 'react', 'react-dom', 'better-sqlite3'],
        ['**/main/**', '**/renderer/**', '@electron-toolkit/*']
      )
    }
  },
  // src/renderer: the browser. Never Node, Electron, SQL or the backend.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [...nodeImports, 'electron', 'better-sqlite3', 'jstat'],
        ['**/main/**', '**/preload/**', '@electron-toolkit/*']
      )
    }
  }
)
