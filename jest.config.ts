import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/engine', '<rootDir>/theorems', '<rootDir>/properties', '<rootDir>/reports'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  maxWorkers: 2,
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/reports/jest-reporter.cjs'],
  watchPathIgnorePatterns: ['<rootDir>/reports/out/'],
};

export default config;
