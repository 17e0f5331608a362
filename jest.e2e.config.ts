import type { Config } from 'jest';
import base, { shared } from './jest.config';

/**
 * The end-to-end tests (`npm run test:e2e`; .ci/run runs them after the gate): the `theorycheck`
 * command through real jest runs in child processes (kill and resume, shards and merge, compare) and
 * the HTML report in a real browser — every `reports/…/*.e2e.ts`. Same reporters as the gate.
 */
const config: Config = {
  ...base,
  projects: [{ ...shared, displayName: 'e2e', roots: ['<rootDir>/reports'], testMatch: ['**/*.e2e.ts'] }],
  maxWorkers: 1,
  testTimeout: 300_000,
};

export default config;
