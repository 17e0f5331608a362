/**
 * The engine's contracts, applied to every unit through the shared helpers of
 * engine/testing/contracts.ts:
 *
 * 1. determinism: every unit that takes a seed or a stream gives bitwise-identical numbers for the
 *    same seed and different numbers for another seed;
 * 2. validation: bad input is an Error naming the parameter (and its allowed range where the unit
 *    states one) — 1–3 bad inputs per unit, chosen from each unit's own checks;
 * 3. every backend: the tfjs units (trainer, length measurements, activations) give the same numbers
 *    on every backend available here (wasm, cpu; tensorflow when @tensorflow/tfjs-node is installed)
 *    within float32 tolerance.
 *
 * The helpers themselves are tested first: each must fail when its contract is broken.
 */
import * as tf from '@tensorflow/tfjs';
import { initEngine } from './backend';
import { RandomStream } from './random/stream';
import { deriveSeed } from './random/seed';
import { parseWeightLaw, sampleLaw, WEIGHT_LAWS } from './init/laws';
import { he, type InitScheme } from './init/initializer';
import { sampleRaiParams } from './init/rai';
import { sampleDataDependentParams } from './init/data-dependent';
import { sampleSmallInit, type InitScale } from './condensation/small-init';
import { validateStageRule, type InitialStageRule } from './condensation/initial-stage';
import { validateRules } from './condensation/orientations';
import { sampleNet64 } from './geometry/net64';
import { lineRegions } from './geometry/line-regions';
import { planeRegions, squareSlice } from './geometry/plane-regions';
import { statesAtPoint } from './measure/neuron-states';
import { measureLengths } from './measure/lengths';
import { measureResidualLengths } from './measure/residual-lengths';
import { measureConvLengths } from './measure/conv-lengths';
import { sampleDenseParams, sampleGaussianParams, type DenseParams64 } from './train/params';
import { applyTrainActivation, validateTrainActivation, type TrainActivation } from './train/activations';
import { trainEnsemble, type OptimizerSpec, type TrainOptions } from './train/train';
import { expectDeterministic, expectValidation, forEachBackend, KNOWN_BACKENDS, maxDifference, namesParameter, type Numbers } from './testing/contracts';

beforeAll(async () => {
  await initEngine();
});

// ---------------------------------------------------------------------------------------------
// Fixtures

const flat = (p: DenseParams64): number[] => p.layers.flatMap((l) => [...l.weights, ...l.biases]);
const fill = (n: number, f: (out: Float64Array) => void): Float64Array => {
  const out = new Float64Array(n);
  f(out);
  return out;
};
const heBias: InitScheme = { ...he(), bias: { law: 'gaussian', std: 0.1 } };
const denseSpec = (widths: number[], init: InitScheme = heBias) => ({ widths, init, activation: { kind: 'relu' } as const });
const ddiInputs = Float64Array.of(0.1, -0.4, 0.7, 0.2, -0.9, 0.5, 0.3, 0.3);
const lengthInputs = Float32Array.of(1, -2, 0.5, 0.25, -1, 2);
const residualInputs = Float32Array.of(1, -2, 0.5, 3, 0.25, -1, 2, -0.5);
const convInputs = Float32Array.from({ length: 2 * 8 }, (_, i) => Math.sin(1 + i));

/** A tiny training problem drawn from `seed`: 2 nets [2, 4, 3, 1], 5 points. */
function tinyProblem(seed: number): Pick<TrainOptions, 'params' | 'data'> {
  const s = new RandomStream(seed);
  const params = [0, 1].map(() => sampleDenseParams(denseSpec([2, 4, 3, 1]), s));
  const inputs = fill(10, (x) => s.fillUniform(x));
  const targets = fill(5, (y) => s.fillNormal(y, 0.5));
  return { params, data: { inputs, targets } };
}

const trainedNumbers = async (options: TrainOptions): Promise<number[]> => {
  const r = await trainEnsemble(options);
  return [...r.finalLoss, ...r.finalParams.flatMap(flat), ...r.checkpoints.flatMap((c) => [...c.loss])];
};

// ---------------------------------------------------------------------------------------------
// The helpers fail when their contract is broken

