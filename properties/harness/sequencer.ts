/**
 * jest's test sequencer for theorycheck (jest.config.ts `testSequencer`, through jest-sequencer.cjs):
 * jest's own ordering, and `--shard i/n` balanced by the last run's per-file durations
 * (reports/durations.ts; shard.ts) instead of jest's hash split, so that the shards of a CI matrix
 * end at about the same time.
 */
import * as path from 'node:path';
import Sequencer, { type ShardOptions } from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';
import { durationsFor } from '../../reports/durations';
import { OUT_DIR } from '../../reports/records';
import { settings } from '../settings';
import { balancedShard } from './shard';

export default class TheorycheckSequencer extends Sequencer {
  override shard(tests: Test[], options: ShardOptions): Test[] {
    const s = settings();
    const files = durationsFor(path.resolve(s.outDir ?? OUT_DIR), s.profile).files;
    const root = path.resolve(__dirname, '..', '..');
    return balancedShard(tests, (p) => files[path.relative(root, p)], options.shardIndex, options.shardCount);
  }
}
