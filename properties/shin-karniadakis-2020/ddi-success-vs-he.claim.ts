/**
 * SK2020.DDI.success-vs-he: P(success | He) − P(success | DDI) ≤ 0, two independent arms of trained
 * networks (training-experiment.ts; the DDI is the engine's ddi component).
 *
 * Domain (property choices; the papers' settings could not be read): shallow nets (1 hidden layer of
 * 12–16, or 2 of 8), biases N(0, s_b²) with s_b in [0.7, 1.5] (where He kills first-layer neurons on
 * the data), sin 3x on 20 points, Adam lr 1e-2, 1500 steps, threshold 1e-3; 64 networks per arm.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { ddiSuccessVsHe } from '../../theorems/shin-karniadakis-2020/ddi-success-vs-he';
import { targetVariance, type TrainabilityConfig, type TrainingTask } from '../../theorems/shin-karniadakis-2020/task';
import { heSpec } from './death-experiment';
import { he, ratesWithCi, summarize, trainabilityArms } from './training-experiment';
import { newTwinPinCommand, pinnedRate, rateNearest, rateSource, type RatePin } from './twin-worlds';

/** `netsPerArm`: trained networks per initialization; `steps`: Adam steps of the task (the same in both profiles). */
const DESIGN = {
  configs: { gate: 2, full: 6 },
  shrinks: { gate: 0, full: 1 },
  sizes: { netsPerArm: { gate: 64, full: 256 }, steps: { gate: 1500, full: 1500 } },
} as const satisfies ClaimDesign;

/** He runs that succeed at the twin's configuration (seed 1, full profile: 256 runs). */
const HE_PIN: RatePin = { successes: 250, n: 256, command: newTwinPinCommand('ddi-success-vs-he.claim.ts', 'full') };

const shallowTask = (): TrainingTask => ({ target: 'sin3', points: 20, steps: byProfile(DESIGN.sizes.steps), lr: 1e-2, lossBelow: 1e-3 });

claimProperty<TrainabilityConfig>({
  theorem: ddiSuccessVsHe,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({ hidden: fc.oneof(integer(12, 16).map((w) => [w]), fc.constant([8, 8])), biasStd: logUniform(0.7, 1.5) })
    .map(({ hidden, biasStd }) => ({ widths: [1, ...hidden], biasStd, ...shallowTask() })),
  design: DESIGN,
  async experiment(c, ctx) {
    const n = byProfile(DESIGN.sizes.netsPerArm);
    const [heRuns, ddiRuns] = await trainabilityArms(
      c,
      n,
      [
        { seed: deriveSeed(ctx.seed, 'he'), draw: he(c, ctx.components) },
        { seed: deriveSeed(ctx.seed, 'ddi'), draw: (stream, inputs) => ctx.components.ddi(heSpec([...c.widths, 1], c.biasStd), inputs, stream, ctx.components) },
      ],
      ctx.components,
    );
    return { units: heRuns.success, reference: ddiRuns.success, fingerprints: Float64Array.from([...heRuns.fingerprints, ...ddiRuns.fingerprints]), outcomes: { heSuccess: summarize(heRuns).success, ddiSuccess: summarize(ddiRuns).success }, figures: { he: ratesWithCi(heRuns), ddi: ratesWithCi(ddiRuns) } };
  },
  twins: [
    {
      name: 'ddi-past-the-data',
      fault: getFault('ddi-past-the-data'),
      // Width 32, s_b = 0.7: He succeeds almost always, so the 64 runs per arm show p_He − p_DDI > 0 at
      // α_i (at width 16, s_b = 1, He's ≈ 0.5 leaves a miss rate of ≈ 10⁻²).
      config: { widths: [1, 32], biasStd: 0.7, ...shallowTask() },
      world: (c) => {
        const he = rateNearest(HE_PIN, 0);
        return {
          value: he,
          arms: [he, 0],
          source: `${rateSource(HE_PIN, 'He')}, at its 99.9% end nearest 0; DDI exactly 0 (closed form: every first-layer neuron dead on the data, so the output is constant there and the loss stays ≥ Var y = ${targetVariance(c).toPrecision(3)} > ${c.lossBelow})`,
        };
      },
      // DDI = He (the ddi-unanchored engine): both arms He's rate, the relation p_He − p_DDI ≤ 0 at its boundary.
      ownWorld: () => {
        const he = pinnedRate(HE_PIN).estimate;
        return { value: 0, arms: [he, he], source: `DDI = He: both arms ${rateSource(HE_PIN, 'He')}` };
      },
    },
  ],
});
