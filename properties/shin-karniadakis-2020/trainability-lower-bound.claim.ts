/**
 * SK2020.Trainability.lower-bound: P(trainable at initialization) ≥ P(Bin(N₁, ½) ≥ m)·∏_{l≥2}(1 − 2^{−N_l}),
 * one-sided exact (Clopper–Pearson) on networks at initialization — no training: trainability is a
 * state at initialization, exact in float64.
 *
 * Domain (property choices): the paper's deep narrow-to-wide nets, width 2–10, depth 2–10, He weights
 * with zero or N(0, s_b²) biases (s_b in [0.1, 1.5]), |x| or sin 3x on 20 points (minimal width 2);
 * 2000 networks per configuration. At width 10, depth 10 the bound is 0.99: the rise to certainty is
 * asserted, not only reported. Reject twin: the death rule that takes tentatively dead neurons for
 * permanent (its trainability at width 3, depth 6 is ≈ 0.16 against the bound 0.26; pinned by
 * trainability.pin.ts).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { trainableFor } from '../../engine/measure/neuron-states';
import { minimalWidth, taskInputs } from '../../theorems/shin-karniadakis-2020/task';
import { trainabilityLowerBoundTheorem, type TrainabilityAtInitConfig } from '../../theorems/shin-karniadakis-2020/trainability-lower-bound';
import { fingerprinting, heNets } from './death-experiment';
import { pinnedRateWorld, type RatePin } from './twin-worlds';
import { LOWER_BOUND_TWIN_CONFIG, PIN_COMMAND } from './trainability.pin';

const DESIGN = { configs: { gate: 3, full: 12 }, sizes: { nets: { gate: 2000, full: 8000 } } } as const satisfies ClaimDesign;

/** Trainable networks under tentative-as-permanent at the twin's configuration (trainability.pin.ts: 20 000 networks, seed 1). */
const TENTATIVE_PIN: RatePin = { successes: 2172, n: 20000, command: PIN_COMMAND };

claimProperty<TrainabilityAtInitConfig>({
  theorem: trainabilityLowerBoundTheorem,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({ N: integer(2, 10), depth: integer(2, 10), biasStd: fc.oneof(fc.constant(0), logUniform(0.1, 1.5)), target: fc.constantFrom<'abs' | 'sin3'>('abs', 'sin3') })
    .map(({ N, depth, biasStd, target }) => ({ widths: [1, ...Array<number>(depth).fill(N)], biasStd, target, points: 20 })),
  design: DESIGN,
  async experiment(c, ctx) {
    const inputs = taskInputs(c.points);
    const count = byProfile(DESIGN.sizes.nets);
    const m = minimalWidth(c.target);
    const units = new Float64Array(count);
    const fingerprints: number[] = [];
    for (const { e, net } of fingerprinting(heNets(c.widths, c.biasStd, count, ctx.seed, ctx.components), fingerprints)) {
      units[e] = trainableFor(net, inputs, m, ctx.components.activeRule, ctx.components.permanence) ? 1 : 0;
    }
    return { units, fingerprints: Float64Array.from(fingerprints), outcomes: { trainability: units.reduce((a, b) => a + b, 0) / count } };
  },
  twins: [
    {
      name: 'tentative-as-permanent',
      fault: getFault('tentative-as-permanent'),
      config: LOWER_BOUND_TWIN_CONFIG,
      world: (c) => pinnedRateWorld(TENTATIVE_PIN, trainabilityLowerBoundTheorem.predict(c).value),
    },
  ],
});
