/**
 * Zhou, Zhou, Luo, Zhang & Xu (2022): condensation of two-layer nets at initial training.
 *
 *   ZZLZX2022.Multiplicity.computed          computed p = declared p (exact)
 *   ZZLZX2022.Alignment.p1                   mean |cos(u_j, z)| ≥ 0.95 (GD, tiny init, no read-out bias), one-sided t
 *   ZZLZX2022.Orientations.at-most-2p        P(#orientations ≤ 2p) ≥ 0.75 (1-D), Clopper–Pearson
 * (monotone-in-p and small-vs-common init: condensation-trend.test.ts)
 *
 * Rules (stage end, negligible-norm filter, cosine threshold) are theorems/zhou-2022/rules.ts and
 * alignment.ts; every net draws from deriveSeed(configuration seed, 'net', e).
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { byProfile, sized } from '../profile';
import { histogram, mean, proportionWithCi, round } from '../harness/figure-data';
import { logUniform, integer } from '../harness/arbitraries';
import { exactEquality } from '../checks/exact-equality';
import { meanAtLeastPrediction } from '../checks/mean-vs-prediction';
import { proportionAtLeastPrediction } from '../checks/proportion';
import { getMutant } from '../../engine/mutants';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { activationMultiplicity, exactTaylorDerivatives, multiplicityNumber } from '../../engine/condensation/multiplicity';
import { angleHistogram, heatmap, meanAbsCosine } from '../../engine/condensation/orientations';
import { describeInitScale } from '../../engine/condensation/small-init';
import type { TrainActivation } from '../../engine/train/activations';
import { DECLARED_MULTIPLICITY, PAPER_ACTIVATIONS, randomDirectionMeanAbsCos } from '../../theorems/zhou-2022/paper';
import { multiplicityComputed, type MultiplicityConfig } from '../../theorems/zhou-2022/multiplicity';
import { alignmentLearningRate, alignmentP1, GD_STAGE_RULE, type AlignmentConfig } from '../../theorems/zhou-2022/alignment';
import { FIG5_SETTING, orientationsAtMost2p, STD_RANGE, type OrientationBoundConfig } from '../../theorems/zhou-2022/orientations-bound';
import { ADAM_STAGE_RULE, ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';
import { fig5Run, runCondensation, zDirection, type CondensationResult } from './condensation-experiment';

const FAMILY = 'zhou-2022/condensation';

// ---------------------------------------------------------------------------------------------
// 1. Multiplicity: exact, one configuration per activation.
claimProperty<MultiplicityConfig>({
  theorem: multiplicityComputed,
  family: FAMILY,
  file: __filename,
  configs: fc.constantFrom(...PAPER_ACTIVATIONS).map((activation) => ({ activation })),
  examples: PAPER_ACTIVATIONS.map((activation) => ({ activation })),
  numConfigs: { gate: 6, full: 6 },
  check: exactEquality,
  async experiment(c, ctx) {
    const r = activationMultiplicity({ kind: c.activation } as TrainActivation, ctx.mutant?.trainActivation);
    return {
      units: Float64Array.of(multiplicityNumber(r)),
      figures: r.applicable ? { derivativesAtZero: r.derivatives.map((v) => round(v, 8)), errorEstimates: r.errorEstimates.map((v) => Number(v.toPrecision(2))) } : { notApplicable: r.reason },
    };
  },
  twins: [
    {
      name: 'xtanh-declared-1',
      description: 'x·tanh x mis-declared with multiplicity 1 (σ\'(0) = 0 is overlooked)',
      wrongPrediction: () => 1,
      config: { activation: 'xtanh' },
    },
    { name: 'multiplicity-swapped', mutant: getMutant('multiplicity-swapped'), config: { activation: 'tanh' } },
  ],
  async figures() {
    return {
      exactDerivativesAtZero: Object.fromEntries((['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh'] as const).map((k) => [k, exactTaylorDerivatives(k, 5)])),
      declared: DECLARED_MULTIPLICITY,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 2. p = 1 alignment with z (gradient descent, tiny init, read-out without bias as in the paper).
/** z_c = Σ_i (y_i − ȳ)(x_i, 1): the direction for an engine whose read-out bias is trained (figures). */
function centredZ(r: CondensationResult, e: number, d: number): Float64Array {
  const D = r.data[e];
  const ybar = mean(D.targets);
  return zDirection({ inputs: D.inputs, targets: Float64Array.from(D.targets, (y) => y - ybar) }, d);
}

