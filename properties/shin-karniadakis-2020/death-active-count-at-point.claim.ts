/**
 * SK2020.Death.active-count-at-point: the per-layer active counts at a point are Binomial(N, ½)
 * (goodness of fit of their histogram), exact neuron states in float64.
 *
 * Domain: n_0 1–4, constant width N 2–12, depth 2–8, zero or N(0, s_b²) biases (s_b in [0.1, 1]);
 * 2000 networks; units = counts of the layers whose previous layer is alive.
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import type { ExperimentContext } from '../harness/types';
import { statesAtPoint } from '../../engine/measure/neuron-states';
import { deathActiveCountAtPoint } from '../../theorems/shin-karniadakis-2020/death-active-count-at-point';
import type { DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { fingerprinting, heNets, pointConfigs } from './death-experiment';
import { pinnedWorld, type Pin } from '../harness/worlds';

const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 2000, full: 8000 } } } as const satisfies ClaimDesign;

/**
 * Active counts under the positive-biases fault at its twin's configuration (seed 1: 8000 layers,
 * observed 12, 138, 568, 1454, 2246, 2332, 1250 of the counts 0–6).
 */
const POSITIVE_BIASES_PIN: Pin = { estimate: 4.2225, sd: 1.2297, n: 8000 };

/** The active counts at x of every layer whose previous layer is alive (layer 1 always), network by network. */
function aliveLayerCounts(c: DeathNetConfig, count: number, ctx: ExperimentContext): { units: Float64Array; fingerprints: Float64Array } {
  const out: number[] = [];
  const fingerprints: number[] = [];
  const rule = ctx.components.activeRule;
  for (const { net } of fingerprinting(heNets(c.widths, c.biasStd, count, ctx.seed, ctx.components), fingerprints)) {
    const { active } = statesAtPoint(net, c.x, rule);
    for (let l = 0; l < active.length; l++) {
      out.push(active[l]);
      if (active[l] === 0 && c.biasStd === 0) break; // the next layers' z are exactly 0: not "previous alive"
    }
  }
  return { units: Float64Array.from(out), fingerprints: Float64Array.from(fingerprints) };
}

claimProperty<DeathNetConfig>({
  theorem: deathActiveCountAtPoint,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: pointConfigs(2, 12, 2, 8),
  design: DESIGN,
  async experiment(c, ctx) {
    return aliveLayerCounts(c, byProfile(DESIGN.sizes.nets), ctx);
  },
  twins: [
    {
      name: 'positive-biases',
      fault: getFault('positive-biases'),
      config: { widths: [2, 6, 6, 6, 6], biasStd: 1, x: [0.5, -0.3] },
      // The counts check's alternative is the law with the world's mean (Binomial(N, value/N)); the
      // fault's counts (mean 4.22 of N = 6, every layer counted: biases ≠ 0) are that far from N/2.
      world: (c) => pinnedWorld(POSITIVE_BIASES_PIN, deathActiveCountAtPoint.predict(c).value),
    },
  ],
});
