/**
 * SK2020.Trainability.success-when-wide: at width 10 (5× the minimal width 2) the success rate is at
 * least 0.9, one-sided exact (training-experiment.ts).
 *
 * Domain (property choices; the papers' settings could not be read): the paper's depths 4–10, He with
 * zero biases, |x| or sin 3x on 20 points, Adam lr 5e-3 for 1000 steps (gate) / 3000 (full), success
 * at MSE ≤ 10⁻³·Var(y); 64 networks per configuration. Measured while designing (seed 9, 64 nets, after
 * the level was stated): |x| 1.0 at depths 4 and 10; sin 3x 0.98 (depth 4) and 0.92 (depth 10).
 * Reject twin: width-capped-at-2 (every layer keeps 2 neurons: success ≈ 0.13 at depth 4; pinned by trainability.pin.ts).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { trainabilitySuccessWhenWide, SUCCESS_LEVEL_WHEN_WIDE } from '../../theorems/shin-karniadakis-2020/trainability-success-when-wide';
import type { TrainabilityConfig } from '../../theorems/shin-karniadakis-2020/task';
import { he, ratesWithCi, strictTask, summarize, trainabilityRuns } from './training-experiment';
import { pinnedRateWorld, type RatePin } from './twin-worlds';
import { PIN_COMMAND, TRAINABILITY_LR, WIDE_TWIN_CONFIG, uniformWidths } from './trainability.pin';

const DESIGN = {
  configs: { gate: 2, full: 6 },
  shrinks: { gate: 0, full: 1 },
  sizes: { runs: { gate: 64, full: 256 }, steps: { gate: 1000, full: 3000 } },
} as const satisfies ClaimDesign;

/** Successes under width-capped-at-2 at the twin's configuration (trainability.pin.ts: 512 networks, seed 1, 1000 steps; 3000 steps only raise it a little). */
const CAPPED_PIN: RatePin = { successes: 66, n: 512, command: PIN_COMMAND };

claimProperty<TrainabilityConfig>({
  theorem: trainabilitySuccessWhenWide,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({ depth: integer(4, 10), target: fc.constantFrom<'abs' | 'sin3'>('abs', 'sin3') })
    .map(({ depth, target }) => ({ widths: uniformWidths(10, depth), biasStd: 0, ...strictTask(target, byProfile(DESIGN.sizes.steps), TRAINABILITY_LR) })),
  design: DESIGN,
  async experiment(c, ctx) {
    const runs = await trainabilityRuns(c, byProfile(DESIGN.sizes.runs), ctx.seed, he(c, ctx.components), ctx.components);
    return { units: runs.success, fingerprints: runs.fingerprints, outcomes: summarize(runs), figures: ratesWithCi(runs) };
  },
  twins: [
    {
      name: 'width-capped-at-2',
      fault: getFault('width-capped-at-2'),
      config: WIDE_TWIN_CONFIG,
      world: () => pinnedRateWorld(CAPPED_PIN, SUCCESS_LEVEL_WHEN_WIDE),
    },
  ],
});