async function alignmentRun(c: AlignmentConfig, seed: number, nets: number, activation: TrainActivation, mutant?: Parameters<typeof runCondensation>[0]['mutant'], readoutBias = false) {
  return runCondensation({
    readoutBias,
    widths: [c.d, c.m, 1],
    activation,
    init: { kind: 'std', std: c.std },
    data: 'fig2',
    points: 80,
    optimizer: { kind: 'sgd', lr: alignmentLearningRate(c.d) },
    stage: GD_STAGE_RULE,
    rules: ORIENTATION_RULES,
    nets,
    seed,
    ...(mutant ? { mutant } : {}),
  });
}

claimProperty<AlignmentConfig>({
  theorem: alignmentP1,
  family: FAMILY,
  file: __filename,
  configs: fc.record({ d: fc.constantFrom(1, 2, 3, 5), m: integer(20, 60), std: logUniform(1e-5, 1e-4) }),
  numConfigs: { gate: 2, full: 8 },
  maxShrinks: { gate: 1, full: 3 },
  check: meanAtLeastPrediction,
  async experiment(c, ctx) {
    const r = await alignmentRun(c, ctx.seed, sized(32, 64), { kind: 'tanh' }, ctx.mutant);
    const random = new RandomStream(deriveSeed(ctx.seed, 'random-direction'));
    // Units: nets whose initial stage ended (amplitude or stall); a net still growing at the cap has no
    // end-of-stage state and is counted in outcomes['stage-cap'] instead.
    const ended = r.layers.map((L, e) => ({ L, e })).filter(({ L }) => L[0].stage.reason !== 'cap');
    if (ended.length < 10) return { units: new Float64Array(0), fault: `only ${ended.length} of ${r.layers.length} nets ended their initial stage by step ${GD_STAGE_RULE.maxSteps}` };
    const units = Float64Array.from(ended, ({ L, e }) => {
      let dir = zDirection(r.data[e], c.d);
      if (ctx.mutant?.alignmentRandomDirection) {
        dir = new Float64Array(c.d + 1);
        random.fillNormal(dir, 1);
      }
      return meanAbsCosine(L[0].analysis.units, dir);
    });
    const centred = r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, centredZ(r, e, c.d)));
    return {
      units,
      outcomes: { ...Object.fromEntries(Object.entries(histogram(r.layers.map((L) => L[0].stage.reason))).map(([k, v]) => [`stage-${k}`, v])) },
      figures: {
        randomDirectionBaseline: round(randomDirectionMeanAbsCos(c.d + 1)),
        meanAbsCosCentredZ: round(mean(centred)),
        stageSteps: r.layers.map((L) => L[0].stage.step),
        kept: r.layers.map((L) => L[0].analysis.kept.length),
        init: describeInitScale({ kind: 'std', std: c.std }, c.m),
      },
    };
  },
  twins: [{ name: 'alignment-random-direction', mutant: getMutant('alignment-random-direction'), config: { d: 5, m: 30, std: 1e-5 }, wrongValue: (c) => randomDirectionMeanAbsCos(c.d + 1) }],
  // Measured, not asserted: σ(0) ≠ 0 activations under GD, and Adam (the paper's optimizer) vs z_c and sign(z_c).
  async figures({ seed }) {
    const c = { d: 5, m: 50, std: 1e-5 };
    const rows = [];
    for (const kind of byProfile({ gate: [] as const, full: ['tanh', 'sigmoid', 'softplus'] as const })) {
      const r = await alignmentRun(c, deriveSeed(seed, kind), 32, { kind });
      rows.push({ activation: kind, optimizer: 'gd', readout: 'no bias', meanAbsCosZ: round(mean(r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zDirection(r.data[e], c.d))))) });
    }
    {
      // The engine's default read-out (bias trained): the bias fits ȳ first, so the direction is z_c.
      const r = await alignmentRun(c, deriveSeed(seed, 'with-bias'), sized(8, 32), { kind: 'tanh' }, undefined, true);
      rows.push({
        activation: 'tanh',
        optimizer: 'gd',
        readout: 'bias trained',
        meanAbsCosZ: round(mean(r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zDirection(r.data[e], c.d))))),
        meanAbsCosZc: round(mean(r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, centredZ(r, e, c.d))))),
      });
    }
    const adam = await runCondensation({ widths: [c.d, c.m, 1], activation: { kind: 'tanh' }, init: { kind: 'variance', variance: 0.005 ** 2 }, data: 'fig2', points: 80, optimizer: { kind: 'adam', lr: 1e-3, epsilon: FIG5_SETTING.epsilon }, stage: ADAM_STAGE_RULE, rules: ORIENTATION_RULES, nets: sized(4, 32), seed: deriveSeed(seed, 'adam'), readoutBias: false });
    rows.push({
      activation: 'tanh',
      optimizer: 'adam lr 1e-3, var 0.005² (Fig. 2)',
      readout: 'no bias',
      meanAbsCosZc: round(mean(adam.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, centredZ(adam, e, c.d))))),
      meanAbsCosSignZ: round(mean(adam.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zDirection(adam.data[e], c.d).map(Math.sign))))),
      meanAbsCosRawZ: round(mean(adam.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zDirection(adam.data[e], c.d))))),
    });
    return { alignmentByActivationAndOptimizer: { setting: '5-50-1, Fig. 2 data, GD lr 0.01 std 1e-5 / Adam', rows } };
  },
});

