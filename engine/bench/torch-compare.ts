/**
 * The engine against PyTorch on the suite's own workloads, in the same run (engine/bench/torch/
 * workloads.py states them): the FM ensemble (sample + forward + lengths, 200k networks of widths
 * 10-10-20-5-15-10), three training workloads (full-batch Adam: memorization, trainability,
 * condensation), weight sampling, and exact 1-D and 2-D region counting (float64). Both sides single-threaded (the
 * engine's wasm backend has no threads in Node; torch.set_num_threads(1)), float32, median of `reps`
 * after a warm-up. Skipped, with the reason, when no `python3` can `import torch` (Debian:
 * `apt-get install python3-torch`); the suite itself never needs it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { measureLengths } from '../measure/lengths';
import { RandomStream } from '../random/stream';
import { netSeed } from '../random/net-stream';
import { sampleLawEach } from '../init/laws';
import { sampleNet64 } from '../geometry/net64';
import { lineRegions } from '../geometry/line-regions';
import { planeRegions, squareSlice } from '../geometry/plane-regions';
import type { NetworkSpec } from '../network/spec';
import { trainCase } from './train-bench';
import type { TrainActivation } from '../train/activations';

const SCRIPT = path.join(__dirname, 'torch', 'workloads.py');

/** The first python3 that imports torch (PATH's, then Debian's), or why none does. */
export function findTorchPython(): { python: string } | { skipped: string } {
  const tried: string[] = [];
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python };
    tried.push(`${python}: ${r.error ? r.error.message : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`)}`);
  }
  return { skipped: `no python3 with torch (${tried.join('; ')}); install it with apt-get install python3-torch` };
}

async function median(reps: number, fn: () => Promise<void>): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return out.sort((a, b) => a - b)[Math.floor(reps / 2)];
}

const train = async (nets: number, widths: number[], activation: TrainActivation, steps: number): Promise<void> => {
  await trainCase({ nets, widths, points: 100, activation }, steps);
};

const reluNet = (widths: number[], biasStd: number): NetworkSpec => ({ widths, init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: biasStd } }, activation: { kind: 'relu' } });

/** The first layers of 200k networks (100 weights each), each from its own stream, as the ensembles draw them. */
function sampling(nets = 200_000, per = 100): void {
  const out = new Float32Array(nets * per);
  const streams = Array.from({ length: nets }, (_, e) => new RandomStream(netSeed(11, 'net', e)));
  sampleLawEach(streams, 'gaussian', Math.sqrt(2 / 10), out, per);
}

/** Mean breakpoints on the segment from (sin i) to (cos i), i = 1..16, 600 nets 16-16-16-16 (He, bias std 0.1). */
function lines(nets = 600): number {
  const x0 = Float64Array.from({ length: 16 }, (_, i) => Math.sin(i + 1));
  const u = Float64Array.from({ length: 16 }, (_, i) => Math.cos(i + 1) - Math.sin(i + 1));
  let total = 0;
  for (let e = 0; e < nets; e++) total += lineRegions(sampleNet64(reluNet([16, 16, 16, 16], 0.1), new RandomStream(netSeed(1, 'net', e))), { x0, u, t0: 0, t1: 1 }).breakpoints.length;
  return total / nets;
}

/** Mean regions of 20 nets 2-32-32-32 (He, bias std 0.1) in the square [−½, ½]². */
function plane(nets = 20): number {
  const slice = squareSlice([0, 0], 0.5);
  let total = 0;
  for (let e = 0; e < nets; e++) total += planeRegions(sampleNet64(reluNet([2, 32, 32, 32], 0.1), new RandomStream(netSeed(1, 'net', e))), slice).count;
  return total / nets;
}

export async function benchAgainstTorch(reps: number, steps: number, fmNets = 200_000): Promise<void> {
  console.log(`\n6. Against PyTorch (same workloads, one thread each, median of ${reps})`);
  const found = findTorchPython();
  if ('skipped' in found) {
    console.log(`   skipped: ${found.skipped}`);
    return;
  }
  const run = spawnSync(found.python, [SCRIPT, '--reps', String(reps), '--steps', String(steps), '--fm-nets', String(fmNets), '--threads', '1'], { encoding: 'utf8' }); // the script sets torch.set_num_threads
  if (run.status !== 0) {
    console.log(`   skipped: ${SCRIPT} failed: ${run.stderr.trim().split('\n').pop()}`);
    return;
  }
  const torch = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number | string>;
  const engine: Record<string, number> = {
    'fm-ensemble': await median(reps, async () => {
      await measureLengths({ network: { widths: [10, 10, 20, 5, 15, 10], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'zero' } }, activation: { kind: 'relu' } }, inputs: new Float32Array(10).fill(0.3), nets: fmNets, seed: 11 });
    }),
    'train-i': await median(reps, () => train(64, [2, 16, 16, 16, 1], { kind: 'relu' }, steps)),
    'train-iii': await median(reps, () => train(32, [1, 8, 8, 8, 8, 8, 8, 1], { kind: 'relu' }, steps)),
    'train-ii': await median(reps, () => train(8, [1, 1000, 1], { kind: 'tanh' }, steps)),
    sampling: await median(reps, async () => sampling()),
    lines: await median(reps, async () => void lines()),
    plane: await median(reps, async () => void plane()),
  };
  const labels: Record<string, string> = {
    'fm-ensemble': `FM ensemble, ${fmNets / 1000}k nets 10-10-20-5-15-10`,
    'train-i': `64 nets 2-16-16-16-1 relu, Adam ${steps}`,
    'train-iii': `32 nets 1-8×6-1 relu, Adam ${steps}`,
    'train-ii': `8 nets 1-1000-1 tanh, Adam ${steps}`,
    sampling: 'weight sampling, 200k nets × 100 normals',
    lines: 'exact 1-D regions, 600 nets 16-16-16-16 (float64)',
    plane: 'exact 2-D regions, 20 nets 2-32-32-32 (float64)',
  };
  console.log(`   PyTorch ${torch.torch} (${torch.threads} thread) via ${found.python}`);
  console.log('   | workload | engine | PyTorch | engine ÷ PyTorch |');
  console.log('   |---|---|---|---|');
  for (const k of Object.keys(engine)) {
    const t = Number(torch[k]);
    console.log(`   | ${labels[k]} | ${engine[k].toFixed(2)} s | ${t.toFixed(2)} s | ${(engine[k] / t).toFixed(2)}× |`);
  }
  // The region counters are independent implementations of one algorithm: their means must agree (different draws).
  console.log(`   mean count, engine vs PyTorch: 1-D breakpoints ${lines().toFixed(2)} vs ${Number(torch['lines-mean']).toFixed(2)}; 2-D regions ${plane().toFixed(0)} vs ${Number(torch['plane-mean']).toFixed(0)}`);
}
