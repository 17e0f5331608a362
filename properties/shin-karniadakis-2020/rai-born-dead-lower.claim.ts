/**
 * LSSK2020.RAI.born-dead-lower: RAI's born-dead probability at x is shown below He's (two
 * independent samples of networks, exact neuron states in float64).
 *
 * Domain: n_0 1–3, width 2–4, depth 6–12 (where He's born-dead probability is ≥ 0.3); 1500
 * networks per arm.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { sampleDenseParams } from '../../engine/train/params';
import { statesAtPoint } from '../../engine/measure/neuron-states';
import { raiBornDeadLower } from '../../theorems/shin-karniadakis-2020/rai-born-dead-lower';
import type { DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { heSpec, nets, point } from './death-experiment';

const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { netsPerArm: { gate: 1500, full: 6000 } } } as const satisfies ClaimDesign;

claimProperty<DeathNetConfig>({
  theorem: raiBornDeadLower,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: fc
    .record({ n0: integer(1, 3), N: integer(2, 4), depth: integer(6, 12) })
    .chain(({ n0, N, depth }) => point(n0).map((x) => ({ widths: [n0, ...Array<number>(depth).fill(N)], biasStd: 0, x }))),
  design: DESIGN,
  async experiment(c, ctx) {
    const count = byProfile(DESIGN.sizes.netsPerArm);
    const rule = ctx.components.activeRule;
    const dead = (draw: Parameters<typeof nets>[2], seed: number): Float64Array => {
      const out = new Float64Array(count);
      for (const { e, net } of nets(count, seed, draw)) out[e] = statesAtPoint(net, c.x, rule).firstDeadLayer >= 0 ? 1 : 0;
      return out;
    };
    const widths = [...c.widths, 1];
    return {
      units: dead((stream) => ctx.components.rai(widths, stream), deriveSeed(ctx.seed, 'rai')),
      reference: dead((stream) => sampleDenseParams(heSpec(widths, 0), stream, ctx.components), deriveSeed(ctx.seed, 'he')),
    };
  },
  twins: [
    {
      name: 'rai-without-positive-entry',
      fault: getFault('rai-without-positive-entry'),
      // True difference 0 (both symmetric: the same exact born-dead probability): the one-sided
      // bound stays ≥ 0 with probability ≥ 1 − α by the interval's coverage.
      config: { widths: [1, 3, 3, 3, 3, 3, 3, 3, 3], biasStd: 0, x: [0.5] },
    },
  ],
});
