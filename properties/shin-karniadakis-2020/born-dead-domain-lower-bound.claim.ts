/**
 * LSSK2020.BornDead.domain-lower-bound: P(dead on [a, c]) ≥ 1 − 2·∏(1 − 2^{−N_l}) (a < 0 < c, zero
 * biases), one-sided exact; "dead" measured exactly as a hidden layer identically zero on the interval
 * (engine/measure/neuron-states.ts, deadLayerOnInterval).
 *
 * Domain: width 2–4, depth 5–30 (the bound rises from 0.53 at width 2, depth 5 to 0.99 at depth 20 and
 * beyond: the claim asserts the approach to certainty), intervals [a, c] with a ∈ [−2, −0.1],
 * c ∈ [0.1, 2]; 3000 networks. Reject twin: the at-a-point probability 1 − ∏(1 − 2^{−N_l}) taken as
 * the domain's (too large: the engine's rate at width 2, depth 6 on [−1, 1] is 0.705, pinned, against 0.822).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { round } from '../harness/figure-data';
import { integer, uniform } from '../harness/arbitraries';
import { atLeast } from '../../theorems/relation';
import type { DomainConfig } from '../../theorems/shin-karniadakis-2020/born-dead-domain-bound';
import { minInformativeDepth, bornDeadDomainLowerBound } from '../../theorems/shin-karniadakis-2020/born-dead-domain-lower-bound';
import { bornDeadProbability } from '../../theorems/shin-karniadakis-2020/config';
import { deadOnIntervalUnits } from './death-experiment';
import { PIN_COMMAND } from '../harness/worlds';
import { pinnedRateWorld, type RatePin } from './twin-worlds';

const DESIGN = { configs: { gate: 4, full: 12 }, sizes: { nets: { gate: 3000, full: 12000 } } } as const satisfies ClaimDesign;

/** Networks dead on [−1, 1] at width 2, depth 6, zero biases (the pin of LSSK2020.BornDead.domain-bound's twin, seed 1). */
const DEAD_ON_INTERVAL_PIN: RatePin = { successes: 2115, n: 3000, command: PIN_COMMAND };

claimProperty<DomainConfig>({
  theorem: bornDeadDomainLowerBound,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  // Depths from where the bound is informative (> 0: depth ≥ 5, 6, 11 for N = 2, 3, 4) to 30; below it
  // the bound is negative — no test (the full profile's generator reached one and the check refused it).
  configs: integer(2, 4)
    .chain((N) => fc.record({ N: fc.constant(N), depth: integer(Math.max(5, minInformativeDepth(N)), 30), a: uniform(-2, -0.1), c: uniform(0.1, 2) }))
    .map(({ N, depth, a, c }) => ({ widths: [1, ...Array<number>(depth).fill(N)], biasStd: 0, interval: [round(a, 3), round(c, 3)] as [number, number] })),
  design: DESIGN,
  async experiment(c, ctx) {
    return deadOnIntervalUnits(c, byProfile(DESIGN.sizes.nets), ctx.seed, ctx.components);
  },
  twins: [
    {
      name: 'at-point-probability-as-domain',
      description: 'a prediction that the network is dead on the domain at least as often as at one point, 1 − ∏(1 − 2^{−N_l}) (it is dead at every point of the domain only when dead at both ends)',
      wrongPrediction: (c) => atLeast(bornDeadProbability(c.widths.slice(1))),
      config: { widths: [1, 2, 2, 2, 2, 2, 2], biasStd: 0, interval: [-1, 1] },
      world: (c) => pinnedRateWorld(DEAD_ON_INTERVAL_PIN, bornDeadProbability(c.widths.slice(1))),
    },
  ],
});
