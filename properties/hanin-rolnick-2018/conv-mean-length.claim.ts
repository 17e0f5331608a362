/**
 * HR2018.Conv.mean-length (Hanin & Rolnick 2018, FM1 in convolutional networks): E[M_d]/M_0 = ∏ c_j/2
 * for a 1-D convolutional ReLU network with circular padding and weight variance c_j/(C_{j−1}·k),
 * for any symmetric law and any variance rule (He, LeCun, Glorot, c ∈ [0.5, 4]).
 *
 * Configuration domain (a property choice, for power, not a hypothesis): depth 1–4, input channels
 * C_0 ∈ {1, 2, 3} (a few-channel signal), hidden channels 4–16, kernel ∈ {1, 3, 5} with a first
 * layer of fan-in C_0·k ≥ 2, sequence length T ∈ [8, 32], and β_C = Σ_j 1/C_j ≤ 0.4, so that a
 * unit's squared coefficient of variation stays ≤ e^{3β_C} − 1 ≤ 2.3 (conv-experiment.ts). Each
 * configuration gets n ∝ that bound, so every one resolves about the same relative deviation
 * (≲ 13% at 99% power at the gate's α_i ≈ 4e-6). He is drawn half the time and C_0 < 4 ≤ C_d, so
 * a run under THEORYCHECK_MUTANT=he-fan-out (He computed from C_out·k: E[M_d]/M_0 = C_0/C_d ≤ 3/4)
 * fails unless none of the generated configurations is He (probability 2^−5 at the gate).
 *
 * Twins: he-fan-out on channels [4, 16, 16, 16] (true value C_0/C_d = 1/4) and leaky-relu-0.3 at
 * depth 4 (1.09⁴ = 1.41× the prediction). Figure data: mean and spread of log(M_j/M_0) at every depth.
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { convMeanLength, convMeanLengthRatio } from '../../theorems/hanin-rolnick-2018/conv-mean-length';
import type { ConvLengthConfig } from '../../theorems/hanin-rolnick-2018/convolutional';
import type { LawName, VarianceSpec } from '../../theorems/_internals/initialization';
import { channelBeta, convLengthExperiment, netsFor } from './conv-experiment';
import { depthProfile } from './length-experiment';
import { LEAKY_FACTOR } from './fm1-experiment';
import { closedFormWorld } from '../harness/worlds';

const FAMILY = 'hanin-rolnick-2018/conv';
/** Networks per configuration: `netsPerCv2` per unit of the CV² bound, within [minNets, maxNets] (conv-experiment.ts, netsFor). */
const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { netsPerCv2: { gate: 3000, full: 9000 }, minNets: { gate: 1000, full: 3000 }, maxNets: { gate: 8000, full: 24000 } },
} satisfies ClaimDesign;
const MAX_BETA = 0.4;

const cfg = (channels: number[], kernel: number, length: number, law: LawName, variance: VarianceSpec): ConvLengthConfig => ({
  channels,
  kernel,
  length,
  init: { law, variance, bias: { law: 'zero' } },
});

/** Hidden channels C_1..C_d: depth uniform in 1–4, channels uniform in 4–16 given β_C ≤ MAX_BETA. */
const hiddenChannels: fc.Arbitrary<number[]> = fc
  .integer({ min: 1, max: 4 })
  .chain((depth) => fc.array(fc.integer({ min: 4, max: 16 }), { minLength: depth, maxLength: depth }).filter((h) => channelBeta([0, ...h]) <= MAX_BETA));

// noBias: sample the domain uniformly (fast-check's default bias towards small values would give
// mostly depth-1 networks with 4 channels).
const configs: fc.Arbitrary<ConvLengthConfig> = fc.noBias(
  fc
    .record({
      c0: fc.integer({ min: 1, max: 3 }),
      hidden: hiddenChannels,
      kernel: fc.constantFrom(1, 3, 5),
      length: fc.integer({ min: 8, max: 32 }),
      law: fc.constantFrom<LawName>('gaussian', 'uniform', 'truncated-normal'),
      variance: fc.oneof(
        { arbitrary: fc.constant<VarianceSpec>({ preset: 'he' }), weight: 2 },
        { arbitrary: fc.constantFrom<VarianceSpec>({ preset: 'lecun' }, { preset: 'glorot' }), weight: 1 },
        { arbitrary: uniform(0.5, 4).map((c): VarianceSpec => ({ scale: Math.round(c * 1000) / 1000 })), weight: 1 },
      ),
    })
    .map(({ c0, hidden, kernel, length, law, variance }) => cfg([c0, ...hidden], kernel, length, law, variance))
    .filter((c) => c.channels[0] * c.kernel >= 2),
);

claimProperty<ConvLengthConfig>({
  theorem: convMeanLength,
  family: FAMILY,
  file: __filename,
  configs,
  // Always one He configuration with C_out ≠ C_in, so a fan-out-based He variance is always caught.
  examples: [cfg([2, 8, 12], 3, 16, 'gaussian', { preset: 'he' })],
  design: DESIGN,
  async experiment(config, ctx) {
    const nets = netsFor(config, { perCv2: byProfile(DESIGN.sizes.netsPerCv2), min: byProfile(DESIGN.sizes.minNets), max: byProfile(DESIGN.sizes.maxNets) });
    const { trace, experiment } = await convLengthExperiment(config, { seed: ctx.seed, nets, parts: ctx.components });
    const predictAt = (j: number): number => convMeanLength.predict({ ...config, channels: config.channels.slice(0, j + 1) }).value;
    return { ...experiment, figures: { lengthVsDepth: depthProfile(trace, predictAt) } };
  },
  twins: [
    {
      name: 'he-fan-out',
      fault: getFault('he-fan-out'),
      config: cfg([4, 16, 16, 16], 3, 16, 'gaussian', { preset: 'he' }),
      // Var = 2/(C_j·k) instead of 2/(C_{j−1}·k): each layer is off by C_{j−1}/C_j, in all C_0/C_d.
      world: (c) => closedFormWorld(convMeanLengthRatio(c) * (c.channels[0] / c.channels[c.channels.length - 1]), 'E[M_d]/M_0 × C_0/C_d (each layer off by C_{j−1}/C_j)', { sd: 0.13092, n: 2300 }),
    },
    {
      name: 'leaky-relu-0.3',
      fault: getFault('leaky-relu-0.3'),
      config: cfg([2, 16, 16, 16, 16], 3, 16, 'gaussian', { scale: 1.5 }),
      world: (c) => closedFormWorld(convMeanLengthRatio(c) * LEAKY_FACTOR ** (c.channels.length - 1), 'E[M_d]/M_0 × (1 + 0.3²)^{d} (leaky ReLU keeps 0.3² of the negative half)', { sd: 0.20772, n: 3400 }),
    },
  ],
});
