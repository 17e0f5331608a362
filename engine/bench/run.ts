/**
 * `npm run bench`: engine throughput, each figure as a ratio against a naive path measured in the
 * same run (absolute times on these VMs vary by up to 2× between runs; ratios are what to compare).
 *
 * 1. Normal sampling: the ziggurat of engine/random/stream.ts vs naive Box–Muller (one variate per
 *    pair of pure-rand uniforms, cos branch only), for the weights of the canonical ensemble; the
 *    native fast loop (engine/native) vs the JavaScript one, per network and in one call.
 * 2. Ensemble forward pass (the matMul strategies of engine/network/ensemble-matmul.ts): per-network
 *    loop of rank-2 matMuls vs one rank-3 batched matMul, on the canonical ensemble (256 nets,
 *    depth 20, width 64, 128 inputs per net: 5.37 GFLOP) and on small per-net batches, which is
 *    where the automatic choice switches (LOOP_MIN_FLOPS on the wasm path; batched with the native matMul).
 * 3. Sampling cost relative to the forward pass it feeds (target ≤ 0.3 for the canonical ensemble).
 * 4–5. Plane regions and training throughput; 6. the same workloads against PyTorch when installed
 *    (torch-compare.ts; `npm run bench -- --torch-only` runs that section alone).
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { initEngine } from '../backend';
import { RandomStream } from '../random/stream';
import { chooseStrategy, ensembleMatMul, type MatMulStrategy } from '../network/ensemble-matmul';
import { benchPlaneRegions } from './plane-regions-bench';
import { benchTraining } from './train-bench';
import { benchAgainstTorch } from './torch-compare';
import { sampleLawEach } from '../init/laws';
import { loadNativeAddon } from '../native/addon';
import { registerNativeNormalFill, removeNativeNormalFill } from '../native/native-normal';

/** Command line: `npm run bench -- [--reps N] [--train-steps N] [--torch-only] [--no-native]` (options, not environment variables; --no-native: the pure wasm/JavaScript path). */
const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '3' }, 'train-steps': { type: 'string', default: '200' }, 'torch-only': { type: 'boolean' }, 'no-native': { type: 'boolean' } } });
const positive = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be an integer ≥ 1; got "${text}"`);
  return n;
};
const REPS = positive('reps', args.reps);
const TRAIN_STEPS = positive('train-steps', args['train-steps']);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<void> | void, reps = REPS): Promise<number> {
  await fn(); // warm-up (JIT, wasm kernels)
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
}

function naiveBoxMuller(seed: number, out: Float32Array): void {
  const g = xoroshiro128plusFromState(new RandomStream(seed).state());
  for (let i = 0; i < out.length; i++) {
    const u1 = ((g.next() >>> 0) + 0.5) / 4294967296;
    const u2 = (g.next() >>> 0) / 4294967296;
    out[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

async function forward(E: number, n: number, d: number, strategy: MatMulStrategy, weights: Float32Array[], x: tf.Tensor3D): Promise<void> {
  let h = x;
  for (let l = 0; l < d; l++) {
    const next = tf.tidy(() => tf.relu(ensembleMatMul(h, weights[l], [E, n, n], strategy)) as tf.Tensor3D);
    if (h !== x) h.dispose();
    h = next;
  }
  await h.data();
  h.dispose();
}

async function main(): Promise<void> {
  const engine = await initEngine(args['no-native'] ? { nativeMatMul: false, nativeSampling: false } : {});
  // The header says which backend and which fast paths ran (the engine's `why`: native addon or not, and why).
  console.log(`theorycheck bench — backend ${engine.backend}${engine.why ? ` (${engine.why})` : ''}, tfjs ${engine.versions['@tensorflow/tfjs']}, node ${engine.versions.node}, median of ${REPS} after warm-up\n`);
  if (args['torch-only']) {
    await benchAgainstTorch(REPS, 300);
    return;
  }

  // Canonical ensemble (the FM ensemble of the README's "Engine figures").
  const [E, n, d] = [256, 64, 20]; // and 128 inputs per net
  const perLayer = E * n * n;
  const weightsCount = perLayer * d;
  const buf = new Float32Array(weightsCount);

  const zig = await time(() => new RandomStream(1).fillNormal(buf, Math.sqrt(2 / n)));
  const naive = await time(() => naiveBoxMuller(1, buf));
  console.log('1. Normal sampling, %s M variates (the canonical ensemble\'s weights)', (weightsCount / 1e6).toFixed(1));
  console.log(`   naive Box–Muller  ${naive.toFixed(0)} ms  (${((naive * 1e6) / weightsCount).toFixed(1)} ns/variate)`);
  console.log(`   ziggurat          ${zig.toFixed(0)} ms  (${((zig * 1e6) / weightsCount).toFixed(1)} ns/variate)   ratio ${(zig / naive).toFixed(2)} of naive`);
  // The native fast loop (engine/native) against the JavaScript one, on one long fill and on the
  // ensembles' pattern (one short fill per network: 50 000 networks × `per` weights).
  const streams = Array.from({ length: 50_000 }, (_, e) => new RandomStream(e + 1));
  const short = new Float32Array(50_000 * 100);
  const perNet = (per: number, each: boolean) => () => {
    if (each) sampleLawEach(streams, 'gaussian', 1, short, per);
    else for (let e = 0; e < streams.length; e++) streams[e].fillNormal(short, 1, e * per, per);
  };
  const paths: [string, () => void][] = [['JavaScript', removeNativeNormalFill], ['native', () => void registerNativeNormalFill()]];
  for (const [label, use] of paths) {
    use();
    if (label === 'native' && ('unavailable' in loadNativeAddon() || args['no-native'])) {
      console.log(`   native: ${args['no-native'] ? 'off (--no-native)' : 'addon not built (npm run build:native)'}`);
      continue;
    }
    const long = await time(() => new RandomStream(1).fillNormal(buf));
    const per: string[] = [];
    for (const k of [8, 32, 100]) per.push(`${k}: ${(((await time(perNet(k, false))) * 1e6) / (50_000 * k)).toFixed(1)} / ${(((await time(perNet(k, true))) * 1e6) / (50_000 * k)).toFixed(1)}`);
    console.log(`   ${label.padEnd(10)} one fill ${((long * 1e6) / weightsCount).toFixed(1)} ns/variate; one fill per network / all networks in one call, ns/variate at ${per.join(', ')} per network`);
  }
  if (!args['no-native']) registerNativeNormalFill();
  console.log();

  const weights: Float32Array[] = [];
  const rs = new RandomStream(2);
  for (let l = 0; l < d; l++) {
    const w = new Float32Array(perLayer);
    rs.fillNormal(w, Math.sqrt(2 / n));
    weights.push(w);
  }
  console.log('2. Ensemble forward pass: relu(h·W) per layer, [nets, batch, width] × depth');
  const rows: { label: string; batch: number; flops: number; loop: number; batched: number }[] = [];
  const canonical = async (batch: number, nets: number, depth: number): Promise<void> => {
    const xs = new Float32Array(nets * batch * n);
    new RandomStream(3).fillNormal(xs);
    const x = tf.tensor3d(xs, [nets, batch, n]);
    const ws = weights.slice(0, depth).map((w) => w.subarray(0, nets * n * n));
    const loop = await time(() => forward(nets, n, depth, 'loop', ws, x));
    const batched = await time(() => forward(nets, n, depth, 'batched', ws, x), nets * batch >= 8192 ? 1 : REPS);
    rows.push({ label: `${nets} nets × ${batch} inputs, width ${n}, depth ${depth}`, batch, flops: 2 * nets * batch * n * n * depth, loop, batched });
    x.dispose();
  };
  await canonical(128, 256, 20);
  for (const batch of [1, 4, 16, 64]) await canonical(batch, 256, 8);
  for (const r of rows) {
    const best = Math.min(r.loop, r.batched);
    const worst = Math.max(r.loop, r.batched);
    console.log(
      `   ${r.label.padEnd(42)} loop ${r.loop.toFixed(0).padStart(6)} ms (${(r.flops / r.loop / 1e6).toFixed(2)} GFLOP/s)  batched ${r.batched.toFixed(0).padStart(6)} ms (${(r.flops / r.batched / 1e6).toFixed(2)} GFLOP/s)  best/naive ${(best / worst).toFixed(2)}  auto → ${chooseStrategy(r.batch, n, n)}`,
    );
  }
  const canonicalRow = rows[0];
  const bestForward = Math.min(canonicalRow.loop, canonicalRow.batched);
  console.log(`\n3. Sampling / forward pass, canonical ensemble: ziggurat ${zig.toFixed(0)} ms / forward ${bestForward.toFixed(0)} ms = ${(zig / bestForward).toFixed(2)} (target ≤ 0.3; naive Box–Muller: ${(naive / bestForward).toFixed(2)})`);
  await benchPlaneRegions(Math.max(REPS, 5));
  await benchTraining(TRAIN_STEPS);
  await benchAgainstTorch(REPS, 300);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
