/**
 * SK2020.Trainability.necessary: P(success ∧ ¬trainable) = 0, every run checked, with training on
 * the engine (training-experiment.ts); trainable = every hidden layer keeps ≥ the task's minimal width
 * (2) of neurons not permanently dead on the data, success = training MSE ≤ 10⁻³·Var(y).
 *
 * Domain (property choices; the papers' settings could not be read): deep narrow nets of the paper's
 * kind — width 3–4, depth 4–6, He weights with the standard zero biases (where the implication is a
 * theorem, trainability-necessary.ts) — |x| or sin 3x on 20 points, Adam lr 5e-3 for 1000 steps (gate)
 * / 3000 (full); 64 networks per configuration (gate). Measured while designing (seed 7, 128 nets, |x|):
 * trainability 0.65–0.86, success 0.29–0.60 (sin 3x: success 0.04–0.23) — both away from 0 and 1 and
 * apart, so the implication is exercised. Twins: a leaky ReLU (dead neurons revive), the death rule
 * that takes tentatively dead neurons for permanent (tentative-as-permanent) and a success criterion
 * at half the initial loss.
 *
 * Reproduction row (figures): the same reading with random biases N(0, 2) (He-scaled), width 3, depth
 * 4, |x| — where a network with a single live first-layer neuron can succeed (file header of the
 * theorem); the row counts such runs and says whether the paper's implication is reproduced there.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { clopperPearsonInterval } from '../stats';
import { trainabilityNecessary } from '../../theorems/shin-karniadakis-2020/trainability-necessary';
import type { TrainabilityConfig } from '../../theorems/shin-karniadakis-2020/task';
import { he, ratesWithCi, strictTask, summarize, trainabilityRuns } from './training-experiment';
import { pinnedRateWorld, type RatePin } from './twin-worlds';
import { PIN_COMMAND, TRAINABILITY_LR, twinConfigs, uniformWidths } from './trainability.pin';

/** `runs`: trained networks per configuration; `steps`: Adam steps of the task; `reproductionRuns`: networks of the random-bias row. */
const DESIGN = {
  configs: { gate: 2, full: 8 },
  shrinks: { gate: 1, full: 2 },
  sizes: { runs: { gate: 64, full: 256 }, steps: { gate: 1000, full: 3000 }, reproductionRuns: { gate: 128, full: 1024 } },
} as const satisfies ClaimDesign;

/**
 * Runs that succeed untrainable (the implication's violations) at the twins' configurations under
 * their faults, pinned by trainability.pin.ts (512 networks each, seed 1, 1000 steps). The leaky twin
 * trains 1500 steps in both profiles. The others train 1000 (gate) or 3000 (full) steps: a born-dead
 * net's output is a constant whose read-out bias Adam fits toward the targets' mean, so its loss only
 * falls further with more steps, and tentatively dead neurons have more steps to revive — the full
 * profile's violation rates are at least the gate's.
 */
const LEAKY_PIN: RatePin = { successes: 389, n: 512, command: PIN_COMMAND };
const LOSS_HALVED_PIN: RatePin = { successes: 438, n: 512, command: PIN_COMMAND };
const TENTATIVE_PIN: RatePin = { successes: 138, n: 512, command: PIN_COMMAND };

const LR = TRAINABILITY_LR;
const task = (target: 'abs' | 'sin3', steps: number = byProfile(DESIGN.sizes.steps)) => strictTask(target, steps, LR);
const uniform = uniformWidths;
const twins = () => twinConfigs(byProfile(DESIGN.sizes.steps));

claimProperty<TrainabilityConfig>({
  theorem: trainabilityNecessary,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({ N: integer(3, 4), depth: integer(4, 6), target: fc.constantFrom<'abs' | 'sin3'>('abs', 'sin3') })
    .map(({ N, depth, target }) => ({ widths: uniform(N, depth), biasStd: 0, ...task(target) })),
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
      config: twins().leaky,
      world: () => pinnedRateWorld(LEAKY_PIN, 0),
    },
    {
      name: 'tentative-as-permanent',
      fault: getFault('tentative-as-permanent'),
      config: twins().tentative,
      world: () => pinnedRateWorld(TENTATIVE_PIN, 0),
    },
    {
      name: 'success-when-loss-halved',
      fault: getFault('success-when-loss-halved'),
      config: twins().halved,
      world: () => pinnedRateWorld(LOSS_HALVED_PIN, 0),
    },
  ],
  // Reproduction row: the implication with random biases, where the first layer can lose neurons.
  async figures({ seed }) {
    const c: TrainabilityConfig = { widths: uniform(3, 4), biasStd: Math.SQRT2, ...task('abs') };
    const n = byProfile(DESIGN.sizes.reproductionRuns);
    const runs = await trainabilityRuns(c, n, deriveSeed(seed, 'random-biases'), he(c));
    const s = summarize(runs);
    const ci = clopperPearsonInterval(s.violations, n, 0.95);
    return {
      reproduction: {
        claim: 'SK2020.Trainability.necessary',
        setting: `He weights, biases N(0, 2), width 3, depth 4, |x| on 20 points, Adam lr ${LR}, ${c.steps} steps, success at MSE ≤ 10⁻³·Var(y); ${n} networks`,
        paper: 'success ⇒ trainable for every run (abstract: "a necessary condition"); no number given',
        ours: { violations: s.violations, n, rate: ci.estimate, ci95: [ci.lower, ci.upper], trainability: s.trainability, success: s.success },
        verdict: s.violations > 0 ? 'not reproduced' : 'reproduced',
        why:
          s.violations > 0
            ? 'some runs succeeded from a network with a single live first-layer neuron: the neuron moved its kink past the data and the layers above rebuilt |x| from an affine copy of x, so m = 2 live neurons in the first layer is not necessary'
            : `no run succeeded untrainable at this sample size (95% upper bound ${ci.upper.toPrecision(3)} per run)`,
      },
    };
  },
});
