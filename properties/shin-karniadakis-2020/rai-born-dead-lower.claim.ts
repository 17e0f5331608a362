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
import { RAI_MIN_EFFECT, raiBornDeadLower } from '../../theorems/shin-karniadakis-2020/rai-born-dead-lower';
import { bornDeadProbability, type DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { fingerprinting, heSpec, nets, point } from './death-experiment';

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
    const fingerprints: number[] = [];
    const dead = (draw: Parameters<typeof nets>[2], seed: number): Float64Array => {
      const out = new Float64Array(count);
      for (const { e, net } of fingerprinting(nets(count, seed, draw, ctx.components.netStream), fingerprints)) out[e] = statesAtPoint(net, c.x, rule).firstDeadLayer >= 0 ? 1 : 0;
      return out;
    };
    const widths = [...c.widths, 1];
    return {
      units: dead((stream) => ctx.components.rai(widths, stream), deriveSeed(ctx.seed, 'rai')),
      reference: dead((stream) => sampleDenseParams(heSpec(widths, 0), stream, ctx.components), deriveSeed(ctx.seed, 'he')),
      fingerprints: Float64Array.from(fingerprints),
    };
  },
  twins: [
    {
      name: 'rai-without-positive-entry',
      fault: getFault('rai-without-positive-entry'),
      // Both arms symmetric (the faulty RAI draws weights and biases from N(0, σ²/fan-in), He has zero
      // biases): a layer whose predecessor is alive is all-zero at x with probability 2^{−N}
      // independently, so both born-dead probabilities are exactly 1 − (1 − 2^{−N})^L and the
      // one-sided bound stays ≥ 0 with probability ≥ 1 − α by the interval's coverage.
      config: { widths: [1, 3, 3, 3, 3, 3, 3, 3, 3], biasStd: 0, x: [0.5] },
      world: (c) => {
        const p = bornDeadProbability(c.widths.slice(1));
        return { value: 0, arms: [p, p], source: `closed form: both arms 1 − ∏_l (1 − 2^{−N_l}) = ${p.toPrecision(5)} (symmetric weights and biases)` };
      },
      // The claim at its boundary: RAI below He's exact rate by the smallest effect of interest; the prediction 0.
      ownWorld: (c) => {
        const he = bornDeadProbability(c.widths.slice(1));
        return { value: 0, arms: [he - RAI_MIN_EFFECT, he], source: `the smallest effect of interest: p_RAI − p_He = −${RAI_MIN_EFFECT} (theorem) below He's exact 1 − ∏_l (1 − 2^{−N_l}) = ${he.toPrecision(5)}` };
      },
    },
  ],
});
