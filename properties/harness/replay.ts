/** The one-line shell command that replays a property with the same seeds. */
import * as path from 'node:path';
import { REPLAY_PATH_ENV, SEED_ENV } from '../settings';

const ROOT = path.resolve(__dirname, '..', '..');

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** `replayed`: the THEORYCHECK_* variables of the run that change its numbers (settings().replayed). */
export function replayLine(opts: { masterSeed: number; testFile: string; testName: string; fcPath?: string; replayed?: Record<string, string> }): string {
  const vars = [`${SEED_ENV}=${opts.masterSeed}`];
  for (const [name, v] of Object.entries(opts.replayed ?? {})) vars.push(`${name}=${quote(v)}`);
  if (opts.fcPath !== undefined) vars.push(`${REPLAY_PATH_ENV}=${opts.fcPath}`);
  const file = path.relative(ROOT, opts.testFile);
  return `${vars.join(' ')} npx jest ${file} -t ${quote(opts.testName)}`;
}
