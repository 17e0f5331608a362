/**
 * LSSK2020.BornDead.at-point: P(some hidden layer all-zero at x) = 1 − ∏(1 − 2^{−N_l}), exact neuron
 * states in float64, one Bernoulli unit per network.
 *
 * Domain: n_0 1–4, width 2–6, depth 2–12, zero or Gaussian biases; 4000 networks. Reviewer figure:
 * the born-dead probability against depth, measured and exact, for widths 2–5.
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, fullProfileFigures } from '../profile';
import { getFault } from '../faults/catalog';
import { equals } from '../../theorems/relation';
import { deriveSeed } from '../../engine/random/seed';
import { statesAtPoint } from '../../engine/measure/neuron-states';
import { bornDeadAtPoint } from '../../theorems/shin-karniadakis-2020/born-dead-at-point';
import { bornDeadProbability, type DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { heNets, pointConfigs, unitsAtPoint } from './death-experiment';
import { PIN_COMMAND } from '../harness/worlds';
import { pinnedRateWorld, type RatePin } from './twin-worlds';

/** Born-dead networks under the positive-biases fault at its twin's configuration (seed 1). */
const POSITIVE_BIASES_PIN: RatePin = { successes: 849, n: 4000, command: PIN_COMMAND };

/** `figureNets`: networks per (width, depth) point of the reviewer figure. */
const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 4000, full: 16000 }, figureNets: { gate: 250, full: 10000 } } } as const satisfies ClaimDesign;

claimProperty<DeathNetConfig>({
  theorem: bornDeadAtPoint,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: pointConfigs(2, 6, 2, 12),
  design: DESIGN,
  async experiment(c, ctx) {
    return unitsAtPoint(c, byProfile(DESIGN.sizes.nets), ctx, (st) => (st.firstDeadLayer >= 0 ? 1 : 0));
  },
  twins: [
    {
      name: 'depth-off-by-one',
      description: 'the formula with one hidden layer too many (1 − (1 − 2^{−N})^L instead of ^{L−1})',
      wrongPrediction: (c) => equals(bornDeadProbability([...c.widths.slice(1), c.widths[1]])),
      config: { widths: [1, 2, 2, 2, 2, 2], biasStd: 0, x: [0.5] },
      world: (c) => ({ value: bornDeadProbability(c.widths.slice(1)), source: 'closed form: 1 − ∏_l (1 − 2^{−N_l}) over the network\'s own hidden layers (the correct engine)' }),
    },
    {
      name: 'positive-biases',
      fault: getFault('positive-biases'),
      config: { widths: [1, 3, 3, 3, 3, 3, 3], biasStd: 1, x: [0.5] },
      world: (c) => pinnedRateWorld(POSITIVE_BIASES_PIN, bornDeadAtPoint.predict(c).value),
    },
  ],
  // Reviewer figure: born-dead probability against depth, measured and exact, for widths 2–5 (default engine).
  figures: fullProfileFigures(async ({ seed }) => {
    const rows = [];
    for (const N of [2, 3, 4, 5]) {
      for (const depth of [2, 4, 6, 8, 10, 15, 20]) {
        const widths = [1, ...Array<number>(depth).fill(N)];
        const n = byProfile(DESIGN.sizes.figureNets);
        let dead = 0;
        for (const { net } of heNets(widths, 0, n, deriveSeed(seed, 'fig', N, depth))) if (statesAtPoint(net, [1]).firstDeadLayer >= 0) dead++;
        rows.push({ width: N, hiddenLayers: depth, measured: dead / n, n, exact: bornDeadProbability(widths.slice(1)) });
      }
    }
    return { bornDeadVsDepth: { init: 'He Gaussian, zero biases', x: 1, rows } };
  }),
});
