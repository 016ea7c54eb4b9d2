// Code-level lint rules. Layering (pure domain, apps apart, workflows importing only what the
// sandbox can load) is dependency-cruiser's job (.dependency-cruiser.js); this file does not
// repeat it, except for the workflow-sandbox block below, which reports at the offending line.
// Run: npm run lint (ESLint, then prettier --check); formatting itself is Prettier's.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Everything the Temporal workflow bundle contains: workflows/src/index.ts and the tracing
// interceptors (libs/infra/src/temporal/workflow-bundle.ts) and, through them, libs/domain.
const SANDBOX_FILES = ['workflows/src/**/*.ts', 'libs/domain/src/**/*.ts'];
const SPECS = ['**/*.spec.ts', '**/*.e2e-spec.ts'];

const NODE_BUILTINS = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];

// The workflow sandbox is a fresh V8 context (node:vm), not Node. @temporalio/workflow 1.24
// (src/global-overrides.ts) replaces Date / Date.now, Math.random, setTimeout and clearTimeout
// with deterministic versions driven by workflow history, and makes WeakRef and
// FinalizationRegistry throw (GC is non-deterministic); @temporalio/worker
// (src/workflow/vm-shared.ts, injectGlobals) adds only URL, URLSearchParams, TextEncoder,
// TextDecoder, AbortController, assert and a replay-aware console. Everything else Node gives a
// module is simply absent in there, so it fails at run time or, worse, only on replay.
const SANDBOX_MISSING_GLOBALS = [
  'process',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'Buffer',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'performance',
  'fetch',
  'crypto',
  'navigator',
].map((name) => ({
  name,
  message: 'Not available in the Temporal workflow sandbox: use @temporalio/workflow (sleep, uuid4, workflowInfo) or an activity.',
}));
const SANDBOX_THROWING_GLOBALS = ['WeakRef', 'FinalizationRegistry'].map((name) => ({
  name,
  message: 'Throws DeterminismViolationError in the workflow sandbox: garbage collection is not deterministic.',
}));

export default defineConfig(
  globalIgnores(['**/node_modules/', 'dist/', '.tools/', '.data/', 'coverage/', 'var/', 'prisma/generated/', 'examples/api-client/generated/', 'bench/results/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'bank-flows/typescript',
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: {
        // Type information for the promise rules, from the nearest tsconfig (the root one, or
        // apps/cabinet's and examples/api-client's for those); prisma.config.ts has none.
        projectService: { allowDefaultProject: ['prisma.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its errors and, in a workflow, its place in history.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `{ dropped, ...rest }` is how the code omits fields.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Every control-character class here is on purpose: text value objects and the fuzzer
      // reject or produce exactly those characters.
      'no-control-regex': 'off',
    },
  },
  {
    name: 'bank-flows/tooling',
    files: ['bench/**', 'test/**'],
    rules: {
      // Bench and e2e helpers read untyped JSON replies (`Reply<T = any>`) the way a cabinet
      // would; the shipped code (apps, libs, workflows) stays without `any`.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  {
    name: 'bank-flows/cabinet',
    // The reference cabinet runs in a browser (React 19, bundled by Vite, which polyfills no Node
    // API); only its vite.config.mts runs in Node. No React lint plugin is installed.
    files: ['apps/cabinet/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((name) => [name, `node:${name}`]).map((name) => ({
            name,
            message: 'The cabinet runs in a browser.',
            allowTypeImports: true,
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global'].map((name) => ({ name, message: 'The cabinet runs in a browser.' })),
      ],
    },
  },

  {
    name: 'bank-flows/javascript',
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'bank-flows/commonjs',
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    name: 'bank-flows/workflow-sandbox',
    files: SANDBOX_FILES,
    ignores: SPECS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((name) => [name, `node:${name}`]).map((name) => ({
            name,
            message: 'Node built-ins do not exist in the Temporal workflow sandbox: do I/O in an activity.',
            allowTypeImports: true,
          })),
          patterns: [
            {
              group: ['@temporalio/activity', '@temporalio/client', '@temporalio/worker', '@temporalio/testing'],
              message: "Temporal's activity, client, worker and testing packages need Node: workflow code uses @temporalio/workflow.",
              allowTypeImports: true,
            },
            {
              group: ['pg', '@prisma/*', '**/apps/**', '**/libs/infra/**', '@infra/*'],
              message: 'Workflow code must not reach I/O: call an activity through its contract.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...SANDBOX_MISSING_GLOBALS, ...SANDBOX_THROWING_GLOBALS],
      'no-restricted-properties': [
        'error',
        ...['process', 'crypto', 'performance', 'fetch', 'setImmediate', 'require', 'Buffer'].map((property) => ({
          object: 'globalThis',
          property,
          message: 'Not available in the Temporal workflow sandbox.',
        })),
      ],
    },
  },
);
