/**
 * Jest for the browser tests (test/browser): the production build of the pane, served on localhost, driven in
 * Debian's chromium. The build is made once per run in the global setup; files run one at a time (one browser each)
 * so the tests stay well inside two minutes on a two-core machine. `npm run test:browser`.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/"],
  roots: ["<rootDir>/test/browser"],
  globalSetup: "<rootDir>/test/browser/global-setup.ts",
  globalTeardown: "<rootDir>/test/browser/global-teardown.ts",
  maxWorkers: 1,
  testTimeout: 60_000,
};
