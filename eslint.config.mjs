// Lint does the policing (docs/style.md practice 15): module boundaries between Nx projects, a deterministic
// sandbox for workflows/, awaited promises, type-only imports where they are safe, no import cycles and no
// focused or skipped tests. `npm run lint` runs this with --max-warnings 0, so every rule here is an error.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import jest from 'eslint-plugin-jest';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

// @nx/enforce-module-boundaries only reads the cached project graph in .nx/ and silently skips itself when
// there is none (a fresh clone, CI) or uses a stale one (a new project or import). Compute it first, so
// that `eslint .` alone always checks the boundaries against the current tree.
await createProjectGraphAsync({ exitOnError: true });

// apps/web is TSX (React) with its own tsconfig.json, found by the project service like any other.
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];

/**
 * Who may import whom, by project tag (importer → imported). docs/style.md "Layout and dependency direction".
 * Tags live in each project.json. Every project must match at least one source tag, or Nx refuses any
 * import it makes.
 */
const allowed = {
  // The API's Temporal client sends the workflows' messages (Updates, Queries, search attributes).
  'scope:api': ['type:contracts', 'type:workflow-messages', 'type:domain', 'type:persistence', 'type:config', 'type:sealing'],
  'scope:worker': ['type:composition', 'type:persistence', 'type:contracts', 'type:workflow-messages', 'type:domain', 'type:config', 'type:sealing'],
  // A composition root kept as a library only so that the tests can start the very worker production runs
  // (libs/worker-runtime: the workflow bundle, activities bound to repositories). It sits above everything it
  // composes, so no tag but the worker app's (and test code's) may import it.
  'type:composition': ['type:workflows', 'type:activities', 'type:persistence', 'type:contracts', 'type:workflow-messages', 'type:domain', 'type:config', 'type:sealing'],
  // activities is allowed here for `import type` only: Nx does not tell type imports from value imports,
  // so the workflows block below forbids value imports of @dandang/activities.
  'type:workflows': ['type:contracts', 'type:workflow-messages', 'type:domain', 'type:activities'],
  'type:activities': ['type:persistence', 'type:domain', 'type:contracts', 'type:config', 'type:sealing'],
  'type:persistence': ['type:domain', 'type:contracts', 'type:config', 'type:sealing'],
  'type:domain': ['type:contracts'],
  'type:contracts': [],
  // Temporal's Update, Signal and Query definitions and search attribute keys: for the worker, the workflows and the
  // API's Temporal client, never the browser.
  'type:workflow-messages': ['type:contracts'],
  // The officers' web application talks to the API over HTTP; it shares the plain contracts and the pure domain
  // (the fault-tolerance recommendation is computed by the very function the server runs).
  'type:web': ['type:contracts', 'type:domain'],
  // Master keys and envelope encryption: Node's crypto only. The configuration parses key files with it.
  'type:sealing': [],
  'type:config': ['type:sealing'],
  'type:embedded-services': ['type:contracts', 'type:config'],
  // Test-only helpers may use any library (Nx itself still forbids importing an app).
  'type:testing': ['*'],
};

/** Extra imports a project's own tests may make: the test helpers, and for workflow tests the read model. */
const allowedInTests = {
  'type:workflows': ['type:testing', 'type:persistence', 'type:activities'],
  'type:activities': ['type:testing'],
  'type:persistence': ['type:testing'],
  'type:domain': ['type:testing'],
  'type:contracts': ['type:testing'],
  'type:workflow-messages': ['type:testing'],
  'type:config': ['type:testing'],
  'type:sealing': ['type:testing'],
  'type:embedded-services': ['type:testing'],
  'scope:api': ['type:testing'],
  'scope:worker': ['type:testing'],
};

function boundaries(extra) {
  return [
    'error',
    {
      allow: [],
      enforceBuildableLibDependency: false,
      // A library's tests may use libs/testing, which itself imports that library. Those project-level
      // cycles exist only in test code (production code may not import type:testing at all), so they are
      // ignored; every other cycle between projects is an error.
      ignoredCircularDependencies: [['testing', '*']],
      depConstraints: Object.entries(allowed).map(([sourceTag, tags]) => ({
        sourceTag,
        onlyDependOnLibsWithTags: [...tags, ...(extra[sourceTag] ?? [])],
      })),
    },
  ];
}

