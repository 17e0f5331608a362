/**
 * SK2020.Death.active-mean-at-point: E[active neurons of the last hidden layer at x] =
 * (N_d/2)∏_{l<d}(1 − 2^{−N_l}) with zero biases, N_d/2 with Gaussian biases; exact neuron states in
 * float64, one unit per network.
 *
 * Domain: n_0 1–4, width 2–6 (where dead layers are frequent), depth 2–10, zero or Gaussian biases,
 * and P(every earlier layer alive) ≥ 0.2: below it the count is 0 in > 80% of nets and its skewness
 * defeats the Edgeworth calibration of the t interval at n = 4000 (a gate run warned at width 2,
 * depth 10: alive 0.075); 4000 networks.
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { deathActiveMeanAtPoint, lastLayerActiveMean } from '../../theorems/shin-karniadakis-2020/death-active-mean-at-point';
import { aliveProbability, type DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { pointConfigs, unitsAtPoint } from './death-experiment';

const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 4000, full: 16000 } } } as const satisfies ClaimDesign;

claimProperty<DeathNetConfig>({
  theorem: deathActiveMeanAtPoint,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: pointConfigs(2, 6, 2, 10).filter((c) => aliveProbability(c.widths.slice(1, -1)) >= 0.2),
  design: DESIGN,
  async experiment(c, ctx) {
    return unitsAtPoint(c, byProfile(DESIGN.sizes.nets), ctx, ({ active }) => active[active.length - 1]);
  },
  twins: [
    {
      name: 'zero-as-active',
      fault: getFault('zero-as-active'),
      config: { widths: [1, 2, 2, 2, 2, 2, 2], biasStd: 0, x: [0.7] },
      world: (c) => {
        const last = c.widths[c.widths.length - 1];
        return {
          value: lastLayerActiveMean(c, true),
          sd: last / 2,
          source: `closed form: (N_d/2)·∏_{l<d}(1 − 2^{−N_l}) + N_d·(1 − ∏_{l<d}(1 − 2^{−N_l})) (a dead layer passes z = 0, counted active); sd ≤ N_d/2 = ${last / 2} (units in [0, N_d], Popoviciu)`,
        };
      },
    },
  ],
});
