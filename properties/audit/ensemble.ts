/**
 * One ensemble of a source's networks, measured once for FM1, FM2 and the born-dead check: per
 * kernel its second and fourth weight moments, per network the squared activation lengths
 * M_l = ‖h_l‖²/n_l at every layer for one input x ~ N(0, I) (float64, the biases as drawn), and
 * whether some layer is entirely inactive at x.
 *
 * Units: the networks are independent draws, so every statistic is an average of i.i.d. per-network
 * (or per-kernel) values and its interval needs no assumption on the dependence *within* a kernel
 * (an orthogonal or otherwise structured initializer is measured correctly).
 */
import type { Layer64 } from '../../engine/geometry/net64';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import type { NetSource } from './source';

export interface EnsembleStats {
  widths: number[];
  nets: number;
  /** Per layer l (0-based), per network: the kernel's mean(w²) (its c is fan-in × this) and mean(w⁴). */
  m2: Float64Array[];
  m4: Float64Array[];
  /** Per layer l (1-based depth l+1), per network: M_{l+1}/M_0. */
  ratio: Float64Array[];
  /** Per layer l, per network: ρ(v) = Σ v_k⁴/‖v‖⁴ of the layer's input v (NaN when v = 0). */
  rho: Float64Array[];
  /** Per network: some layer has no active neuron at x (the network is constant near x: born dead there). */
  dead: Uint8Array;
}

export function measureEnsemble(source: NetSource, widths: readonly number[], nets: number, seed: number): EnsembleStats {
  if (!(Number.isInteger(nets) && nets >= 2)) throw new Error(`nets must be an integer ≥ 2; got ${nets}`);
  if (nets > source.draws) throw new Error(`${source.label} holds ${source.draws} networks; the audit asked for ${nets} (lower nets to at most ${source.draws})`);
  const L = widths.length - 1;
  const make = (): Float64Array[] => Array.from({ length: L }, () => new Float64Array(nets));
  const stats: EnsembleStats = { widths: [...widths], nets, m2: make(), m4: make(), ratio: make(), rho: make(), dead: new Uint8Array(nets) };
  const inputs = new RandomStream(deriveSeed(seed, 'inputs'));
  for (let e = 0; e < nets; e++) {
    const layers: Layer64[] = source.draw(widths, seed, e);
    if (layers.length !== L) throw new Error(`${source.label}: drew ${layers.length} layers; expected ${L}`);
    let h = new Float64Array(widths[0]);
    inputs.fillNormal(h);
    let m0 = 0;
    for (const v of h) m0 += v * v;
    m0 /= h.length;
    let dead = false;
    layers.forEach((layer, l) => {
      const { fanIn, fanOut, weights, biases } = layer;
      let q2 = 0;
      let q4 = 0;
      for (const v of h) {
        q2 += v * v;
        q4 += v * v * v * v;
      }
      stats.rho[l][e] = q2 > 0 ? q4 / (q2 * q2) : NaN;
      let s2 = 0;
      let s4 = 0;
      for (const w of weights) {
        const q = w * w;
        s2 += q;
        s4 += q * q;
      }
      stats.m2[l][e] = s2 / weights.length;
      stats.m4[l][e] = s4 / weights.length;
      const next = new Float64Array(fanOut);
      let active = 0;
      let m = 0;
      for (let j = 0; j < fanOut; j++) {
        let z = biases[j];
        const row = j * fanIn;
        for (let i = 0; i < fanIn; i++) z += weights[row + i] * h[i];
        if (z > 0) {
          next[j] = z;
          active++;
          m += z * z;
        }
      }
      if (active === 0) dead = true;
      stats.ratio[l][e] = m / fanOut / m0;
      h = next;
    });
    stats.dead[e] = dead ? 1 : 0;
  }
  return stats;
}
