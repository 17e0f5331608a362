/**
 * SK2020.Trainability.over-parameterization: the success rate at a narrow width is shown below the
 * rate at a wide one (two independent samples of trained networks, training-experiment.ts).
 *
 * Domain (property choices; the papers' settings could not be read): depth 4–6, narrow width 2 vs
 * wide width 8, |x| on 20 points, Adam lr 1e-3 for 1000 steps (gate) / 3000 (full), threshold 1e-3;
 * 48 networks per arm (success ≈ 0.1 vs ≈ 0.95 measured, so the difference is shown with power ≈ 1).
 * Reviewer data: the f(x) = |x| experiment with a width-2 depth-10 net (Lu et al. report over 90% of
 * 1000 runs collapsing) and success/trainability rates against width and depth for He, RAI and the
 * DDI.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, type ByProfile } from '../profile';
import { round } from '../harness/figure-data';
import { integer } from '../harness/arbitraries';
import { shownBelow } from '../../theorems/relation';
import { deriveSeed } from '../../engine/random/seed';
import { DEFAULT_COMPONENTS } from '../../engine/components';
import { trainabilityOverParameterization, type WidthComparisonConfig } from '../../theorems/shin-karniadakis-2020/trainability-over-parameterization';
import { heSpec } from './death-experiment';
import { deepTask, he, ratesWithCi, summarize, trainabilityArms, trainabilityRuns, type Arm } from './training-experiment';

/**
 * `netsPerArm`: trained networks per width; `steps`: Adam steps of the task (claim and figures);
 * `figureAbsNets`: networks of the width-2 depth-10 |x| experiment; `figureNetsPerInit`: networks per
 * (init, width, depth) of the rates figure, over {@link FIGURE_GRID}.
 */
const DESIGN = {
  configs: { gate: 1, full: 4 },
  shrinks: { gate: 0, full: 1 },
  sizes: { netsPerArm: { gate: 48, full: 192 }, steps: { gate: 1000, full: 3000 }, figureAbsNets: { gate: 32, full: 1000 }, figureNetsPerInit: { gate: 16, full: 100 } },
} as const satisfies ClaimDesign;

/** Widths and depths of the rates figure, per profile. */
const FIGURE_GRID: ByProfile<{ widths: readonly number[]; depths: readonly number[] }> = { gate: { widths: [2, 4], depths: [4] }, full: { widths: [2, 3, 4, 6, 10], depths: [4, 10] } };

const absTask = () => deepTask('abs', byProfile(DESIGN.sizes.steps));

claimProperty<WidthComparisonConfig>({
  theorem: trainabilityOverParameterization,
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
      outcomes: { narrowSuccess: summarize(narrow).success, narrowTrainability: summarize(narrow).trainability, wideSuccess: summarize(wide).success, wideTrainability: summarize(wide).trainability },
      figures: { narrow: ratesWithCi(narrow), wide: ratesWithCi(wide) },
    };
  },
  twins: [
    {
      name: 'claimed-rise-to-certainty',
      description: 'a claimed rise of the success rate by at least 0.99 from width 2 to width 8 (the prediction −0.99 for p_narrow − p_wide)',
      wrongPrediction: () => shownBelow(-0.99),
      config: { depth: 4, narrow: 2, wide: 8, biasStd: 0, ...absTask() },
    },
  ],
  // Reviewer data (default engine): |x| with width 2, depth 10 (Lu et al.: > 90% collapse); rates vs width and depth per init.
  async figures({ seed }) {
    const task = absTask();
    const n = byProfile(DESIGN.sizes.figureAbsNets);
    const absRuns = await trainabilityRuns(task, n, deriveSeed(seed, 'abs-2x10'), he({ widths: [1, ...Array<number>(10).fill(2)], biasStd: 0 }));
    const absDeep = { violations: summarize(absRuns).violations, ...ratesWithCi(absRuns) };
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
    return { absWidth2Depth10: { ...absDeep, collapsed: round(1 - absDeep.success.proportion), task }, ratesVsWidthDepth: { task, rows } };
  },
});
