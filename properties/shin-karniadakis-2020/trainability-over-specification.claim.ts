/**
 * SK2020.Trainability.over-specification: the success rate at the minimal width is shown below the
 * rate at an over-specified one (two independent samples of trained networks, training-experiment.ts).
 *
 * Domain (property choices; the papers' settings could not be read): depth 4–6, narrow width 2 vs
 * wide width 8, |x| on 20 points, Adam lr 1e-3 for 1000 steps (gate) / 3000 (full), threshold 1e-3;
 * networks per arm (DESIGN) such that the exact miss rate at the theorem's smallest effect of interest
 * (a rise of 0.7) is ≤ α_i over every nuisance value (measured: success ≈ 0.1 vs ≈ 0.95).
 * Reviewer data: the f(x) = |x| experiment with a width-2 depth-10 net (Lu et al. report over 90% of
 * 1000 runs collapsing) and success/trainability rates against width and depth for He, RAI and the
 * DDI.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, fullProfileFigures, type ByProfile } from '../profile';
import { integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { DEFAULT_COMPONENTS } from '../../engine/components';
import { OVER_SPECIFICATION_MIN_EFFECT, trainabilityOverSpecification, type WidthComparisonConfig } from '../../theorems/shin-karniadakis-2020/trainability-over-specification';
import { heSpec } from './death-experiment';
import { deepTask, he, ratesWithCi, summarize, trainabilityArms, trainabilityRuns, type Arm } from './training-experiment';
import { newTwinPinCommand, rateNearest, rateSource, type RatePin } from './twin-worlds';

/**
 * `netsPerArm`: trained networks per width; `steps`: Adam steps of the task (claim and figures);
 * `figureNetsPerInit`: networks per (init, width, depth) of the rates figure, over {@link FIGURE_GRID}.
 * (Lu et al.'s width-2 depth-10 |x| collapse is LSSK2020.RAI.born-dead-lower's reproduction row, with
 * collapse = the trained net constant on the domain.)
 */
const DESIGN = {
  configs: { gate: 1, full: 4 },
  shrinks: { gate: 0, full: 1 },
  sizes: { netsPerArm: { gate: 60, full: 192 }, steps: { gate: 1000, full: 3000 }, figureNetsPerInit: { gate: 16, full: 100 } },
} as const satisfies ClaimDesign;

/** Widths and depths of the rates figure, per profile. */
const FIGURE_GRID: ByProfile<{ widths: readonly number[]; depths: readonly number[] }> = { gate: { widths: [2, 4], depths: [4] }, full: { widths: [2, 3, 4, 6, 10], depths: [4, 10] } };

const absTask = () => deepTask('abs', byProfile(DESIGN.sizes.steps));

/** Successes of the twin's two arms under width-capped-at-2 (same law: pooled), by Adam steps (gate 1000, full 3000; seed 1). */
const CAPPED_PINS: Readonly<Record<number, RatePin>> = {
  1000: { successes: 8, n: 96, command: newTwinPinCommand('trainability-over-parameterization.claim.ts', 'gate') },
  3000: { successes: 54, n: 384, command: newTwinPinCommand('trainability-over-parameterization.claim.ts', 'full') },
};

/** The pin for a number of Adam steps; a task the pins do not cover is a design error. */
function pinFor<T>(pins: Readonly<Record<number, T>>, steps: number): T {
  const pin = pins[steps];
  if (pin === undefined) throw new Error(`no pinned world for ${steps} Adam steps; pinned: ${Object.keys(pins).join(', ')} (re-pin with the commands in the sources)`);
  return pin;
}

claimProperty<WidthComparisonConfig>({
  theorem: trainabilityOverSpecification,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc.record({ depth: integer(4, 6), narrow: fc.constant(2), wide: fc.constant(8), biasStd: fc.constant(0) }).map((c) => ({ ...c, ...absTask() })),
  design: DESIGN,
  async experiment(c, ctx) {
    const n = byProfile(DESIGN.sizes.netsPerArm);
    const arm = (w: number) => trainabilityRuns(c, n, deriveSeed(ctx.seed, 'width', w), he({ widths: [1, ...Array<number>(c.depth).fill(w)], biasStd: c.biasStd }, ctx.components), ctx.components);
    const narrow = await arm(c.narrow);
    const wide = await arm(c.wide);
    return {
      units: narrow.success,
      reference: wide.success,
      fingerprints: Float64Array.from([...narrow.fingerprints, ...wide.fingerprints]),
      outcomes: { narrowSuccess: summarize(narrow).success, narrowTrainability: summarize(narrow).trainability, wideSuccess: summarize(wide).success, wideTrainability: summarize(wide).trainability },
      figures: { narrow: ratesWithCi(narrow), wide: ratesWithCi(wide) },
    };
  },
  twins: [
    {
      // The claimed effect absent: the wide arm is a width-2 network too, so both arms have the same
      // success probability (the shown bound stays ≥ 0 with probability ≥ 1 − α by its coverage).
      name: 'width-capped-at-2',
      fullProfileOnly: 'the gate runs this fault against SK2020.Trainability.success-when-wide',
      fault: getFault('width-capped-at-2'),
      config: { depth: 4, narrow: 2, wide: 8, biasStd: 0, ...absTask() },
      world: (c) => {
        const pin = pinFor(CAPPED_PINS, c.steps);
        const p = rateNearest(pin, 0.5);
        return { value: 0, arms: [p, p], source: `closed form: difference 0 (both arms He width-2 networks in law); common rate ${rateSource(pin)}, at its 99.9% end nearest ½ (the least favourable)` };
      },
      // The claim at its boundary: the smallest effect of interest, centred on ½ (the largest variance);
      // the prediction 0. (The default engine is farther out: 6/48 at width 2 vs 47/48 at width 8, seed 1.)
      ownWorld: () => {
        const m = OVER_SPECIFICATION_MIN_EFFECT;
        return { value: 0, arms: [0.5 - m / 2, 0.5 + m / 2], source: `the smallest effect of interest: p_narrow − p_wide = −${m} (theorem), arms centred on ½` };
      },
    },
  ],
  // Reviewer data (default engine): |x| with width 2, depth 10 (Lu et al.: > 90% collapse); rates vs width and depth per init.
  figures: fullProfileFigures(async ({ seed }) => {
    const task = absTask();
    const rows: Record<string, unknown>[] = [];
    const grid = byProfile(FIGURE_GRID);
    for (const depth of grid.depths) {
      for (const width of grid.widths) {
        const widths = [1, ...Array<number>(depth).fill(width)];
        const draws: Record<string, Arm['draw']> = {
          he: he({ widths, biasStd: 0 }),
          rai: (stream) => DEFAULT_COMPONENTS.rai([...widths, 1], stream),
          ddi: (stream, inputs) => DEFAULT_COMPONENTS.ddi(heSpec([...widths, 1], 0), inputs, stream),
        };
        const inits = Object.keys(draws);
        const runs = await trainabilityArms(task, byProfile(DESIGN.sizes.figureNetsPerInit), inits.map((init) => ({ seed: deriveSeed(seed, init, width, depth), draw: draws[init] })));
        inits.forEach((init, i) => rows.push({ init, width, depth, violations: summarize(runs[i]).violations, ...ratesWithCi(runs[i]) }));
      }
    }
    return { ratesVsWidthDepth: { task, rows } };
  }),
});
