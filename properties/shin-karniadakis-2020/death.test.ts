/**
 * Dying ReLU at initialization (Shin & Karniadakis 2020; Lu, Shin, Su & Karniadakis 2020), exact
 * neuron states in float64 (engine/measure/neuron-states.ts).
 *
 *   SK2020.Death.first-layer-on-data   P(first-layer neuron active on 1-D data) = ½ + φ/(2π), exact
 *   SK2020.Death.active-count-at-point per-layer active counts ~ Binomial(N, ½), goodness of fit
 *   SK2020.Death.active-mean-at-point  E[active, last layer] = (N_d/2)∏(1 − 2^{−N_l}) (zero biases)
 *   LSSK2020.BornDead.at-point         P(some layer all-zero at x) = 1 − ∏(1 − 2^{−N_l}), exact
 *   LSSK2020.BornDead.domain-bound     P(constant on an interval) ≤ that, one-sided
 *   LSSK2020.RAI.born-dead-lower       RAI's born-dead probability is shown below He's
 *   SK2020.DDI.no-permanently-dead     no first-layer neuron dead on the data under DDI (exact)
 *
 * Domains (property choices for power) are stated per claim; every configuration draws its nets
 * with seeds derived from (master seed, claim, configuration).
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { sized } from '../profile';
import { round } from '../harness/figure-data';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { meanEqualsPrediction } from '../checks/mean-vs-prediction';
import { proportionAtMostPrediction, proportionEqualsPrediction } from '../checks/proportion';
import { binomialGoodnessOfFit } from '../checks/goodness-of-fit';
import { differenceBelowShown } from '../checks/difference-shown';
import { getMutant } from '../../engine/mutants';
import { sampleRaiParams } from '../../engine/init/rai';
import { sampleDataDependentParams } from '../../engine/init/data-dependent';
import { activeOnDataMask, activeRuleOf, deadLayerOnInterval, statesAtPoint, statesOnData, type PointStates } from '../../engine/measure/neuron-states';
import type { ExperimentContext } from '../harness/types';
import { RandomStream } from '../../engine/random/stream';
import { toPwlNet64 } from '../../engine/train/export';
import { deriveSeed } from '../../engine/random/seed';
import { sampleDenseParams } from '../../engine/train/params';
import { activeOnDataProbability, firstLayerDeath, type FirstLayerDataConfig } from '../../theorems/shin-karniadakis-2020/first-layer-death';
import { activeCountAtPoint } from '../../theorems/shin-karniadakis-2020/active-count-at-point';
import { activeMeanAtPoint, lastLayerActiveMean } from '../../theorems/shin-karniadakis-2020/active-mean-at-point';
import { bornDeadAtPoint as bornDead, bornDeadAtPointTheorem, bornDeadDomainBound, type DomainConfig } from '../../theorems/shin-karniadakis-2020/born-dead';
import { raiBornDeadLower } from '../../theorems/shin-karniadakis-2020/rai-born-dead';
import { ddiNoPermanentlyDead, type DdiConfig } from '../../theorems/shin-karniadakis-2020/ddi-no-dead';
import { aliveProbability, type DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { heNets, heSpec, nets, uniformInputs } from './death-experiment';

const FAMILY = 'shin-karniadakis-2020/death';
const CONFIGS = { gate: 5, full: 12 } as const;

/** A non-zero input of dimension d (components in [−1.5, 1.5], norm ≥ 0.1). */
const point = (d: number): fc.Arbitrary<number[]> => fc.array(uniform(-1.5, 1.5).map((v) => round(v)), { minLength: d, maxLength: d }).filter((x) => Math.hypot(...x) >= 0.1);
const biasLaw: fc.Arbitrary<number> = fc.oneof(fc.constant(0), logUniform(0.1, 1));

// ---------------------------------------------------------------------------------------------
// First layer on 1-D data. Domain: N 4–64, c He or in [0.5, 4], s_b in [0.1, 2], 1–20 data points
// in [−2, 2]; ≈ 20 000 neurons per configuration (Bernoulli units), resolving ≈ 2.5% of p.
const dataConfigs: fc.Arbitrary<FirstLayerDataConfig> = fc.record({
  width: integer(4, 64),
  weightScale: fc.oneof(fc.constant(2), uniform(0.5, 4).map((c) => round(c, 2))),
  biasStd: logUniform(0.1, 2),
  data: fc.array(uniform(-2, 2).map((v) => round(v, 3)), { minLength: 1, maxLength: 20 }),
});

