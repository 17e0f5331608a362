/**
 * Hanin & Rolnick (2019, ICML + NeurIPS): activation regions along lines, counted exactly in float64.
 *
 *   HR2019.Lines.one-layer           exact depth-1 law (Cauchy breakpoints), two-sided
 *   HR2019.Lines.kac-rice            deep nets: E[#breakpoints − Σ_l n_l Λ_{l−1}/π] = 0, paired, two-sided
 *   HR2019.Lines.linear-in-neurons   growth exponent in N at fixed depth within 1 ± 0.15
 *   HR2019.Lines.depth-independent   slope of log count vs depth at fixed N within 0 ± 0.1
 *   HR2019.Lines.bound               mean count ≤ T·√(2/n_in)·N/(s_b√(2π)), one-sided
 *   HR2019.Lines.boundary-distance   exponent of the distance to the nearest boundary within −1 ± 0.15
 *
 * Configuration domains (property choices for power, not hypotheses) are stated per claim. Every
 * segment is a fast-check draw (point in [−1.5, 1.5]^d, unit direction, length), so a failure
 * shrinks to a concrete segment. Reject twins: the counter counting output sign changes or skipping
 * deeper layers, uniform weights, the one-layer law with s_b and s_w swapped, a 2^depth growth, a
 * quadratic growth in N, a bound with C_bias 10× too small.
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { byProfile } from '../profile';
import { meanAtMostPrediction, meanEqualsPrediction } from '../checks/mean-vs-prediction';
import { pairedDifferenceEquals } from '../checks/paired-difference';
import { fromGroups, logSlopeWithin } from '../checks/log-slope';
import { getMutant } from '../../engine/mutants';
import { sampleMoments } from '../stats';
import { cauchyParameters, oneLayerBreakpoints, oneLayerLaw } from '../../theorems/hanin-rolnick-2019/one-layer-breakpoints';
import { kacRiceLines } from '../../theorems/hanin-rolnick-2019/kac-rice-lines';
import { linearInNeurons, RESOLUTION as LINEAR_RESOLUTION, type WidthSweepConfig } from '../../theorems/hanin-rolnick-2019/linear-in-neurons';
import { depthIndependent, RESOLUTION as DEPTH_RESOLUTION, type DepthSweepConfig } from '../../theorems/hanin-rolnick-2019/depth-independent';
import { breakpointBound, breakpointBoundTheorem } from '../../theorems/hanin-rolnick-2019/breakpoint-bound';
import { boundaryDistance, RESOLUTION as DISTANCE_RESOLUTION, type DistanceSweepConfig } from '../../theorems/hanin-rolnick-2019/boundary-distance';
import type { LineNetConfig } from '../../theorems/hanin-rolnick-2019/line-config';
import { deriveSeed } from '../../engine/random/seed';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { boundaryDistances, lineCounts, pointAndDirection, segmentIn } from './line-experiment';

const FAMILY = 'hanin-rolnick-2019/lines';
const CONFIGS = { gate: 5, full: 12 } as const;
const nets = (gate: number, full: number): number => byProfile({ gate, full });

const lineNets = (c: LineNetConfig) => ({ inputDim: c.inputDim, widths: c.widths, weightScale: c.weightScale, biasStd: c.biasStd });

// ---------------------------------------------------------------------------------------------
// One hidden layer, exact. Domain: n_in 1–5, N 4–128, c He or in [0.5, 4], s_b in [0.05, 2],
// T in [0.2, 4], and an expected count ≥ 1 (so n = 3000 networks resolve ≲ 10%).
const oneLayerConfigs: fc.Arbitrary<LineNetConfig> = fc.noBias(
  fc
    .integer({ min: 1, max: 5 })
    .chain((d) =>
      fc.record({
        inputDim: fc.constant(d),
        widths: integer(4, 128).map((w) => [w]),
        weightScale: fc.oneof(fc.constant(2), uniform(0.5, 4).map((c) => Math.round(c * 100) / 100)),
        biasStd: logUniform(0.05, 2),
        segment: segmentIn(d, 0.2, 4),
      }),
    )
    .filter((c) => oneLayerBreakpoints(c) >= 1),
);

const seg2 = { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 };

claimProperty<LineNetConfig>({
  theorem: oneLayerLaw,
  family: FAMILY,
  file: __filename,
  configs: oneLayerConfigs,
  numConfigs: CONFIGS,
  check: meanEqualsPrediction,
  async experiment(c, ctx) {
    return { units: lineCounts(lineNets(c), c.segment, nets(3000, 10000), ctx.seed, ctx.mutant).counts };
  },
  twins: [
    {
      name: 'sb-sw-swapped',
      description: 'the one-layer law with s_b and s_w swapped (g² = ‖x0‖² − m² + s_w²/s_b²)',
      wrongPrediction: (c) => oneLayerBreakpoints(c, true),
      config: { inputDim: 2, widths: [64], weightScale: 2, biasStd: 0.3, segment: seg2 },
      wrongValue: (c) => oneLayerBreakpoints(c),
    },
    {
      name: 'count-output-sign-changes',
      mutant: getMutant('count-output-sign-changes'),
      config: { inputDim: 2, widths: [64], weightScale: 2, biasStd: 0.3, segment: seg2 },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Deep nets, Kac–Rice per layer. Domain: n_in 1–4, depth 2–5, widths 4–32 (varying per layer),
// c He or in [1, 3], s_b in [0.05, 1], T in [0.5, 4]; n = 1500 networks (paired differences have
// sd ≲ 6 for these sizes, resolving ≲ 5% of the count).
const kacRiceConfigs: fc.Arbitrary<LineNetConfig> = fc.noBias(
  integer(1, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      widths: fc.array(integer(4, 32), { minLength: 2, maxLength: 5 }),
      weightScale: fc.oneof(fc.constant(2), uniform(1, 3).map((c) => Math.round(c * 100) / 100)),
      biasStd: logUniform(0.05, 1),
      segment: segmentIn(d, 0.5, 4),
    }),
  ),
);

claimProperty<LineNetConfig>({
  theorem: kacRiceLines,
  family: FAMILY,
  file: __filename,
  configs: kacRiceConfigs,
  numConfigs: CONFIGS,
  check: pairedDifferenceEquals,
  async experiment(c, ctx) {
    const s = lineCounts(lineNets(c), c.segment, nets(1500, 6000), ctx.seed, ctx.mutant, true);
    return { units: s.counts, reference: s.kacRice! };
  },
  twins: [
    {
      name: 'count-first-layer-only',
      mutant: getMutant('count-first-layer-only'),
      config: { inputDim: 2, widths: [16, 16, 16], weightScale: 2, biasStd: 0.1, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 3 } },
    },
    {
      name: 'uniform-as-gaussian',
      mutant: getMutant('uniform-as-gaussian'),
      // 1-D input: a uniform (w, b) is far from isotropic, and the first layer shows it.
      config: { inputDim: 1, widths: [32, 32], weightScale: 2, biasStd: 0.1, segment: { x0: [0.6], u: [1], length: 1.8 } },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Linear in #neurons. Domain: n_in 2–4, depth 1–4, widths w, 2w, 4w with w in 6–16, s_b
// log-uniform in [1e-3, 0.5] (ICML used s_b = 1e-3), T in [0.5, 3]; 600 networks per width.
const widthSweepConfigs: fc.Arbitrary<WidthSweepConfig> = fc.noBias(
  integer(2, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      depth: integer(1, 4),
      widths: integer(6, 16).map((w) => [w, 2 * w, 4 * w]),
      weightScale: fc.constant(2),
      biasStd: logUniform(1e-3, 0.5),
      segment: segmentIn(d, 0.5, 3),
    }),
  ),
);

claimProperty<WidthSweepConfig>({
  theorem: linearInNeurons,
  family: FAMILY,
  file: __filename,
  configs: widthSweepConfigs,
  numConfigs: CONFIGS,
  check: logSlopeWithin(LINEAR_RESOLUTION, true),
  async experiment(c, ctx) {
    const groups = c.widths.map((w) => ({
      x: w * c.depth,
      units: lineCounts({ ...c, widths: Array<number>(c.depth).fill(w) }, c.segment, nets(600, 2000), deriveSeed(ctx.seed, 'width', w), ctx.mutant).counts,
    }));
    return fromGroups(groups);
  },
  twins: [
    {
      name: 'quadratic-in-neurons',
      description: 'a prediction that the count grows like N² (the 2-D slice law applied to a line)',
      wrongPrediction: () => 2,
      config: { inputDim: 2, depth: 2, widths: [8, 16, 32], weightScale: 2, biasStd: 0.01, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } },
      wrongValue: () => 1,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Flat in depth at fixed N. Domain: N ∈ {48, 96}, depths {1, 2, 3, 4, 6} (width N/d ≥ 8), n_in 2–4,
// s_b log-uniform in [1e-3, 0.5], T in [0.5, 3]; 400 networks per depth.
const depthSweepConfigs: fc.Arbitrary<DepthSweepConfig> = fc.noBias(
  integer(2, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      neurons: fc.constantFrom(48, 96),
      depths: fc.constant([1, 2, 3, 4, 6]),
      biasStd: logUniform(1e-3, 0.5),
      segment: segmentIn(d, 0.5, 3),
    }),
  ),
);

const depthGroups = (c: DepthSweepConfig, seed: number, n: number, mutant?: Parameters<typeof lineCounts>[4]) =>
  c.depths.map((d) => ({
    x: d,
    units: lineCounts({ inputDim: c.inputDim, widths: Array<number>(d).fill(c.neurons / d), weightScale: 2, biasStd: c.biasStd }, c.segment, n, deriveSeed(seed, 'depth', d), mutant).counts,
  }));

claimProperty<DepthSweepConfig>({
  theorem: depthIndependent,
  family: FAMILY,
  file: __filename,
  configs: depthSweepConfigs,
  numConfigs: CONFIGS,
  check: logSlopeWithin(DEPTH_RESOLUTION, false),
  async experiment(c, ctx) {
    const groups = depthGroups(c, ctx.seed, nets(400, 2000), ctx.mutant);
    return fromGroups(groups);
  },
  twins: [
    {
      name: 'exponential-in-depth',
      description: 'a prediction that the count grows like 2^depth at fixed N (slope log 2 per layer)',
      wrongPrediction: () => Math.log(2),
      config: { inputDim: 2, neurons: 48, depths: [1, 2, 3, 4, 6], biasStd: 0.01, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } },
      wrongValue: () => 0,
    },
  ],
  // Reviewer figure: breakpoints per unit length / #neurons against depth, several widths.
  async figures({ seed }) {
    const segment = { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 };
    const rows: Record<string, unknown>[] = [];
    for (const width of [8, 16, 32]) {
      for (const depth of [1, 2, 3, 4, 6, 8]) {
        const counts = lineCounts({ inputDim: 2, widths: Array<number>(depth).fill(width), weightScale: 2, biasStd: 1e-3 }, segment, nets(100, 1000), deriveSeed(seed, "fig", width, depth)).counts;
        const m = sampleMoments(counts);
        const N = width * depth;
        rows.push({ width, depth, neurons: N, perLengthPerNeuron: m.mean / (segment.length * N), se: Math.sqrt(m.variance / m.n) / (segment.length * N), n: m.n });
      }
    }
    return { regionsPerLengthPerNeuronVsDepth: { segment, biasStd: 1e-3, init: 'He Gaussian', rows } };
  },
});

// ---------------------------------------------------------------------------------------------
// The ICML bound. Domain: n_in 1–4, depth 1–4, width 4–32, s_b in [0.3, 2], T in [0.5, 3];
// 1000 networks.
const boundConfigs: fc.Arbitrary<LineNetConfig> = fc.noBias(
  integer(1, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      widths: integer(1, 4).chain((depth) => fc.array(integer(4, 32), { minLength: depth, maxLength: depth })),
      weightScale: fc.constant(2),
      biasStd: logUniform(0.3, 2),
      segment: segmentIn(d, 0.5, 3),
    }),
  ),
);

claimProperty<LineNetConfig>({
  theorem: breakpointBoundTheorem,
  family: FAMILY,
  file: __filename,
  configs: boundConfigs,
  numConfigs: CONFIGS,
  check: meanAtMostPrediction,
  async experiment(c, ctx) {
    return { units: lineCounts(lineNets(c), c.segment, nets(1000, 4000), ctx.seed, ctx.mutant).counts };
  },
  twins: [
    {
      name: 'c-bias-10x-too-small',
      description: 'the bound computed with C_bias of a bias std 10× larger than the engine uses (a bound 10× too small)',
      wrongPrediction: (c) => breakpointBound(c, 10 * c.biasStd),
      config: { inputDim: 2, widths: [32], weightScale: 2, biasStd: 0.5, segment: seg2 },
      wrongValue: (c) => oneLayerBreakpoints(c),
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Distance to the nearest boundary. Domain: n_in 2–3, depth 1–3, widths w, 2w, 4w with w in 8–16,
// s_b log-uniform in [1e-3, 0.5], point in [−1.5, 1.5]^d with ‖x‖ ≥ 0.3, and a line that is not
// nearly radial: its augmented distance from the origin g (one-layer-breakpoints.ts) is ≥ ‖x‖/2.
// Near-homogeneous nets (small s_b) put every first-layer boundary of a radial line at the origin,
// so there the nearest boundary stays at the origin's distance until N ≫ ‖x‖/g (the collapse of
// HR2019's zero-bias case), not a 1/N law; 800 networks per width.
const distanceConfigs: fc.Arbitrary<DistanceSweepConfig> = fc.noBias(
  integer(2, 3).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      depth: integer(1, 3),
      widths: integer(8, 16).map((w) => [w, 2 * w, 4 * w]),
      biasStd: logUniform(1e-3, 0.5),
      pd: pointAndDirection(d),
    })
      .map(({ pd, ...rest }) => ({ ...rest, point: pd.x0, direction: pd.u }))
      .filter((c) => {
        const norm = Math.hypot(...c.point);
        const { g } = cauchyParameters({ inputDim: c.inputDim, widths: [1], weightScale: 2, biasStd: c.biasStd, segment: { x0: c.point, u: c.direction, length: 1 } });
        return norm >= 0.3 && g >= norm / 2;
      }),
  ),
);

claimProperty<DistanceSweepConfig>({
  theorem: boundaryDistance,
  family: FAMILY,
  file: __filename,
  configs: distanceConfigs,
  numConfigs: CONFIGS,
  check: logSlopeWithin(DISTANCE_RESOLUTION, true),
  async experiment(c, ctx) {
    const groups = c.widths.map((w) => ({
      x: w * c.depth,
      units: boundaryDistances({ inputDim: c.inputDim, widths: Array<number>(c.depth).fill(w), weightScale: 2, biasStd: c.biasStd }, c.point, c.direction, nets(800, 3000), deriveSeed(ctx.seed, 'width', w), ctx.mutant),
    }));
    return fromGroups(groups);
  },
  twins: [
    {
      name: 'inverse-square',
      description: 'a prediction that the distance scales like 1/N² (exponent −2)',
      wrongPrediction: () => -2,
      config: { inputDim: 2, depth: 2, widths: [8, 16, 32], biasStd: 0.01, point: [0.6, -0.8], direction: [0.6, 0.8] },
      wrongValue: () => -1,
    },
  ],
});
