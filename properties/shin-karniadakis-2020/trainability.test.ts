/**
 * Trainability and training success (Shin & Karniadakis 2020), with training on the engine.
 *
 *   SK2020.Trainability.necessary              P(success ∧ ¬trainable) = 0 (every run checked)
 *   SK2020.Trainability.over-parameterization  success at a narrow width shown below a wide one
 *   SK2020.DDI.success-vs-he                   P(success | He) − P(success | DDI) ≤ 0
 *   SK2020.Trainability.width-trend            trainability at initialization shown to rise with width
 *
 * Domains (property choices; the papers' settings could not be read):
 * - necessary: narrow nets (width 3–5, depth 3–5), He weights with zero biases, |x| or sin 3x on 20
 *   points, Adam lr 5e-3 for 1000 steps (gate) / 3000 (full), threshold 1e-3 (≈1% of Var|x|); 64
 *   networks. Chosen so that both untrainable networks and successes are common (measured: width
 *   3–4, depth 4–5, |x|: trainability 0.81–0.86, success 0.44–0.59), i.e. the implication is
 *   exercised; at lr 1e-3 and depth up to 8 most configurations had no success at all (vacuous).
 *   Twins keep the deep narrow task (lr 1e-3) where born-dead nets abound.
 * - over-parameterization: depth 4–6, narrow width 2 vs wide width 8, |x|, the same training;
 *   48 networks per arm (success ≈ 0.1 vs ≈ 0.95 measured, so the difference is shown with power ≈ 1).
 * - DDI vs He: shallow nets (1 hidden layer of 12–16, or 2 of 8), biases N(0, s_b²) with s_b in
 *   [0.7, 1.5] (where He kills first-layer neurons on the data), sin 3x on 20 points, Adam lr 1e-2,
 *   1500 steps, threshold 1e-3; 64 networks per arm.
 * - width trend: no training (trainability is a state at initialization, exact in float64): depth
 *   4–10, three to five widths in 2–10, zero or N(0, s_b²) biases (s_b in [0.1, 0.5]), 10–40 inputs;
 *   1000 networks per width (trend slope ≈ 0.1 per neuron with se ≈ 0.005: power ≈ 1).
 * Reviewer data: the f(x) = |x| experiment with a width-2 depth-10 net (Lu et al. report over 90%
 * of 1000 runs collapsing) and success/trainability rates against width and depth for He, RAI and
 * the DDI (figures of the over-parameterization claim).
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { byProfile, sized } from '../profile';
import { round } from '../harness/figure-data';
import { integer, logUniform } from '../harness/arbitraries';
import { proportionEqualsPrediction, differenceAtMostPrediction } from '../checks/proportion';
import { differenceBelowShown } from '../checks/difference-shown';
import { getMutant } from '../../engine/mutants';
import { deriveSeed } from '../../engine/random/seed';
import { sampleDenseParams } from '../../engine/train/params';
import { sampleRaiParams } from '../../engine/init/rai';
import { sampleDataDependentParams } from '../../engine/init/data-dependent';
import { ddiSuccess, overParameterization, trainabilityNecessary, type TrainabilityConfig, type WidthComparisonConfig } from '../../theorems/shin-karniadakis-2020/trainability';
import type { TrainingTask } from '../../theorems/shin-karniadakis-2020/task';
import { trainabilityWidthTrend, type WidthTrendConfig } from '../../theorems/shin-karniadakis-2020/trainability-width-trend';
import { taskData } from '../../theorems/shin-karniadakis-2020/task';
import { proportionTrendShown } from '../checks/proportion-trend-shown';
import { activeRuleOf, statesOnData } from '../../engine/measure/neuron-states';
import { heNets, heSpec } from './death-experiment';
import { ratesWithCi, summarize, trainabilityArms, trainabilityRuns, type Arm } from './training-experiment';

const FAMILY = 'shin-karniadakis-2020/trainability';
const deepTask = (target: 'abs' | 'sin3'): TrainingTask => ({ target, points: 20, steps: sized(1000, 3000), lr: 1e-3, lossBelow: 1e-3 });

const he = (c: { widths: number[]; biasStd: number }, mutant?: Parameters<typeof sampleDenseParams>[2]) => (stream: Parameters<typeof sampleDenseParams>[1]) =>
  sampleDenseParams(heSpec([...c.widths, 1], c.biasStd), stream, mutant);

// ---------------------------------------------------------------------------------------------
claimProperty<TrainabilityConfig>({
  theorem: trainabilityNecessary,
  family: FAMILY,
  file: __filename,
  configs: fc
    .record({ N: integer(3, 5), depth: integer(3, 5), target: fc.constantFrom<'abs' | 'sin3'>('abs', 'sin3') })
    .map(({ N, depth, target }) => ({ widths: [1, ...Array<number>(depth).fill(N)], biasStd: 0, ...deepTask(target), lr: 5e-3 })),
  numConfigs: { gate: 2, full: 8 },
  maxShrinks: { gate: 1, full: 2 },
  check: proportionEqualsPrediction,
  async experiment(c, ctx) {
    const runs = await trainabilityRuns(c, sized(64, 256), ctx.seed, he(c, ctx.mutant), ctx.mutant);
    const units = runs.success.map((s, e) => (s === 1 && runs.trainable[e] === 0 ? 1 : 0));
    return { units, outcomes: summarize(runs), figures: ratesWithCi(runs) };
  },
  twins: [
    {
      name: 'leaky-relu-0.3',
      mutant: getMutant('leaky-relu-0.3'),
      // Width 2, depth 8: most networks have a layer dead on the data, which a leaky ReLU still trains.
      config: { widths: [1, 2, 2, 2, 2, 2, 2, 2, 2], biasStd: 0, ...deepTask('abs'), steps: 1500 },
    },
    {
      name: 'success-when-loss-halved',
      mutant: getMutant('success-when-loss-halved'),
      // Claims a success rate above the trainability: born-dead nets (≈ 60% at width 2, depth 8) halve
      // their loss by fitting the read-out bias (|x| on 20 points: E y² ≈ 0.37 → Var y ≈ 0.09).
      config: { widths: [1, 2, 2, 2, 2, 2, 2, 2, 2], biasStd: 0, ...deepTask('abs') },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
claimProperty<WidthComparisonConfig>({
  theorem: overParameterization,
  family: FAMILY,
  file: __filename,
  configs: fc.record({ depth: integer(4, 6), narrow: fc.constant(2), wide: fc.constant(8), biasStd: fc.constant(0) }).map((c) => ({ ...c, ...deepTask('abs') })),
  numConfigs: { gate: 1, full: 4 },
  maxShrinks: { gate: 0, full: 1 },
  check: differenceBelowShown,
  async experiment(c, ctx) {
    const n = sized(48, 192);
    const arm = (w: number) => trainabilityRuns(c, n, deriveSeed(ctx.seed, 'width', w), he({ widths: [1, ...Array<number>(c.depth).fill(w)], biasStd: c.biasStd }, ctx.mutant), ctx.mutant);
    const narrow = await arm(c.narrow);
    const wide = await arm(c.wide);
    return { units: narrow.success, reference: wide.success, outcomes: { narrowSuccess: summarize(narrow).success, narrowTrainability: summarize(narrow).trainability, wideSuccess: summarize(wide).success, wideTrainability: summarize(wide).trainability }, figures: { narrow: ratesWithCi(narrow), wide: ratesWithCi(wide) } };
  },
  twins: [
    {
      name: 'claimed-rise-to-certainty',
      description: 'a claimed rise of the success rate by at least 0.99 from width 2 to width 8 (the prediction −0.99 for p_narrow − p_wide)',
      wrongPrediction: () => -0.99,
      config: { depth: 4, narrow: 2, wide: 8, biasStd: 0, ...deepTask('abs') },
    },
  ],
  // Reviewer data: |x| with width 2, depth 10 (Lu et al.: > 90% collapse); rates vs width and depth per init.
  async figures({ seed }) {
    const task = { ...deepTask('abs'), steps: sized(1000, 3000) };
    const n = sized(32, 1000);
    const absRuns = await trainabilityRuns(task, n, deriveSeed(seed, 'abs-2x10'), he({ widths: [1, ...Array<number>(10).fill(2)], biasStd: 0 }));
    const absDeep = { violations: summarize(absRuns).violations, ...ratesWithCi(absRuns) };
    const rows: Record<string, unknown>[] = [];
    const grid = byProfile({ gate: { widths: [2, 4], depths: [4] }, full: { widths: [2, 3, 4, 6, 10], depths: [4, 10] } });
    for (const depth of grid.depths) {
      for (const width of grid.widths) {
        const widths = [1, ...Array<number>(depth).fill(width)];
        const draws: Record<string, Arm['draw']> = {
          he: he({ widths, biasStd: 0 }),
          rai: (stream) => sampleRaiParams([...widths, 1], stream),
          ddi: (stream, inputs) => sampleDataDependentParams(heSpec([...widths, 1], 0), inputs, stream),
        };
        const inits = Object.keys(draws);
        const runs = await trainabilityArms(task, sized(16, 100), inits.map((init) => ({ seed: deriveSeed(seed, init, width, depth), draw: draws[init] })));
        inits.forEach((init, i) => rows.push({ init, width, depth, violations: summarize(runs[i]).violations, ...ratesWithCi(runs[i]) }));
      }
    }
    return { absWidth2Depth10: { ...absDeep, collapsed: round(1 - absDeep.success.proportion), task }, ratesVsWidthDepth: { task, rows } };
  },
});

// ---------------------------------------------------------------------------------------------
const shallowTask: TrainingTask = { target: 'sin3', points: 20, steps: 1500, lr: 1e-2, lossBelow: 1e-3 };

claimProperty<TrainabilityConfig>({
  theorem: ddiSuccess,
  family: FAMILY,
  file: __filename,
  configs: fc
    .record({ hidden: fc.oneof(integer(12, 16).map((w) => [w]), fc.constant([8, 8])), biasStd: logUniform(0.7, 1.5) })
    .map(({ hidden, biasStd }) => ({ widths: [1, ...hidden], biasStd, ...shallowTask })),
  numConfigs: { gate: 2, full: 6 },
  maxShrinks: { gate: 0, full: 1 },
  check: differenceAtMostPrediction(),
  async experiment(c, ctx) {
    const n = sized(64, 256);
    const [heRuns, ddiRuns] = await trainabilityArms(
      c,
      n,
      [
        { seed: deriveSeed(ctx.seed, 'he'), draw: he(c, ctx.mutant) },
        { seed: deriveSeed(ctx.seed, 'ddi'), draw: (stream, inputs) => sampleDataDependentParams(heSpec([...c.widths, 1], c.biasStd), inputs, stream, ctx.mutant) },
      ],
      ctx.mutant,
    );
    return { units: heRuns.success, reference: ddiRuns.success, outcomes: { heSuccess: summarize(heRuns).success, ddiSuccess: summarize(ddiRuns).success }, figures: { he: ratesWithCi(heRuns), ddi: ratesWithCi(ddiRuns) } };
  },
  twins: [
    {
      name: 'claimed-gain-0.9',
      description: 'a claimed gain of 0.9 in success rate from the DDI (the prediction −0.9 for p_He − p_DDI)',
      wrongPrediction: () => -0.9,
      config: { widths: [1, 16], biasStd: 1, ...shallowTask },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
claimProperty<WidthTrendConfig>({
  theorem: trainabilityWidthTrend,
  family: FAMILY,
  file: __filename,
  configs: fc
    .record({
      depth: integer(4, 10),
      widths: fc.uniqueArray(integer(2, 10), { minLength: 3, maxLength: 5 }).map((w) => [...w].sort((a, b) => a - b)),
      biasStd: fc.oneof(fc.constant(0), logUniform(0.1, 0.5)),
      points: integer(10, 40),
    })
    .filter((c) => c.widths[0] <= 3), // an under-parameterized width in every comparison
  numConfigs: { gate: 4, full: 12 },
  check: proportionTrendShown,
  async experiment(c, ctx) {
    const { inputs } = taskData({ target: 'abs', points: c.points, steps: 1, lr: 1e-3, lossBelow: 1e-3 });
    const count = sized(1000, 4000);
    const rule = activeRuleOf(ctx.mutant);
    const groups = c.widths.map((w) => {
      const units = new Float64Array(count);
      for (const { e, net } of heNets([1, ...Array<number>(c.depth).fill(w)], c.biasStd, count, deriveSeed(ctx.seed, 'width', w), ctx.mutant)) {
        units[e] = statesOnData(net, inputs, rule).trainable ? 1 : 0;
      }
      return { x: w, units };
    });
    const rates = groups.map((g) => ({ width: g.x, trainability: g.units.reduce((a, b) => a + b, 0) / count, n: count }));
    return { units: Float64Array.from(groups.flatMap((g) => [...g.units])), groups, figures: { trainabilityVsWidth: rates } };
  },
  twins: [
    {
      name: 'claimed-rise-0.5-per-neuron',
      description: 'a claimed rise of trainability by at least 0.5 per neuron of width (a trend slope far above the measured ≈ 0.1)',
      wrongPrediction: () => 0.5,
      config: { depth: 6, widths: [2, 4, 6, 8], biasStd: 0, points: 20 },
    },
  ],
});