claimProperty<FirstLayerDataConfig>({
  theorem: firstLayerDeath,
  family: FAMILY,
  file: __filename,
  configs: dataConfigs,
  numConfigs: CONFIGS,
  check: proportionEqualsPrediction,
  async experiment(c, ctx) {
    const count = Math.ceil(sized(20000, 80000) / c.width);
    const units = new Float64Array(count * c.width);
    const rule = activeRuleOf(ctx.mutant);
    for (const { e, net } of heNets([1, c.width], c.biasStd, count, ctx.seed, ctx.mutant, c.weightScale)) units.set(activeOnDataMask(net, c.data, rule)[0], e * c.width);
    return { units };
  },
  twins: [
    {
      name: 'single-point-law',
      description: 'the single-input law P(active) = ½ applied to a data set (ignores the data geometry)',
      wrongPrediction: () => 0.5,
      config: { width: 32, weightScale: 2, biasStd: 0.5, data: [-1, 0, 1] },
      wrongValue: (c) => activeOnDataProbability(c),
    },
    {
      name: 'positive-biases',
      mutant: getMutant('positive-biases'),
      config: { width: 32, weightScale: 2, biasStd: 1, data: [0.5, 1, 1.5] },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Per-layer counts at a point. Domain: n_0 1–4, constant width N 2–12, depth 2–8, zero or N(0, s_b²)
// biases (s_b in [0.1, 1]); 2000 networks; units = counts of the layers whose previous layer is alive.
const pointConfigs = (minN: number, maxN: number, minDepth: number, maxDepth: number): fc.Arbitrary<DeathNetConfig> =>
  fc
    .record({ n0: integer(1, 4), N: integer(minN, maxN), depth: integer(minDepth, maxDepth), biasStd: biasLaw })
    .chain(({ n0, N, depth, biasStd }) => point(n0).map((x) => ({ widths: [n0, ...Array<number>(depth).fill(N)], biasStd, x })));

/** One unit per He network at the configuration's point: `unit` of its neuron states (active rule of the run). */
function unitsAtPoint(c: DeathNetConfig, count: number, ctx: ExperimentContext, unit: (states: PointStates) => number): Float64Array {
  const units = new Float64Array(count);
  const rule = activeRuleOf(ctx.mutant);
  for (const { e, net } of heNets(c.widths, c.biasStd, count, ctx.seed, ctx.mutant)) units[e] = unit(statesAtPoint(net, c.x, rule));
  return units;
}

function aliveLayerCounts(c: DeathNetConfig, count: number, seed: number, mutant?: Parameters<typeof heNets>[4]): Float64Array {
  const out: number[] = [];
  const rule = activeRuleOf(mutant);
  for (const { net } of heNets(c.widths, c.biasStd, count, seed, mutant)) {
    const { active } = statesAtPoint(net, c.x, rule);
    for (let l = 0; l < active.length; l++) {
      out.push(active[l]);
      if (active[l] === 0 && c.biasStd === 0) break; // the next layers' z are exactly 0: not "previous alive"
    }
  }
  return Float64Array.from(out);
}

claimProperty<DeathNetConfig>({
  theorem: activeCountAtPoint,
  family: FAMILY,
  file: __filename,
  configs: pointConfigs(2, 12, 2, 8),
  numConfigs: CONFIGS,
  check: binomialGoodnessOfFit(0.5),
  async experiment(c, ctx) {
    return { units: aliveLayerCounts(c, sized(2000, 8000), ctx.seed, ctx.mutant) };
  },
  twins: [
    {
      name: 'positive-biases',
      mutant: getMutant('positive-biases'),
      config: { widths: [2, 6, 6, 6, 6], biasStd: 1, x: [0.5, -0.3] },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Mean of the last layer's count, unconditionally. Domain: n_0 1–4, width 2–6 (where dead layers are
// frequent), depth 2–10, zero or Gaussian biases, and P(every earlier layer alive) ≥ 0.2: below it the
// count is 0 in > 80% of nets and its skewness defeats the Edgeworth calibration of the t interval at
// n = 4000 (a gate run warned at width 2, depth 10: alive 0.075); 4000 networks.
claimProperty<DeathNetConfig>({
  theorem: activeMeanAtPoint,
  family: FAMILY,
  file: __filename,
  configs: pointConfigs(2, 6, 2, 10).filter((c) => aliveProbability(c.widths.slice(1, -1)) >= 0.2),
  numConfigs: CONFIGS,
  check: meanEqualsPrediction,
  async experiment(c, ctx) {
    return { units: unitsAtPoint(c, sized(4000, 16000), ctx, ({ active }) => active[active.length - 1]) };
  },
  twins: [
    {
      name: 'zero-as-active',
      mutant: getMutant('zero-as-active'),
      config: { widths: [1, 2, 2, 2, 2, 2, 2], biasStd: 0, x: [0.7] },
      wrongValue: (c) => lastLayerActiveMean(c, true),
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Born dead at a point. Domain: n_0 1–4, width 2–6, depth 2–12, zero or Gaussian biases; 4000
// networks (Bernoulli units).
claimProperty<DeathNetConfig>({
  theorem: bornDeadAtPointTheorem,
  family: FAMILY,
  file: __filename,
  configs: pointConfigs(2, 6, 2, 12),
  numConfigs: CONFIGS,
  check: proportionEqualsPrediction,
  async experiment(c, ctx) {
    return { units: unitsAtPoint(c, sized(4000, 16000), ctx, (st) => (st.firstDeadLayer >= 0 ? 1 : 0)) };
  },
  twins: [
    {
      name: 'depth-off-by-one',
      description: 'the formula with one hidden layer too many (1 − (1 − 2^{−N})^L instead of ^{L−1})',
      wrongPrediction: (c) => bornDead([...c.widths.slice(1), c.widths[1]]),
      config: { widths: [1, 2, 2, 2, 2, 2], biasStd: 0, x: [0.5] },
      wrongValue: (c) => bornDead(c.widths.slice(1)),
    },
    {
      name: 'positive-biases',
      mutant: getMutant('positive-biases'),
      config: { widths: [1, 3, 3, 3, 3, 3, 3], biasStd: 1, x: [0.5] },
    },
  ],
  // Reviewer figure: born-dead probability against depth, measured and exact, for widths 2–5.
  async figures({ seed }) {
    const rows = [];
    for (const N of [2, 3, 4, 5]) {
      for (const depth of [2, 4, 6, 8, 10, 15, 20]) {
        const widths = [1, ...Array<number>(depth).fill(N)];
        const n = sized(1000, 10000);
        let dead = 0;
        for (const { net } of heNets(widths, 0, n, deriveSeed(seed, 'fig', N, depth))) if (statesAtPoint(net, [1]).firstDeadLayer >= 0) dead++;
        rows.push({ width: N, hiddenLayers: depth, measured: dead / n, n, exact: bornDead(widths.slice(1)) });
      }
    }
    return { bornDeadVsDepth: { init: 'He Gaussian, zero biases', x: 1, rows } };
  },
});

// ---------------------------------------------------------------------------------------------
// Constant on an interval. Domain: 1-D, width 2–5, depth 2–10, zero or Gaussian biases, interval
// [a, c] ⊂ [−2, 2] of length ≥ 0.5; 3000 networks.
const domainConfigs: fc.Arbitrary<DomainConfig> = fc
  .record({ N: integer(2, 5), depth: integer(2, 10), biasStd: biasLaw, a: uniform(-2, 1.5), len: uniform(0.5, 2) })
  .map(({ N, depth, biasStd, a, len }) => ({ widths: [1, ...Array<number>(depth).fill(N)], biasStd, interval: [round(a, 3), round(Math.min(2, a + len), 3)] as [number, number] }));

claimProperty<DomainConfig>({
  theorem: bornDeadDomainBound,
  family: FAMILY,
  file: __filename,
  configs: domainConfigs,
  numConfigs: CONFIGS,
  check: proportionAtMostPrediction,
  async experiment(c, ctx) {
    const count = sized(3000, 12000);
    const units = new Float64Array(count);
    for (const { e, net } of heNets(c.widths, c.biasStd, count, ctx.seed, ctx.mutant)) units[e] = deadLayerOnInterval(net, c.interval[0], c.interval[1]) >= 0 ? 1 : 0;
    return { units };
  },
  twins: [
    {
      name: 'bound-two-widths-wider',
      description: 'the bound computed for layers two neurons wider than the network (a bound too small)',
      wrongPrediction: (c) => bornDead(c.widths.slice(1).map((n) => n + 2)),
      config: { widths: [1, 2, 2, 2, 2, 2, 2], biasStd: 0, interval: [-1, 1] },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// RAI vs He. Domain: n_0 1–3, width 2–4, depth 6–12 (where He's born-dead probability is ≥ 0.3);
// 1500 networks per arm.
claimProperty<DeathNetConfig>({
  theorem: raiBornDeadLower,
  family: FAMILY,
  file: __filename,
  configs: fc
    .record({ n0: integer(1, 3), N: integer(2, 4), depth: integer(6, 12) })
    .chain(({ n0, N, depth }) => point(n0).map((x) => ({ widths: [n0, ...Array<number>(depth).fill(N)], biasStd: 0, x }))),
  numConfigs: CONFIGS,
  check: differenceBelowShown,
  async experiment(c, ctx) {
    const count = sized(1500, 6000);
    const rule = activeRuleOf(ctx.mutant);
    const dead = (draw: Parameters<typeof nets>[2], seed: number): Float64Array => {
      const out = new Float64Array(count);
      for (const { e, net } of nets(count, seed, draw)) out[e] = statesAtPoint(net, c.x, rule).firstDeadLayer >= 0 ? 1 : 0;
      return out;
    };
    const widths = [...c.widths, 1];
    return {
      units: dead((stream) => sampleRaiParams(widths, stream, ctx.mutant), deriveSeed(ctx.seed, 'rai')),
      reference: dead((stream) => sampleDenseParams(heSpec(widths, 0), stream, ctx.mutant), deriveSeed(ctx.seed, 'he')),
    };
  },
  twins: [
    {
      name: 'rai-without-positive-entry',
      mutant: getMutant('rai-without-positive-entry'),
      // True difference 0 (both symmetric: the same exact born-dead probability): the one-sided
      // bound stays ≥ 0 with probability ≥ 1 − α by the interval's coverage.
      config: { widths: [1, 3, 3, 3, 3, 3, 3, 3, 3], biasStd: 0, x: [0.5] },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// DDI. Domain: n_0 1–3, widths 2–32 over depth 1–4, s_b in [0.1, 1], 1–50 training inputs uniform
// in [−1, 1]^{n_0}; 1000 networks. Units: 1 if the network has a permanently dead first-layer neuron.
claimProperty<DdiConfig>({
  theorem: ddiNoPermanentlyDead,
  family: FAMILY,
  file: __filename,
  configs: fc.record({
    widths: fc.record({ n0: integer(1, 3), hidden: fc.array(integer(2, 32), { minLength: 1, maxLength: 4 }) }).map(({ n0, hidden }) => [n0, ...hidden]),
    biasStd: logUniform(0.1, 1),
    points: integer(1, 50),
  }),
  numConfigs: CONFIGS,
  check: proportionEqualsPrediction,
  async experiment(c, ctx) {
    const count = sized(1000, 4000);
    const units = new Float64Array(count);
    const rule = activeRuleOf(ctx.mutant);
    const spec = heSpec([...c.widths, 1], c.biasStd);
    for (let e = 0; e < count; e++) {
      const stream = new RandomStream(deriveSeed(ctx.seed, 'net', e));
      const inputs = uniformInputs(stream, c.points, c.widths[0]);
      const net = toPwlNet64(sampleDataDependentParams(spec, inputs, stream, ctx.mutant), 0);
      units[e] = statesOnData(net, inputs, rule).permanentlyDead > 0 ? 1 : 0;
    }
    return { units };
  },
  twins: [
    {
      name: 'ddi-unanchored',
      mutant: getMutant('ddi-unanchored'),
      config: { widths: [1, 8], biasStd: 0.5, points: 5 },
    },
  ],
});
