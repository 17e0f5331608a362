import type { Config } from 'jest';
import { readSettings } from './properties/settings';
import { invocationOf } from './reports/run-dir';

// The run's settings, read once here in jest's parent process (a fresh seed is exported to the workers).
const run = readSettings();
// Progress bars on a terminal, plain lines in CI and logs (reports/progress-reporter.ts).
const bars = process.stderr.isTTY === true && !process.env.CI;

export const shared = {
  testEnvironment: 'node',
  // SWC strips the types (type checking is `npm run typecheck`): a cold cache — every CI run from a
  // fresh clone — compiles each file in ~1 ms instead of ts-jest's tens.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
} as const;

/**
 * Two projects: `unit` (every `*.test.ts`: engine components, statistics, theorems, reports) and
 * `claims` (every `properties/<paper>/<claim>.claim.ts`: one paper claim with its reject twins).
 * `npm test` runs both (the gate); `npx jest --selectProjects claims` runs only the claims;
 * `npx jest properties/zhou-2022 --selectProjects claims` one paper (paths before the flag); a file path one claim.
 */
const config: Config = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/engine', '<rootDir>/theorems', '<rootDir>/properties', '<rootDir>/reports'], testMatch: ['**/*.test.ts'] },
    { ...shared, displayName: 'claims', roots: ['<rootDir>/properties'], testMatch: ['**/*.claim.ts'] },
  ],
  maxWorkers: 2,
  // --shard i/n balanced by the last run's durations (reports/durations.ts), not jest's hash split.
  testSequencer: '<rootDir>/properties/harness/jest-sequencer.cjs',
  testTimeout: 120_000,
  reporters: [
    // On a terminal the progress bars replace jest's per-file lines (jest's summary still lists failures).
    bars ? 'summary' : 'default',
    // Under GitHub Actions: failures as annotations on the lines that failed (jest's own reporter).
    ...(process.env.GITHUB_ACTIONS === 'true' ? [['github-actions', { silent: false }] as [string, Record<string, unknown>]] : []),
    [
      '<rootDir>/reports/jest-reporter.cjs',
      {
        masterSeed: run.masterSeed,
        freshSeed: run.freshSeed,
        profile: run.profile,
        alphaTotal: run.alpha,
        invocation: invocationOf(process.env),
        ...(run.outDir ? { outDir: run.outDir } : {}),
        ...(run.resumeDir ? { resumeDir: run.resumeDir } : {}),
      },
    ],
    // After the theorycheck reporter, which exports the run directory the progress files are in.
    ['<rootDir>/reports/jest-progress.cjs', { profile: run.profile, bars, workers: 2, ...(run.outDir ? { outDir: run.outDir } : {}) }],
  ],
  watchPathIgnorePatterns: ['<rootDir>/reports/out/'],
};

export default config;
