/**
 * SK2020.Trainability.necessary: P(success ∧ ¬trainable) = 0, every run checked, with training on
 * the engine (training-experiment.ts).
 *
 * Domain (property choices; the papers' settings could not be read): narrow nets (width 3–5, depth
 * 3–5), He weights with zero biases, |x| or sin 3x on 20 points, Adam lr 5e-3 for 1000 steps (gate) /
 * 3000 (full), threshold 1e-3 (≈1% of Var|x|); 64 networks. Chosen so that both untrainable networks
 * and successes are common (measured: width 3–4, depth 4–5, |x|: trainability 0.81–0.86, success
 * 0.44–0.59), i.e. the implication is exercised; at lr 1e-3 and depth up to 8 most configurations had
 * no success at all (vacuous). Twins keep the deep narrow task (lr 1e-3) where born-dead nets abound.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { trainabilityNecessary } from '../../theorems/shin-karniadakis-2020/trainability-necessary';
import type { TrainabilityConfig } from '../../theorems/shin-karniadakis-2020/task';
import { deepTask, he, ratesWithCi, summarize, trainabilityRuns } from './training-experiment';
import { PIN_COMMAND } from '../harness/worlds';
import { pinnedRateWorld, type RatePin } from './twin-worlds';

/** `runs`: trained networks per configuration; `steps`: Adam steps of the task. */
const DESIGN = {
  configs: { gate: 2, full: 8 },
  shrinks: { gate: 1, full: 2 },
  sizes: { runs: { gate: 64, full: 256 }, steps: { gate: 1000, full: 3000 } },
} as const satisfies ClaimDesign;

/**
 * Runs that succeed untrainable (the implication's violations) at the twins' configurations, gate
 * profile (seed 1). The leaky twin trains 1500 steps in both profiles. The loss-halved twin trains
 * 1000 (gate) or 3000 (full) steps: a born-dead net's output is a constant whose read-out bias Adam
 * fits toward the targets' mean, so its loss only falls further with more steps and the full
 * profile's violation rate is at least the gate's.
 */
const LEAKY_PIN: RatePin = { successes: 42, n: 64, command: PIN_COMMAND };
const LOSS_HALVED_PIN: RatePin = { successes: 55, n: 64, command: PIN_COMMAND };

const task = (target: 'abs' | 'sin3') => deepTask(target, byProfile(DESIGN.sizes.steps));

claimProperty<TrainabilityConfig>({
  theorem: trainabilityNecessary,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({ N: integer(3, 5), depth: integer(3, 5), target: fc.constantFrom<'abs' | 'sin3'>('abs', 'sin3') })
    .map(({ N, depth, target }) => ({ widths: [1, ...Array<number>(depth).fill(N)], biasStd: 0, ...task(target), lr: 5e-3 })),
  design: DESIGN,
  async experiment(c, ctx) {
    const runs = await trainabilityRuns(c, byProfile(DESIGN.sizes.runs), ctx.seed, he(c, ctx.components), ctx.components);
    const units = runs.success.map((s, e) => (s === 1 && runs.trainable[e] === 0 ? 1 : 0));
    return { units, fingerprints: runs.fingerprints, outcomes: summarize(runs), figures: ratesWithCi(runs) };
  },
  twins: [
    {
      name: 'leaky-relu-0.3',
      fault: getFault('leaky-relu-0.3'),
      // Width 2, depth 8: most networks have a layer dead on the data, which a leaky ReLU still trains.
      config: { widths: [1, 2, 2, 2, 2, 2, 2, 2, 2], biasStd: 0, ...task('abs'), steps: 1500 },
      world: () => pinnedRateWorld(LEAKY_PIN, 0),
    },
    {
      name: 'success-when-loss-halved',
      fault: getFault('success-when-loss-halved'),
      // Claims a success rate above the trainability: born-dead nets (≈ 60% at width 2, depth 8) halve
      // their loss by fitting the read-out bias (|x| on 20 points: E y² ≈ 0.37 → Var y ≈ 0.09).
      config: { widths: [1, 2, 2, 2, 2, 2, 2, 2, 2], biasStd: 0, ...task('abs') },
      world: () => pinnedRateWorld(LOSS_HALVED_PIN, 0),
    },
  ],
});
