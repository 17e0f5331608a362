import * as path from 'node:path';
import { DEFAULT_JOBS, DEFAULT_OUT, DEFAULT_START, MAX_JOBS, parseShard, parseSweepArgs, sweepSeeds, UsageError } from './options';

const parse = (...argv: string[]) => parseSweepArgs(argv, '/repo');

describe('parseSweepArgs', () => {
  it('reads every option, resolving --out against the working directory', () => {
    expect(parse('--seeds', '30', '--start', '101', '--jobs', '1', '--out', 'tmp/s', '--shard', '2/3', '--resume')).toEqual({
      seeds: 30,
      start: 101,
      jobs: 1,
      out: path.resolve('/repo', 'tmp/s'),
      shard: { index: 2, count: 3 },
      resume: true,
      help: false,
    });
  });

  it('has defaults for everything but --seeds', () => {
    expect(parse('--seeds=5')).toEqual({
      seeds: 5,
      start: DEFAULT_START,
      jobs: DEFAULT_JOBS,
      out: path.resolve('/repo', DEFAULT_OUT),
      shard: { index: 1, count: 1 },
      resume: false,
      help: false,
    });
    expect(parse('--help').help).toBe(true);
  });

  it.each([
    [[], '--seeds is required: an integer in [1, 4294967295]'],
    [['--seeds', '0'], '--seeds must be an integer in [1, 4294967295]; got "0"'],
    [['--seeds', '2.5'], '--seeds must be an integer in [1, 4294967295]; got "2.5"'],
    [['--seeds', '3', '--start', '4294967294'], '--seeds must be an integer in [1, 2]; got "3"'],
    [['--seeds', '3', '--start=-1'], '--start must be an integer in [0, 4294967295]; got "-1"'],
    [['--seeds', '3', '--jobs', '0'], `--jobs must be an integer in [1, ${MAX_JOBS}]; got "0"`],
    [['--seeds', '3', '--jobs', 'two'], `--jobs must be an integer in [1, ${MAX_JOBS}]; got "two"`],
    [['--seeds', '3', '--shard', '0/2'], '--shard must be i/n with integers 1 ≤ i ≤ n; got "0/2"'],
    [['--seeds', '3', '--shard', '3/2'], '--shard must be i/n with integers 1 ≤ i ≤ n; got "3/2"'],
    [['--seeds', '3', '--shard', '4/5'], '--shard 4/5 selects no seed: i must be ≤ --seeds (3)'],
    [['--seeds', '3', '--out', ''], '--out must be a directory path; got an empty string'],
  ])('rejects %j: %s', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });

  it('rejects unknown options, missing values and positionals as UsageErrors naming them', () => {
    expect(() => parse('--seeds', '3', '--jobz', '2')).toThrow(UsageError);
    expect(() => parse('--seeds', '3', '--jobz', '2')).toThrow(/--jobz/);
    expect(() => parse('--seeds')).toThrow(/--seeds/);
    expect(() => parse('--seeds', '3', 'extra')).toThrow(UsageError);
  });
});

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
  });
});

describe('sweepSeeds', () => {
  it('lists S … S + K − 1', () => {
    expect(sweepSeeds({ start: 101, seeds: 3, shard: { index: 1, count: 1 } })).toEqual([101, 102, 103]);
  });

  it('splits the list into n disjoint shards that cover it', () => {
    const all = sweepSeeds({ start: 7, seeds: 10, shard: { index: 1, count: 1 } });
    const shards = [1, 2, 3].map((index) => sweepSeeds({ start: 7, seeds: 10, shard: { index, count: 3 } }));
    expect(shards).toEqual([
      [7, 10, 13, 16],
      [8, 11, 14],
      [9, 12, 15],
    ]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual(all);
  });

  it('reaches the largest uint32 seed', () => {
    expect(sweepSeeds({ start: 4294967294, seeds: 2, shard: { index: 1, count: 1 } })).toEqual([4294967294, 4294967295]);
  });
});
