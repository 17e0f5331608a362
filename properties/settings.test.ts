import { DEFAULT_MASTER_SEED, DEFAULT_SUITE_ALPHA, parseSeed, readSettings } from './settings';
import { byProfile, type Profile } from './profile';

describe('settings: the one place environment variables are read', () => {
  it('defaults: fixed master seed, gate profile, α 1e-3, no backend or fault', () => {
    expect(readSettings({})).toEqual({ masterSeed: DEFAULT_MASTER_SEED, freshSeed: false, profile: 'gate', alpha: DEFAULT_SUITE_ALPHA, replayed: {} });
  });

  it('reads THEORYCHECK_SEED and rejects anything but a uint32 with a clear message', () => {
    expect(readSettings({ THEORYCHECK_SEED: '42' }).masterSeed).toBe(42);
    expect(() => parseSeed('-1')).toThrow('THEORYCHECK_SEED must be an integer in [0, 4294967295]; got "-1"');
    expect(() => parseSeed('1e3')).toThrow(/THEORYCHECK_SEED/);
    expect(() => readSettings({ THEORYCHECK_SEED: '4294967296' })).toThrow(/THEORYCHECK_SEED/);
  });

  it('draws a fresh seed once and exports it so child processes share it', () => {
    const env: NodeJS.ProcessEnv = { THEORYCHECK_FRESH_SEED: '1' };
    const first = readSettings(env);
    expect(first.freshSeed).toBe(true);
    expect(env.THEORYCHECK_SEED).toBe(String(first.masterSeed));
    expect(readSettings(env).masterSeed).toBe(first.masterSeed);
  });

  it('validates the profile and α, naming the variable and the allowed values', () => {
    expect(() => readSettings({ THEORYCHECK_PROFILE: 'fast' })).toThrow('THEORYCHECK_PROFILE must be one of gate, full, paper; got "fast"');
    expect(() => readSettings({ THEORYCHECK_ALPHA: '2' })).toThrow(/THEORYCHECK_ALPHA must be a number in \(0, 0.5\)/);
  });

  it('keeps the variables that change numbers for replay lines', () => {
    const s = readSettings({ THEORYCHECK_PROFILE: 'full', THEORYCHECK_MUTANT: 'he-fan-out', THEORYCHECK_BACKEND: 'cpu' });
    expect(s).toMatchObject({ profile: 'full', fault: 'he-fan-out', backend: 'cpu' });
    expect(s.replayed).toEqual({ THEORYCHECK_PROFILE: 'full', THEORYCHECK_MUTANT: 'he-fan-out', THEORYCHECK_BACKEND: 'cpu' });
  });
});

describe('settings: backend', () => {
  it('rejects an unknown THEORYCHECK_BACKEND naming the variable and the valid names', () => {
    expect(() => readSettings({ THEORYCHECK_BACKEND: 'gpu' })).toThrow('THEORYCHECK_BACKEND must be one of tensorflow, wasm, cpu; got "gpu"');
  });
});

describe('profiles', () => {
  it('paper is the full profile where a design value declares no paper setting', () => {
    const design = { gate: 1, full: 2 };
    expect(['gate', 'full', 'paper'].map((p) => byProfile(design, p as Profile))).toEqual([1, 2, 2]);
    expect(byProfile({ ...design, paper: 3 }, 'paper')).toBe(3);
  });
});
