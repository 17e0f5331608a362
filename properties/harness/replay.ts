/** The one-line shell command that replays a property with the same seeds. */
import * as path from 'node:path';
import { SEED_ENV } from '../../engine/random/seed';
import { BACKEND_ENV } from '../../engine/backend';
import { MUTANT_ENV } from '../../engine/mutants';
import { PROFILE_ENV } from '../profile';
import { ALPHA_ENV } from '../budget';

export const REPLAY_PATH_ENV = 'THEORYCHECK_REPLAY_PATH';

const ROOT = path.resolve(__dirname, '..', '..');

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function replayLine(opts: { masterSeed: number; testFile: string; testName: string; fcPath?: string; env?: NodeJS.ProcessEnv }): string {
  const env = opts.env ?? process.env;
  const vars = [`${SEED_ENV}=${opts.masterSeed}`];
  for (const name of [PROFILE_ENV, BACKEND_ENV, MUTANT_ENV, ALPHA_ENV]) {
    const v = env[name];
    if (v !== undefined && v !== '') vars.push(`${name}=${quote(v)}`);
  }
  if (opts.fcPath !== undefined) vars.push(`${REPLAY_PATH_ENV}=${opts.fcPath}`);
  const file = path.relative(ROOT, opts.testFile);
  return `${vars.join(' ')} npx jest ${file} -t ${quote(opts.testName)}`;
}
