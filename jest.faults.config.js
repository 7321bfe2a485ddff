/**
 * `npm run test:faults`: the engine's processes (built dist/) against a private redis-server and
 * mariadbd started by the suite on free ports, with workers, Redis and MariaDB killed mid-work.
 */
module.exports = {
  displayName: 'faults',
  rootDir: '.',
  roots: ['<rootDir>/test/faults'],
  testRegex: '.*\\.fault-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  testEnvironment: 'node',
  testTimeout: 360000,
};
