/**
 * Regions along a line (Hanin & Rolnick 2019, the ICML bound; `HR2019.Lines.bound`): a neuron z of
 * layer l crosses zero on the segment x0 + t·u, t ∈ [0, T], ‖u‖ = 1, at most
 * T·ρ_b·E|∇z·u| times in expectation, with ρ_b the largest density of its bias given everything else.
 * With Gaussian biases of std s_b (ρ_b = 1/(s_b√2π)) and weights of symmetric laws,
 * E[(∇z·u)²] = (c_1/n_0)·∏_{j=2}^{l} c_j/2 exactly (a ReLU keeps each neuron's gradient with
 * probability ½, by the symmetry (w, b) → (−w, −b)), so by Jensen
 *
 *     E[#breakpoints] ≤ T/(s_b√2π) · Σ_l n_l·√((c_1/n_0)·∏_{j=2}^{l} c_j/2).
 *
 * With c = 2 every neuron contributes √(2/n_0): the bound is N·√(2/n_0)·T/(s_b√2π), the same at every
 * depth for N neurons — the paper's "independent of depth". With c ≠ 2 it grows or shrinks
 * geometrically with depth. The audit draws the component's kernels, adds Gaussian biases of std s_b
 * (the bound needs a bias density; the components audited here draw kernels, and a model's zero
 * biases have none), counts breakpoints exactly in float64 (engine/geometry/line-regions.ts) and
 * evaluates the bound at the measured c_l (shown) and at their intervals' upper ends (the verdict's). Keeps when the measured mean is
 * consistent with the bound (its lower end ≤ bound), breaks otherwise.
 */
import type { RegionsAudit } from '../../reports/audit-schema';
import { lineRegions } from '../../engine/geometry/line-regions';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { meanInterval } from './interval';
import type { NetSource } from './source';

export interface RegionsDesign {
  inputDim: number;
  /** Hidden neurons N, split evenly over `depths` layers (initializers; a fixed architecture keeps its own). */
  neurons: number;
  depths: number[];
  nets: number;
  biasStd: number;
  segmentLength: number;
}

export const DEFAULT_REGIONS: RegionsDesign = { inputDim: 16, neurons: 32, depths: [1, 2, 4, 8], nets: 100, biasStd: 1, segmentLength: 2 };

/** The bound above for widths [n_0, …, n_L] and per-layer c_l. */
export function lineBound(widths: readonly number[], c: readonly number[], biasStd: number, length: number): number {
  let g2 = c[0] / widths[0];
  let sum = 0;
  for (let l = 1; l < widths.length; l++) {
    if (l > 1) g2 *= c[l - 1] / 2;
    sum += widths[l] * Math.sqrt(g2);
  }
  return (length / (biasStd * Math.sqrt(2 * Math.PI))) * sum;
}

export function regionsAudit(source: NetSource, d: RegionsDesign, seed: number, z: number): RegionsAudit {
  const architectures = source.widths
    ? [source.widths]
    : d.depths.map((depth) => {
        if (d.neurons % depth !== 0) throw new Error(`regions.neurons must be a multiple of every depth; ${d.neurons} is not a multiple of ${depth}`);
        return [d.inputDim, ...Array<number>(depth).fill(d.neurons / depth)];
      });
  const nets = Math.min(d.nets, source.draws);
  const rows = architectures.map((widths) => {
    const L = widths.length - 1;
    const s = deriveSeed(seed, 'regions', widths);
    const stream = new RandomStream(deriveSeed(s, 'segments'));
    const counts = new Float64Array(nets);
    const c = Array.from({ length: L }, () => new Float64Array(nets));
    for (let e = 0; e < nets; e++) {
      const layers = source.draw(widths, s, e).map((l) => {
        const biases = new Float64Array(l.fanOut);
        stream.fillNormal(biases);
        for (let j = 0; j < biases.length; j++) biases[j] *= d.biasStd;
        return { ...l, biases };
      });
      layers.forEach((l, k) => {
        let s2 = 0;
        for (const w of l.weights) s2 += w * w;
        c[k][e] = (l.fanIn * s2) / l.weights.length;
      });
      const x0 = new Float64Array(widths[0]);
      const u = new Float64Array(widths[0]);
      stream.fillNormal(x0);
      stream.fillNormal(u);
      const norm = Math.hypot(...u);
      for (let i = 0; i < u.length; i++) u[i] /= norm;
      counts[e] = lineRegions({ inputDim: widths[0], layers }, { x0, u, t0: 0, t1: d.segmentLength }).breakpoints.length;
    }
    const cs = c.map((x) => meanInterval(x, z));
    const bound = lineBound(widths, cs.map((e) => e.estimate), d.biasStd, d.segmentLength);
    const boundUpper = lineBound(widths, cs.map((e) => e.upper), d.biasStd, d.segmentLength);
    const measured = meanInterval(counts, z);
    return { depth: L, widths, bound, boundUpper, measured, nets, withinBound: measured.lower <= boundUpper };
  });
  const neurons = architectures[0].slice(1).reduce((s, n) => s + n, 0);
  return {
    biasStd: d.biasStd,
    segmentLength: d.segmentLength,
    neurons,
    rows,
    verdict: rows.every((r) => r.withinBound) ? 'keeps' : 'breaks',
    reason: source.widths ? `the component's own architecture, with Gaussian biases of std ${d.biasStd} added (the bound needs a bias density)` : undefined,
  };
}
