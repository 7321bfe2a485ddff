/**
 * `npm test` runs unit specs beside the code and the integration/e2e suites on real MariaDB + Redis;
 * `npm run test:browser` runs the suites that drive a headless Chromium (test/browser).
 */
const tsJest = ['ts-jest', {}];
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: 'src',
      testRegex: '.*\\.spec\\.ts$',
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      roots: ['<rootDir>/test'],
      testRegex: '.*\\.e2e-spec\\.ts$',
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      displayName: 'browser',
      rootDir: '.',
      roots: ['<rootDir>/test/browser'],
      testRegex: '.*\\.browser-spec\\.ts$',
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
