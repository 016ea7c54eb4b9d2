// Two projects: fast pure unit specs, and specs that need the real stack
// (PostgreSQL, Temporal dev server, MailDev) which test/setup/global-setup.ts brings up.
// The package aliases of tsconfig.paths.json (`@domain/*` → libs/domain/src/*): swc rewrites them
// as it compiles, which also covers the global setup (jest applies no moduleNameMapper there).
const { paths } = require('./tsconfig.paths.json').compilerOptions;
const swcConfig = require('./jest.swc.json');
const swc = ['@swc/jest', { ...swcConfig, jsc: { ...swcConfig.jsc, baseUrl: __dirname, paths } }];
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace('/*', '/(.*)')}$`, `<rootDir>/${target.replace('/*', '/$1')}`]),
);
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tools/', '<rootDir>/.data/'],
};
module.exports = {
  // With 2 cores jest would run every file inside its main process, whose heap then grows with each
  // file's Temporal workers, bundles and clients until it dies (4 GB after ~140 files). A limit makes
  // it run files in a worker process instead, replaced once a file leaves it above the limit.
  workerIdleMemoryLimit: '1536MB',
  // Integration specs wait on real timers and servers; each wait is bounded inside the spec.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps,workflows,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,workflows,test,prisma}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    },
  ],
};
