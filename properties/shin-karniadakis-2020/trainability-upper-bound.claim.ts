/**
 * SK2020.Trainability.upper-bound: P(success) ≤ P(trainable) on the same trained networks (exact
 * one-sided sign test on the discordant pairs, properties/checks/paired-proportions.ts).
 *
 * Domain (property choices; the papers' settings could not be read): width 3–4, depth 4–6, He weights
 * with zero biases or random N(0, s_b²) biases, s_b ∈ [0.5, 1.5] (where the per-run implication can
 * fail, see SK2020.Trainability.necessary), |x| or sin 3x on 20 points, Adam lr 5e-3 for 1000 steps
 * (gate) / 3000 (full), success at MSE ≤ 10⁻³·Var(y); 128 networks per configuration (gate; the leaky twin needs them: its power at 64 is 0.96), 256 (full). Measured while
 * designing (seed 7, |x|): trainability 0.65–0.97, success 0.24–0.60, successes of untrainable networks
 * 0–2 of 128. Twin: a leaky ReLU, under which born-dead networks train and succeed.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { trainabilityUpperBound } from '../../theorems/shin-karniadakis-2020/trainability-upper-bound';
import type { TrainabilityConfig } from '../../theorems/shin-karniadakis-2020/task';
import { he, ratesWithCi, strictTask, summarize, trainabilityRuns } from './training-experiment';
import { rateNearest, rateSource, type RatePin } from './twin-worlds';
import { PIN_COMMAND, TRAINABILITY_LR, twinConfigs, uniformWidths } from './trainability.pin';

const DESIGN = {
  configs: { gate: 3, full: 6 },
  shrinks: { gate: 0, full: 1 },
  sizes: { runs: { gate: 128, full: 256 }, steps: { gate: 1000, full: 3000 } },
} as const satisfies ClaimDesign;

/** The leaky twin's discordant pairs (trainability.pin.ts: 512 networks, seed 1): runs that succeeded untrainable, runs trainable that failed. */
const LEAKY_SUCCESS_UNTRAINABLE: RatePin = { successes: 389, n: 512, command: PIN_COMMAND };
const LEAKY_TRAINABLE_FAILED: RatePin = { successes: 18, n: 512, command: PIN_COMMAND };

const LR = TRAINABILITY_LR;
const uniform = uniformWidths;

claimProperty<TrainabilityConfig>({
  theorem: trainabilityUpperBound,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({ N: integer(3, 4), depth: integer(4, 6), target: fc.constantFrom<'abs' | 'sin3'>('abs', 'sin3'), biasStd: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 1.5, noNaN: true })) })
    .map(({ N, depth, target, biasStd }) => ({ widths: uniform(N, depth), biasStd, ...strictTask(target, byProfile(DESIGN.sizes.steps), LR) })),
  design: DESIGN,
  async experiment(c, ctx) {
    const runs = await trainabilityRuns(c, byProfile(DESIGN.sizes.runs), ctx.seed, he(c, ctx.components), ctx.components);
    const rates = ratesWithCi(runs);
    const s = summarize(runs);
    // One row of the paper's success-vs-trainability tables (their numbers could not be read): the bound and its slack.
    const reproduction = {
      claim: 'SK2020.Trainability.upper-bound',
      setting: `width ${c.widths[1]}, depth ${c.widths.length - 1}, biases ${c.biasStd === 0 ? 'zero' : `N(0, ${c.biasStd.toPrecision(3)}²)`}, ${c.target === 'abs' ? '|x|' : 'sin 3x'} on ${c.points} points, Adam lr ${c.lr}, ${c.steps} steps, success at MSE ≤ 10⁻³·Var(y); ${s.n} networks`,
      paper: 'trainability upper-bounds the success rate (abstract; the paper\'s tables of success against trainability could not be read)',
      ours: { trainability: rates.trainability, success: rates.success, slack: s.trainability - s.success, successOverTrainability: s.trainability > 0 ? s.success / s.trainability : null, successfulUntrainable: s.violations },
      verdict: s.success <= s.trainability ? 'reproduced' : 'not reproduced',
      why: s.success <= s.trainability ? `success ${s.success.toFixed(3)} ≤ trainability ${s.trainability.toFixed(3)}; the bound's slack is ${(s.trainability - s.success).toFixed(3)} (trainable networks that still failed)` : 'the success rate exceeds the trainability in this sample (the asserted test decides whether that is more than chance)',
    };
    return { units: runs.success, reference: runs.trainable, fingerprints: runs.fingerprints, outcomes: s, figures: { ...rates, reproduction } };
  },
  twins: [
    {
      name: 'leaky-relu-0.3',
      fullProfileOnly: 'the gate runs this fault against SK2020.Trainability.necessary',
      fault: getFault('leaky-relu-0.3'),
      config: twinConfigs(byProfile(DESIGN.sizes.steps)).leaky,
      world: () => ({
        value: rateNearest(LEAKY_SUCCESS_UNTRAINABLE, 0) - rateNearest(LEAKY_TRAINABLE_FAILED, 1),
        arms: [rateNearest(LEAKY_SUCCESS_UNTRAINABLE, 0), rateNearest(LEAKY_TRAINABLE_FAILED, 1)],
        source: `discordant pairs at the 99.9% ends least favourable to the power: success ∧ untrainable ${rateSource(LEAKY_SUCCESS_UNTRAINABLE)}; trainable ∧ failed ${rateSource(LEAKY_TRAINABLE_FAILED)}`,
      }),
      // Its own world: the relation at its boundary, P(1, 0) = P(0, 1), with the same total discordance.
      ownWorld: () => {
        const q = rateNearest(LEAKY_SUCCESS_UNTRAINABLE, 0) + rateNearest(LEAKY_TRAINABLE_FAILED, 1);
        return { value: 0, arms: [q / 2, q / 2], source: 'the boundary P(success ∧ untrainable) = P(trainable ∧ failed), the wrong engine\'s total discordance split evenly' };
      },
    },
  ],
});