// ---------------------------------------------------------------------------------------------
// 3. At most 2p orientations, 1-D (Fig. 5/6 setting).
const wilson = proportionWithCi;

const boundConfigs: fc.Arbitrary<OrientationBoundConfig> = fc
  .constantFrom('tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh' as const)
  .chain((activation) => {
    const [lo, hi] = DECLARED_MULTIPLICITY[activation] === 1 ? STD_RANGE.p1 : STD_RANGE.p23;
    return logUniform(lo, hi).map((std) => ({ activation, std }));
  });

claimProperty<OrientationBoundConfig>({
  theorem: orientationsAtMost2p,
  family: FAMILY,
  file: __filename,
  configs: boundConfigs,
  examples: [{ activation: 'tanh', std: 1e-3 }, { activation: 'x2tanh', std: 5e-3 }],
  numConfigs: { gate: 3, full: 10 },
  maxShrinks: { gate: 1, full: 3 },
  check: proportionAtLeastPrediction,
  async experiment(c, ctx) {
    const p = DECLARED_MULTIPLICITY[c.activation];
    const r = await fig5Run({ kind: c.activation }, c.std, ctx.seed, sized(32, 64), ctx.mutant);
    const counts = r.layers.map((L) => L[0].analysis.orientations);
    const within = counts.filter((k) => k <= 2 * p).length;
    return {
      units: Float64Array.from(counts, (k) => (k <= 2 * p ? 1 : 0)),
      outcomes: { withinBound: within, aboveBound: counts.length - within },
      figures: { orientations: histogram(counts), lines: histogram(r.layers.map((L) => L[0].analysis.lines)), withinBound: wilson(within, counts.length), stageEnd: histogram(r.layers.map((L) => L[0].stage.reason)) },
    };
  },
  twins: [{ name: 'small-init-as-common', mutant: getMutant('small-init-as-common'), config: { activation: 'tanh', std: 1e-3 }, wrongValue: () => 0 }],
  // Reviewer data: the paper's own Fig. 5 setting (var 0.005²) per activation, ReLU included —
  // measured proportions within 2p (Wilson 95%), orientation histograms, one heat map per activation.
  async figures({ seed }) {
    const rows = [];
    for (const kind of byProfile({ gate: ['tanh', 'x2tanh', 'relu'] as const, full: ['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh', 'relu'] as const })) {
      const r = await fig5Run({ kind }, 0.005, deriveSeed(seed, kind), sized(16, 64));
      const counts = r.layers.map((L) => L[0].analysis.orientations);
      const p = DECLARED_MULTIPLICITY[kind];
      const first = r.layers[0][0].analysis;
      rows.push({
        activation: kind,
        p: p === 0 ? 'not applicable' : p,
        orientations: histogram(counts),
        lines: histogram(r.layers.map((L) => L[0].analysis.lines)),
        ...(p > 0 ? { withinTwoP: wilson(counts.filter((k) => k <= 2 * p).length, counts.length) } : { threeOrientations: wilson(counts.filter((k) => k === 3).length, counts.length) }),
        net0: { stageStep: r.layers[0][0].stage.step, angleHistogram: angleHistogram(first.units), heatmap: heatmap(first.units).matrix },
      });
    }
    return { fig5PerActivation: { setting: '1-100-1, 40 points of sin 3x + ½ sin 6x on [−1, 1.5], var 0.005² (std 0.005), Adam lr 5e-4 ε 1e-8, stage rule ADAM_STAGE_RULE, τ = 0.9, c = 0.2', rows } };
  },
});