/** Bare names of Node built-ins (`node:*` is a pattern below): a workflow runs in Temporal's sandbox. */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', '**/coverage/**', '.data/**', 'test-results/**', 'bench/results/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // Every JavaScript and TypeScript file.
  js.configs.recommended,
  ...nx.configs['flat/base'],

  // TypeScript, with type information from tsconfig.json (needed by no-floating-promises, and it lets
  // consistent-type-imports see emitDecoratorMetadata, see below).
  {
    files: TS_FILES,
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x parses the files it follows with the TypeScript parser and resolves the @dandang/* paths.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json', '.node'],
          tsconfig: { configFile: `${import.meta.dirname}/tsconfig.base.json` },
        }),
      ],
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries({}),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // With experimentalDecorators + emitDecoratorMetadata (tsconfig.base.json), typescript-eslint skips
      // every file that contains a decorator: a constructor-injected class or a DTO class there must stay a
      // value import, or its design:paramtypes metadata becomes `Object` and NestJS DI breaks at runtime.
      // So NestJS controllers, services, modules and DTOs are left alone; elsewhere type-only imports are
      // required. Never hand-write `import type` for a class a decorated constructor injects.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },

  // Workflows run inside Temporal's deterministic sandbox and are bundled by webpack: no Node built-ins, no
  // I/O libraries, no Temporal client or worker, and activities only as types.
  {
    files: ['workflows/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@dandang/activities',
              allowTypeImports: true,
              message: 'Workflows may import activities as types only: `import type { CaseActivities } from \'@dandang/activities\'` with proxyActivities<...>().',
            },
            ...nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in the workflow sandbox; do I/O in an activity.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'Node built-ins are not available in the workflow sandbox; do I/O in an activity.' },
            {
              group: ['typeorm', 'typeorm/*', 'pg', 'pg/*', '@nestjs/*', '@temporalio/worker', '@temporalio/worker/*', '@temporalio/client', '@temporalio/client/*'],
              message: 'Workflows are deterministic code: I/O, NestJS and the Temporal client/worker belong in activities or apps.',
            },
          ],
        },
      ],
    },
  },

  // The contracts and the domain are plain TypeScript that the server and the browser both run: no framework, no
  // Temporal, no Node built-ins, no I/O.
  {
    files: ['libs/contracts/**/*.ts', 'libs/domain/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The contracts and the domain run in the browser too: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'The contracts and the domain run in the browser too: no Node built-ins.' },
            {
              group: ['@temporalio/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*', '@nestjs/*', 'react', 'react/*', 'antd', 'antd/*'],
              message: 'The contracts and the domain are pure: Temporal messages live in @dandang/workflow-messages, I/O and frameworks in apps.',
            },
          ],
        },
      ],
    },
  },

  // The domain's concepts in layers: the calendar, access, notices and auth stand on nothing but the errors; deadlines on
  // the calendar; the case's procedure (case, aftercare, fault tolerance, which compose one another's action tables) on
  // those; policy publication on top. An import that runs back down this list is an error.
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: `${import.meta.dirname}/libs/domain/src`,
          zones: [
            ...['calendar', 'access', 'notices', 'auth'].map((target) => ({
              target: `./${target}`,
              from: ['./deadlines', './case', './aftercare', './fault-tolerance', './policy'],
              message: `${target}/ is a ground layer of the domain: it may import only ../errors and the contracts.`,
            })),
            {
              target: './deadlines',
              from: ['./case', './aftercare', './fault-tolerance', './policy', './access', './notices', './auth'],
              message: 'deadlines/ stands on the calendar alone.',
            },
            {
              target: ['./case', './aftercare', './fault-tolerance'],
              from: ['./policy'],
              message: 'policy/ (what may be published) stands above the procedure it configures.',
            },
          ],
        },
      ],
    },
  },

  // Tests: no focused or skipped tests; a project's tests may also use libs/testing.
  {
    files: TEST_FILES,
    plugins: { jest },
    languageOptions: { globals: jest.environments.globals.globals },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(allowedInTests),
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
    },
  },

  // CommonJS configuration files (jest.config.js).
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
);
