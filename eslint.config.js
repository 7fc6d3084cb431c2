import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const electronOnly = {
  paths: [
    {
      name: 'electron',
      message:
        'Only electron/main.ts, electron/preload.ts and electron/ipc.ts may import electron; everything else stays plain Node (docs/ARCHITECTURE.md).',
    },
  ],
};

/**
 * The layers of the main process (docs/ARCHITECTURE.md): transports → handler table → domains →
 * core. A domain, or the core, never reaches up into the table or a transport.
 */
const DOMAINS = [
  'audit',
  'catalogue',
  'core',
  'customers',
  'files',
  'intake',
  'letters',
  'matching',
  'ops',
  'register',
  'settings',
  'stats',
  'users',
  'vault',
];
const TRANSPORTS = [
  './electron/main.ts',
  './electron/ipc.ts',
  './electron/preload.ts',
  './electron/cli.ts',
  './electron/cli',
  './electron/demo',
  './test',
];
const layerZones = [
  {
    target: DOMAINS.map((d) => `./electron/${d}`),
    from: ['./electron/api', ...TRANSPORTS],
    message: 'A domain never imports the handler table or a transport: imports run one way.',
  },
  {
    target: './electron/api',
    from: TRANSPORTS,
    message: 'The handler table never imports a transport: transports bind the table.',
  },
  {
    target: ['./shared', './renderer'],
    from: ['./electron', './test'],
    message: 'shared/ and the renderer are the contract side; they never import main-process code.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      '.native',
      'coverage',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', electronOnly],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/components/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