describe('contract helpers', () => {
  it('expectDeterministic accepts a seeded run and rejects a run that ignores its seed or is not reproducible', async () => {
    const report = await expectDeterministic((seed) => fill(8, (x) => new RandomStream(seed).fillNormal(x)), { seeds: [3, 4] });
    expect(report).toEqual({ seeds: [3, 4], length: 8, differing: 8 });
    await expect(expectDeterministic(() => [1, 2, 3], { label: 'constant' })).rejects.toThrow('constant: seeds 1 and 2 gave identical numbers (3 of them): the seed is not used');
    let calls = 0;
    await expect(expectDeterministic((seed) => [seed, calls++])).rejects.toThrow('not deterministic: seed 1 gave 0 at index 1, then 1');
    await expect(expectDeterministic(async (seed) => [seed, Number.NaN])).resolves.toMatchObject({ differing: 1 });
    await expect(expectDeterministic(() => [], {})).rejects.toThrow('returned no numbers');
    await expect(expectDeterministic((s) => [s], { seeds: [5, 5] })).rejects.toThrow('needs two different seeds');
  });

  it('expectValidation accepts an error naming the parameter and its range, sync or async, and rejects anything else', async () => {
    const bad = (): never => {
      throw new Error('optimizer.lr must be a finite number > 0; got -1');
    };
    await expect(expectValidation(bad, 'optimizer.lr', '> 0')).resolves.toBeInstanceOf(Error);
    await expect(expectValidation(() => Promise.reject(new Error('steps must be an integer in [0, 10]; got -1')), 'steps', '[0, 10]')).resolves.toBeDefined();
    await expect(expectValidation(() => 1, 'lr')).rejects.toThrow('expected a validation error naming "lr", but the call succeeded');
    await expect(expectValidation(bad, 'epsilon')).rejects.toThrow('the error does not name the parameter "epsilon"');
    await expect(expectValidation(bad, 'optimizer.lr', '≥ 0')).rejects.toThrow('not its allowed range "≥ 0"');
    await expect(
      expectValidation(() => {
        throw 'a string';
      }, 'x'),
    ).rejects.toThrow('expected an Error naming "x"; got a thrown string');
  });

  it('namesParameter matches whole names only', () => {
    expect(namesParameter('widths[1] must be an integer', 'widths[1]')).toBe(true);
    expect(namesParameter('widths[1] must be an integer', 'widths')).toBe(true);
    expect(namesParameter('activation.slope must be in [0, 1)', 'lr')).toBe(false);
    expect(namesParameter('std[0] must be ≥ 0', 'std')).toBe(true);
    expect(namesParameter('init.std must be ≥ 0', 'std')).toBe(true);
    expect(namesParameter('stdev must be ≥ 0', 'std')).toBe(false);
  });

  it('forEachBackend runs on wasm and cpu, skips an uninstalled tensorflow with its reason, and restores the backend (also after a throw)', async () => {
    const before = tf.getBackend();
    const { runs, skipped } = await forEachBackend(KNOWN_BACKENDS, (b) => [b, tf.getBackend()]);
    expect(runs.map((r) => r.backend)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
    for (const r of runs) expect(r.result).toEqual([r.backend, r.backend]);
    for (const s of skipped) expect(s.reason).not.toBe('');
    expect([...runs.map((r) => r.backend), ...skipped.map((s) => s.backend)].sort()).toEqual([...KNOWN_BACKENDS].sort());
    expect(tf.getBackend()).toBe(before);
    await expect(
      forEachBackend(['cpu'], () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(tf.getBackend()).toBe(before);
    expect((await forEachBackend(['no-such-backend'], () => 1)).skipped).toEqual([{ backend: 'no-such-backend', reason: 'no tfjs backend "no-such-backend" is registered' }]);
  });

  it('maxDifference measures |a − b| / (atol + rtol·|b|) and refuses mismatched shapes or non-finite disagreements', () => {
    expect(maxDifference([1, 2, 3], [1, 2.002, 3], { rtol: 1e-3, atol: 0 })).toMatchObject({ index: 1, a: 2, b: 2.002 });
    expect(maxDifference([1, 2, 3], [1, 2.002, 3], { rtol: 1e-3, atol: 0 }).ratio).toBeCloseTo(0.002 / 0.002002, 12);
    expect(maxDifference([Number.NaN], [Number.NaN], { rtol: 0, atol: 0 }).ratio).toBe(0);
    expect(() => maxDifference([1], [1, 2], { rtol: 0, atol: 0 })).toThrow('differ in length');
    expect(() => maxDifference([1], [Infinity], { rtol: 1, atol: 1 })).toThrow('index 0: 1 vs Infinity');
  });
});

// ---------------------------------------------------------------------------------------------
// 1. Determinism

const seededUnits: [string, (seed: number) => Numbers | Promise<Numbers>][] = [
  ['RandomStream.fillNormal', (seed) => fill(64, (x) => new RandomStream(seed).fillNormal(x, 2))],
  ['RandomStream.fillUniform', (seed) => fill(64, (x) => new RandomStream(seed).fillUniform(x, 3))],
  ['RandomStream.fillTruncatedNormal', (seed) => fill(64, (x) => new RandomStream(seed).fillTruncatedNormal(x, 1, 0.5))],
  [
    'RandomStream scalar draws (nextUint32, nextFloat64, nextInt)',
    (seed) => {
      const s = new RandomStream(seed);
      return Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? s.nextUint32() : i % 3 === 1 ? s.nextFloat64() : s.nextInt(1000)));
    },
  ],
  ...WEIGHT_LAWS.map((law): [string, (seed: number) => Numbers] => [`sampleLaw(${law})`, (seed) => {
    const out = new Float32Array(40);
    sampleLaw(new RandomStream(seed), law, 0.3, out, 5, 30);
    return out;
  }]),
  ['deriveSeed', (seed) => [deriveSeed(seed, 'a'), deriveSeed(seed, 'claim', { width: 3 })]],
  ['sampleDenseParams (He, Gaussian biases)', (seed) => flat(sampleDenseParams(denseSpec([3, 5, 4, 2]), new RandomStream(seed)))],
  ['sampleDenseParams (uniform, zero biases)', (seed) => flat(sampleDenseParams(denseSpec([3, 5, 1], he('uniform')), new RandomStream(seed)))],
  ['sampleGaussianParams', (seed) => flat(sampleGaussianParams([2, 6, 1], [0.5, 1e-3], new RandomStream(seed)))],
  ['sampleRaiParams (RAI)', (seed) => flat(sampleRaiParams([3, 6, 6, 1], new RandomStream(seed)))],
  ['sampleDataDependentParams (DDI)', (seed) => flat(sampleDataDependentParams(denseSpec([2, 6, 4, 1]), ddiInputs, new RandomStream(seed)))],
  ['sampleSmallInit', (seed) => flat(sampleSmallInit([1, 20, 1], { kind: 'std-power', gamma: 1.5 }, new RandomStream(seed)))],
  ['sampleNet64 + lineRegions (breakpoints)', (seed) => lineRegions(sampleNet64(denseSpec([2, 8, 8]), new RandomStream(seed)), { x0: [-1, 0.3], u: [1, 0.2], t0: 0, t1: 2 }).breakpoints],
  [
    'sampleNet64 + planeRegions (count, areas, per-layer counts)',
    (seed) => {
      const r = planeRegions(sampleNet64(denseSpec([2, 6, 6]), new RandomStream(seed)), squareSlice([0, 0], 1));
      return [r.count, r.totalArea, ...r.layerCounts];
    },
  ],
  ['sampleNet64 + statesAtPoint', (seed) => statesAtPoint(sampleNet64(denseSpec([2, 12, 12, 12]), new RandomStream(seed)), [0.4, -0.7]).active],
  ['measureLengths', async (seed) => (await measureLengths({ network: denseSpec([3, 8, 8]), inputs: lengthInputs, nets: 3, seed })).logM],
  ['measureResidualLengths', async (seed) => (await measureResidualLengths({ width: 4, etas: [0.5, 0.25], inputs: residualInputs, nets: 3, seed })).logM],
  ['measureConvLengths', async (seed) => (await measureConvLengths({ channels: [2, 3, 3], kernel: 3, length: 4, init: he(), inputs: convInputs, nets: 3, seed })).logM],
  [
    'trainEnsemble (Adam, tanh; problem drawn from the seed)',
    (seed) => trainedNumbers({ ...tinyProblem(seed), activation: { kind: 'tanh' }, optimizer: { kind: 'adam', lr: 1e-2 }, steps: 4, checkpoints: [2] }),
  ],
  [
    'trainEnsemble (SGD, relu + softplus, loop strategy)',
    (seed) => trainedNumbers({ ...tinyProblem(seed), activation: [{ kind: 'relu' }, { kind: 'softplus' }], optimizer: { kind: 'sgd', lr: 0.05 }, steps: 4, strategy: 'loop' }),
  ],
];

describe('contract 1: the same seed gives the same numbers, another seed different ones', () => {
  it.each(seededUnits)('%s', async (label, run) => {
    const report = await expectDeterministic(run, { label, seeds: [11, 12] });
    expect(report.differing).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Validation

const stageRule: InitialStageRule = { amplitude: 2, minGrowthForStall: 1.5, stallGrowth: 0.01, stallWindow: 20, every: 10, maxSteps: 100 };
const trainOk = (): TrainOptions => ({ ...tinyProblem(1), activation: { kind: 'tanh' }, optimizer: { kind: 'adam', lr: 1e-3 }, steps: 2 });
const adam = (over: Partial<Extract<OptimizerSpec, { kind: 'adam' }>>): OptimizerSpec => ({ kind: 'adam', lr: 1e-3, ...over });
const net = () => sampleNet64(denseSpec([2, 4, 4]), new RandomStream(1));

/** [unit, bad input, the call, parameter, allowed range]. */
const badInputs: [string, string, () => unknown, string, string | undefined][] = [
  ['RandomStream', 'seed −1', () => new RandomStream(-1), 'seed', '[0, 4294967295]'],
  ['RandomStream', 'seed 0.5', () => new RandomStream(0.5), 'seed', '[0, 4294967295]'],
  ['RandomStream', 'seed 2³²', () => new RandomStream(2 ** 32), 'seed', '[0, 4294967295]'],
  ['RandomStream.nextInt', 'bound 0', () => new RandomStream(1).nextInt(0), 'bound', '[1, 4294967295]'],
  ['RandomStream.fillTruncatedNormal', 'bound 0', () => new RandomStream(1).fillTruncatedNormal(new Float64Array(4), 1, 0), 'bound', '> 0'],
  ['parseWeightLaw', 'law "cauchy"', () => parseWeightLaw('cauchy', 'init.law'), 'init.law', 'gaussian, uniform, truncated-normal'],
  ['sampleDenseParams', 'width 0', () => sampleDenseParams(denseSpec([2, 0, 1]), new RandomStream(1)), 'widths[1]', '[1, 100000]'],
  [
    'sampleDenseParams',
    'variance scale −2',
    () => sampleDenseParams(denseSpec([2, 3, 1], { law: 'gaussian', variance: { scale: -2 }, bias: { law: 'zero' } }), new RandomStream(1)),
    'init.variance.scale',
    '(0, 1000000]',
  ],
  ['sampleDenseParams', 'bias std −1', () => sampleDenseParams(denseSpec([2, 3, 1], { ...he(), bias: { law: 'gaussian', std: -1 } }), new RandomStream(1)), 'init.bias.std', '≥ 0'],
  ['sampleGaussianParams', 'std −1', () => sampleGaussianParams([1, 5, 1], -1, new RandomStream(1)), 'std', '≥ 0'],
  ['sampleGaussianParams', 'one std for two layers', () => sampleGaussianParams([1, 5, 1], [0.5], new RandomStream(1)), 'std', undefined],
  ['sampleRaiParams', 'no layer', () => sampleRaiParams([3], new RandomStream(1)), 'widths', 'depth ≥ 1'],
  ['sampleRaiParams', 'width 0', () => sampleRaiParams([3, 0, 1], new RandomStream(1)), 'widths[1]', '[1, 100000]'],
  ['sampleDataDependentParams', 'inputs not n × n_0', () => sampleDataDependentParams(denseSpec([2, 4, 1]), [0.1, 0.2, 0.3], new RandomStream(1)), 'inputs', 'n × n_0'],
  ['sampleDataDependentParams', 'epsilon 0', () => sampleDataDependentParams(denseSpec([2, 4, 1]), ddiInputs, new RandomStream(1), undefined, 0), 'epsilon', '> 0'],
  ['sampleSmallInit', 'γ = 0', () => sampleSmallInit([1, 10, 1], { kind: 'variance-power', gamma: 0 }, new RandomStream(1)), 'init.gamma', '(0, 8]'],
  ['sampleSmallInit', 'variance 2', () => sampleSmallInit([1, 10, 1], { kind: 'variance', variance: 2 }, new RandomStream(1)), 'init.variance', '(0, 1]'],
  ['sampleSmallInit', 'unknown kind', () => sampleSmallInit([1, 10, 1], { kind: 'fan-in' } as unknown as InitScale, new RandomStream(1)), 'init.kind', 'variance-power, std-power, variance, std'],
  ['lineRegions', 'zero direction', () => lineRegions(net(), { x0: [0, 0], u: [0, 0], t0: 0, t1: 1 }), 'segment.u', 'non-zero'],
  ['lineRegions', 't0 ≥ t1', () => lineRegions(net(), { x0: [0, 0], u: [1, 0], t0: 1, t1: 1 }), 't0', 't0 < t1'],
  ['lineRegions', 'x0 of the wrong dimension', () => lineRegions(net(), { x0: [0], u: [1, 0], t0: 0, t1: 1 }), 'segment.x0', 'input dimension 2'],
  ['planeRegions', 'parallel u, v', () => planeRegions(net(), { origin: [0, 0], u: [1, 1], v: [2, 2] }), 'slice.u', 'linearly independent'],
  ['planeRegions', 'non-convex domain', () => planeRegions(net(), { origin: [0, 0], u: [1, 0], v: [0, 1], domain: [0, 0, 1, 0, 0.2, 0.2, 0, 1] }), 'slice.domain', 'convex'],
  ['statesAtPoint', 'x of the wrong dimension', () => statesAtPoint(net(), [1, 2, 3]), 'x', "input dimension 2"],
  ['measureLengths', 'nets 0', () => measureLengths({ network: denseSpec([3, 4]), inputs: lengthInputs, nets: 0, seed: 1 }), 'nets', '≥ 1'],
  ['measureLengths', 'zero input', () => measureLengths({ network: denseSpec([3, 4]), inputs: new Float32Array(3), nets: 1, seed: 1 }), 'inputs[0]', undefined],
  ['measureResidualLengths', 'η < 0', () => measureResidualLengths({ width: 4, etas: [0.5, -1], inputs: residualInputs, nets: 1, seed: 1 }), 'etas[1]', '≥ 0'],
  ['measureResidualLengths', 'width 0', () => measureResidualLengths({ width: 0, etas: [0.5], inputs: residualInputs, nets: 1, seed: 1 }), 'width', '[1, 100000]'],
  ['measureConvLengths', 'even kernel', () => measureConvLengths({ channels: [2, 3], kernel: 2, length: 4, init: he(), inputs: convInputs, nets: 1, seed: 1 }), 'kernel', 'odd integer'],
  ['trainEnsemble', 'lr −1', () => trainEnsemble({ ...trainOk(), optimizer: { kind: 'sgd', lr: -1 } }), 'optimizer.lr', '> 0'],
  ['trainEnsemble', 'β2 = 1', () => trainEnsemble({ ...trainOk(), optimizer: adam({ beta2: 1 }) }), 'optimizer.beta2', '[0, 1)'],
  ['trainEnsemble', 'β1 = −0.1', () => trainEnsemble({ ...trainOk(), optimizer: adam({ beta1: -0.1 }) }), 'optimizer.beta1', '[0, 1)'],
  ['trainEnsemble', 'ε = 0', () => trainEnsemble({ ...trainOk(), optimizer: adam({ epsilon: 0 }) }), 'optimizer.epsilon', '> 0'],
  ['trainEnsemble', 'steps −1', () => trainEnsemble({ ...trainOk(), steps: -1 }), 'steps', '[0, 10000000]'],
  ['trainEnsemble', 'leaky slope 1', () => trainEnsemble({ ...trainOk(), activation: { kind: 'leaky-relu', slope: 1 } }), 'activation.slope', '[0, 1)'],
  ['validateTrainActivation', 'unknown kind', () => validateTrainActivation({ kind: 'gelu' } as unknown as TrainActivation), 'activation.kind', 'relu, leaky-relu, linear'],
  ['validateStageRule', 'every 0', () => validateStageRule({ ...stageRule, every: 0 }), 'stageRule.every', 'an integer ≥ 1'],
  ['validateRules', 'cosine threshold 1', () => validateRules({ negligibleFraction: 0.1, cosineThreshold: 1 }), 'rules.cosineThreshold', '(0, 1)'],
];

describe('contract 2: bad input is an Error naming the parameter and its range', () => {
  it.each(badInputs)('%s: %s', async (_unit, _what, call, parameter, range) => {
    await expectValidation(call, parameter, range);
  });

  it('validation leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await expectValidation(() => trainEnsemble({ ...trainOk(), optimizer: adam({ beta2: 1 }) }), 'optimizer.beta2');
    expect(tf.memory().numTensors).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Every backend

/**
 * Tolerances across backends. Each backend computes in float32 but with its own kernels (summation
 * order, exp/log/expm1), so values differ by a few float32 ulps (2^-24 ≈ 6e-8) per op. A loss or a
 * parameter after a few steps goes through ~10–20 ops: rtol 4e-6 (64 ulps) plus atol 4e-7 for
 * values near 0 (measured: ≤ 2 ulps, a 10× margin). Adam runs only one step with a large ε below:
 * its update ≈ lr·sign(g) turns an ulp-level difference of a near-zero gradient into a full step.
 */
const ACROSS = { rtol: 4e-6, atol: 4e-7 };

async function expectSameOnEveryBackend(run: () => Promise<Numbers> | Numbers, tolerance = ACROSS): Promise<string[]> {
  const { runs } = await forEachBackend(KNOWN_BACKENDS, async () => Array.from(await run()));
  expect(runs.length).toBeGreaterThanOrEqual(2);
  const [reference, ...others] = runs;
  for (const other of others) {
    const d = maxDifference(other.result, reference.result, tolerance);
    if (d.ratio > 1) throw new Error(`${other.backend} vs ${reference.backend}: index ${d.index}: ${d.a} vs ${d.b} (${d.ratio.toFixed(1)}× the tolerance)`);
  }
  return runs.map((r) => r.backend);
}

describe('contract 3: the tfjs units give the same numbers on every backend (float32 tolerance)', () => {
  it.each(['batched', 'loop'] as const)('trainEnsemble (%s): forward loss at step 0 and 5 SGD steps, for every activation family', async (strategy) => {
    const acts: (TrainActivation | TrainActivation[])[] = [{ kind: 'relu' }, { kind: 'tanh' }, [{ kind: 'x2tanh' }, { kind: 'sigmoid' }], [{ kind: 'softplus' }, { kind: 'xtanh' }], { kind: 'leaky-relu', slope: 0.2 }];
    const ran = await expectSameOnEveryBackend(async () => {
      const out: number[] = [];
      for (const activation of acts) {
        const r = await trainEnsemble({ ...tinyProblem(7), activation, optimizer: { kind: 'sgd', lr: 0.05 }, steps: 5, checkpoints: [0], strategy });
        out.push(...r.checkpoints[0].loss, ...r.finalLoss, ...r.finalParams.flatMap(flat));
      }
      return out;
    });
    expect(ran).toContain('cpu');
  });

  it('trainEnsemble: one Adam step with ε = 1e-3 (the update lr·g/(|g| + ε) is lr/ε-Lipschitz in g, so float32 noise stays float32-sized)', async () => {
    await expectSameOnEveryBackend(async () => {
      const r = await trainEnsemble({ ...tinyProblem(8), activation: { kind: 'tanh' }, optimizer: { kind: 'adam', lr: 1e-3, epsilon: 1e-3 }, steps: 1 });
      return [...r.finalLoss, ...r.finalParams.flatMap(flat)];
    });
  });

  it('measureLengths, measureResidualLengths and measureConvLengths: log-length traces', async () => {
    // log M is carried per layer: an absolute tolerance on the log (1e-5 over ≤ 3 layers).
    const tolerance = { rtol: 0, atol: 1e-5 };
    await expectSameOnEveryBackend(async () => (await measureLengths({ network: denseSpec([3, 16, 16, 16]), inputs: lengthInputs, nets: 4, seed: 5 })).logM, tolerance);
    await expectSameOnEveryBackend(async () => (await measureResidualLengths({ width: 4, etas: [0.5, 0.25], inputs: residualInputs, nets: 4, seed: 5 })).logM, tolerance);
    await expectSameOnEveryBackend(
      async () => (await measureConvLengths({ channels: [2, 3, 3], kernel: 3, length: 4, init: he(), inputs: convInputs, nets: 4, seed: 5 })).logM,
      tolerance,
    );
  });

  it('applyTrainActivation: every activation on a grid over [−20, 20]', async () => {
    const grid = Float32Array.from({ length: 401 }, (_, i) => -20 + 0.1 * i + 0.0123);
    const acts: TrainActivation[] = [{ kind: 'relu' }, { kind: 'leaky-relu', slope: 0.1 }, { kind: 'tanh' }, { kind: 'sigmoid' }, { kind: 'softplus' }, { kind: 'xtanh' }, { kind: 'x2tanh' }];
    // Values: a few ulps relative; atol 1e-7 covers sigmoid/softplus rounding near their floor.
    await expectSameOnEveryBackend(() => tf.tidy(() => acts.flatMap((a) => Array.from(applyTrainActivation(a, tf.tensor1d(grid)).dataSync()))), { rtol: 1e-6, atol: 1e-7 });
  });
});
