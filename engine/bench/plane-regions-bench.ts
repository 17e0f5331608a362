/**
 * Exact 2-D region counting (engine/geometry/plane-regions.ts), one core, float64.
 *
 * Nets: input dimension 2, He normal weights (variance 2/fan-in), Gaussian biases, ReLU; slice: the
 * unit-area square [−½, ½]² centred on the input origin (where the first-layer lines concentrate).
 * Bias std 0.1 (the default figure) and 1e-3 (variance 1e-6, Hanin & Rolnick's ICML 2019 setting).
 *
 * 1. Time of the depth-3 width-64 count: median of `--reps` (default 5) repetitions on one net
 *    after a warm-up, and the slowest single count over 5 nets, against the 2 s target.
 * 2. Mean count over nets for depth 3, widths 32 and 64, against Hanin & Rolnick's heuristic
 *    (#neurons)²/2! regions per unit area (96²/2 = 4608 for width 32; T ~ 1 in their Theorem 5).
 */
import { RandomStream } from '../random/stream';
import { sampleNet64 } from '../geometry/net64';
import { planeRegions, squareSlice } from '../geometry/plane-regions';
import type { NetworkSpec } from '../network/spec';

const TARGET_MS = 2000;

const spec = (width: number, biasStd: number): NetworkSpec => ({
  widths: [2, width, width, width],
  init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: biasStd } },
  activation: { kind: 'relu' },
});

function ms(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function meanSd(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1);
  return [m, Math.sqrt(v)];
}

export async function benchPlaneRegions(REPS = 5): Promise<void> {
  const slice = squareSlice([0, 0], 0.5);
  console.log('\n4. Exact activation regions in a 2-D slice (float64, one core): depth 3, He normal, ReLU, square [−½, ½]²');

  for (const biasStd of [0.1, 1e-3]) {
    const net = sampleNet64(spec(64, biasStd), new RandomStream(1));
    let count = 0;
    planeRegions(net, slice); // warm-up (JIT)
    const times: number[] = [];
    for (let r = 0; r < REPS; r++) times.push(ms(() => (count = planeRegions(net, slice).count)));
    let slowest = 0;
    for (let seed = 2; seed <= 6; seed++) {
      const other = sampleNet64(spec(64, biasStd), new RandomStream(seed));
      slowest = Math.max(slowest, ms(() => planeRegions(other, slice)));
    }
    const med = median(times);
    console.log(
      `   width 64, bias std ${String(biasStd).padEnd(5)}  ${med.toFixed(0).padStart(5)} ms median of ${REPS} (${count} regions; slowest of 5 other nets ${slowest.toFixed(0)} ms)  target ≤ ${TARGET_MS} ms: ${med <= TARGET_MS && slowest <= TARGET_MS ? 'met' : 'MISSED'}`,
    );
  }

  for (const biasStd of [0.1, 1e-3]) {
    for (const [width, nets] of [[32, 20], [64, 5]] as const) {
      const counts: number[] = [];
      let snapped = 0;
      let dropped = 0;
      const t = ms(() => {
        for (let seed = 1; seed <= nets; seed++) {
          const r = planeRegions(sampleNet64(spec(width, biasStd), new RandomStream(100 + seed)), slice);
          counts.push(r.count);
          snapped += r.snappedVertices;
          dropped += r.droppedPieces;
        }
      });
      const [m, sd] = meanSd(counts);
      const predicted = (3 * width) ** 2 / 2;
      console.log(
        `   width ${width}, bias std ${String(biasStd).padEnd(5)}  mean ${m.toFixed(0)} ± ${(sd / Math.sqrt(nets)).toFixed(0)} regions over ${nets} nets (min ${Math.min(...counts)}, max ${Math.max(...counts)}); (3·${width})²/2 = ${predicted}, ratio ${(m / predicted).toFixed(2)}; snapped ${snapped}, dropped ${dropped}; ${(t / nets).toFixed(0)} ms/net`,
      );
    }
  }
}
