/**
 * FM2 (Hanin & Rolnick 2018; the general-law form derived in docs/claims.md §2.3, [D]). With zero
 * biases and the weights of a layer of width n independent with a symmetric law of normalized fourth
 * moment μ̃4 = E[w⁴]/E[w²]², the layer's output M = ‖ReLU(Wv)‖²/n satisfies, for its input v,
 *
 *     E[M²]/E[M]² = 1 + (5 + 2(μ̃4 − 3)ρ(v))/n,   ρ(v) = Σ v_k⁴/‖v‖⁴ ∈ (0, 1]
 *
 * (the rows are independent; ReLU keeps half of a symmetric variable's second and fourth moments),
 * so E[M_d²]/E[M_d]² lies between ∏_j (1 + min(5, 2μ̃4 − 1)/n_j) and ∏_j (1 + max(5, 2μ̃4 − 1)/n_j),
 * a band that is the point (1 + 5/n)^d for Gaussian weights.
 *
 * The verdict tests the per-layer identity, which is exact and light-tailed: per layer, the ratio
 * F = M_l/M_{l−1} over networks has E[F²]/E[F]² = 1 + (5 + 2(μ̃4 − 3)ρ̄)/n_l with ρ̄ the mean ρ of
 * the layer's inputs (the identity holds given each input, and E[F | v] = c/2 does not depend on v);
 * for an initializer the layers (one law, one width) are pooled into one test. In a simulation of the
 * suite's He (width 32, depth 8, 1000 networks) the per-layer 99.9% intervals missed 3 times in
 * 1600 (200 repetitions; nominal 1.6) and the pooled one 0 times in 300.
 * A miss means the component's weights are not independent and symmetric (e.g. correlated rows).
 * The product over layers against β is also shown, with the band: its statistic M_d/M_0 has a heavy
 * right tail (at β = 1/4 a 99.9% delta-method interval covered 96% of the time in a simulation), so
 * it is not the verdict.
 */
import type { Estimate, Fm2Audit } from '../../reports/audit-schema';
import type { EnsembleStats } from './ensemble';
import { concat, overlaps, ratioOfMeans } from './interval';

export function fm2Audit(stats: EnsembleStats, o: { z: number; pooled: boolean; depths: number[]; zeroBiases: boolean; zPerLayer?: number }): Fm2Audit {
  const L = stats.widths.length - 1;
  const perLayer: Estimate[] = o.pooled
    ? Array<Estimate>(L).fill(ratioOfMeans(concat(stats.m4), concat(stats.m2), 2, o.z))
    : stats.m4.map((m4, l) => ratioOfMeans(m4, stats.m2[l], 2, o.z));
  const mu4: Estimate = o.pooled
    ? perLayer[0]
    : { estimate: perLayer.reduce((s, e) => s + e.estimate, 0) / L, lower: Math.min(...perLayer.map((e) => e.lower)), upper: Math.max(...perLayer.map((e) => e.upper)) };
  const k = (m: number): number => 2 * m - 1;
  const constant = { lower: Math.min(5, k(mu4.estimate)), upper: Math.max(5, k(mu4.estimate)) };
  if (!o.zeroBiases) return { mu4, constant, layers: [], rows: [], verdict: 'not applicable' };
  // Per network and layer: F = M_l/M_{l−1} and ρ of the layer's input (skipped when the input is 0:
  // the identity holds given the input, and a dead input has none).
  const F = stats.ratio.map((ratio, l) => Float64Array.from(ratio, (r, e) => (l === 0 ? r : stats.ratio[l - 1][e] > 0 ? r / stats.ratio[l - 1][e] : NaN)));
  const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const test = (ls: number[], z: number) => {
    const n = stats.widths[ls[0] + 1];
    // Units are networks: a_e = Σ_l F², b_e = Σ_l F over the tested layers, E[F²]/E[F]² = |ls|·E[a]/E[b]².
    const a: number[] = [];
    const b: number[] = [];
    const rho: number[] = [];
    for (let e = 0; e < stats.nets; e++) {
      if (ls.some((l) => Number.isNaN(F[l][e]))) continue;
      a.push(ls.reduce((s, l) => s + F[l][e] ** 2, 0));
      b.push(ls.reduce((s, l) => s + F[l][e], 0));
      for (const l of ls) rho.push(stats.rho[l][e]);
    }
    const layer = ls.length === 1 ? ls[0] + 1 : 0;
    if (a.length < 2 || !(b.reduce((x, y) => x + y, 0) > 0)) {
      // No network reaches this layer with a live input (e.g. all-zero weights): nothing to test.
      const none = { estimate: NaN, lower: NaN, upper: NaN };
      return { layer, fanIn: stats.widths[ls[0]], fanOut: n, rho: NaN, predicted: { lower: NaN, upper: NaN }, measured: none, nets: a.length, consistent: false, testable: false };
    }
    const rhoBar = mean(rho);
    const mu = perLayer[ls[0]];
    const predicted = { lower: 1 + (5 + 2 * (mu.lower - 3) * rhoBar) / n, upper: 1 + (5 + 2 * (mu.upper - 3) * rhoBar) / n };
    const r = ratioOfMeans(a, b, 2, z);
    const measured = { estimate: r.estimate * ls.length, lower: r.lower * ls.length, upper: r.upper * ls.length };
    return { layer, fanIn: stats.widths[ls[0]], fanOut: n, rho: rhoBar, predicted, measured, nets: a.length, consistent: overlaps(measured, predicted.lower, predicted.upper), testable: true };
  };
  // An initializer (one law, square layers): one test pooling the layers; a fixed architecture: one
  // test per layer at level 1 − (1 − level)/L (Bonferroni), so a subject's verdict has the audit's level.
  const all = Array.from({ length: L }, (_, l) => l);
  const layers = o.pooled ? [test(all, o.z)] : all.map((l) => test([l], o.zPerLayer ?? o.z));
  const rows = o.depths
    .filter((d) => d <= L)
    .map((d) => {
      let lo = 1;
      let hi = 1;
      for (let j = 0; j < d; j++) {
        lo *= 1 + Math.min(5, k(perLayer[j].lower)) / stats.widths[j + 1];
        hi *= 1 + Math.max(5, k(perLayer[j].upper)) / stats.widths[j + 1];
      }
      const r = stats.ratio[d - 1];
      const measured = ratioOfMeans(r.map((v) => v * v), r, 2, o.z);
      const widths = stats.widths.slice(0, d + 1);
      const beta = widths.slice(1).reduce((s, n) => s + 1 / n, 0);
      return { widths, beta, predictedLower: lo, predictedUpper: hi, measured, nets: stats.nets, consistent: overlaps(measured, lo, hi) };
    });
  const verdict = layers.some((l) => l.testable && !l.consistent) ? 'breaks' : layers.every((l) => l.testable) ? 'keeps' : 'undetermined';
  for (const l of layers) delete (l as { testable?: boolean }).testable;
  return { mu4, constant, layers, rows, verdict };
}
