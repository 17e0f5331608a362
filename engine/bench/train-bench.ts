/**
 * Training throughput of engine/train/train.ts (full-batch Adam, one core), per strategy:
 * `batched` (rank-3 matMul over nets) vs `loop` (rank-2 fused matMul per net inside one tape), with
 * the ratio measured in the same run and the strategy `auto` picks.
 *
 * Cases: (i) 64 nets 2→16→16→16→1, ReLU, 100 points (memorization); (ii) 8 nets 1→1000→1, tanh,
 * 100 points (condensation); (iii) 32 nets 1→8×6→1, ReLU, 100 points (trainability, narrow deep);
 * (iv) 8 nets 5→200→1, x·tanh x, 100 points; (v) 8 nets 2→128→128→1, ReLU, 100 points (where the
 * loop starts to win).
 */
import { RandomStream } from '../random/stream';
import { sampleDenseParams } from '../train/params';
import { chooseTrainStrategy, trainEnsemble, type TrainResult, type TrainStrategy } from '../train/train';
import type { TrainActivation } from '../train/activations';


export interface Case {
  label: string;
  nets: number;
  widths: number[];
  points: number;
  activation: TrainActivation;
}

const CASES: Case[] = [
  { label: '(i)   64 nets 2→16→16→16→1, relu', nets: 64, widths: [2, 16, 16, 16, 1], points: 100, activation: { kind: 'relu' } },
  { label: '(ii)  8 nets 1→1000→1, tanh', nets: 8, widths: [1, 1000, 1], points: 100, activation: { kind: 'tanh' } },
  { label: '(iii) 32 nets 1→8×6→1, relu', nets: 32, widths: [1, 8, 8, 8, 8, 8, 8, 1], points: 100, activation: { kind: 'relu' } },
  { label: '(iv)  8 nets 5→200→1, xtanh', nets: 8, widths: [5, 200, 1], points: 100, activation: { kind: 'xtanh' } },
  { label: '(v)   8 nets 2→128→128→1, relu', nets: 8, widths: [2, 128, 128, 1], points: 100, activation: { kind: 'relu' } },
];

/** Trains case `c` (He-normal weights, N(0, 0.1²) biases, targets sin 3x₁ on uniform inputs; seed 7). */
export async function trainCase(c: Pick<Case, 'nets' | 'widths' | 'points' | 'activation'>, steps: number, strategy?: TrainStrategy): Promise<TrainResult> {
  const stream = new RandomStream(7);
  const params = Array.from({ length: c.nets }, () =>
    sampleDenseParams({ widths: c.widths, init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } }, activation: { kind: 'relu' } }, stream),
  );
  const n0 = c.widths[0];
  const inputs = new Float32Array(c.points * n0);
  stream.fillUniform(inputs, 1);
  const targets = new Float32Array(c.points * c.widths[c.widths.length - 1]);
  for (let i = 0; i < c.points; i++) targets[i] = Math.sin(3 * inputs[i * n0]);
  return trainEnsemble({ params, activation: c.activation, data: { inputs, targets }, optimizer: { kind: 'adam', lr: 1e-3 }, steps, ...(strategy ? { strategy } : {}) });
}

async function stepsPerSecond(c: Case, strategy: TrainStrategy, steps: number): Promise<number> {
  return (await trainCase(c, steps, strategy)).timing.stepsPerSecond;
}

export async function benchTraining(STEPS = 200): Promise<void> {
  console.log(`\n5. Training an ensemble (engine/train), full-batch Adam, ${STEPS} steps, steps/s (net-steps/s)`);
  for (const c of CASES) {
    const row: Record<TrainStrategy, number> = { batched: 0, loop: 0 };
    for (const s of ['batched', 'loop'] as const) {
      await stepsPerSecond(c, s, 5); // warm-up
      row[s] = await stepsPerSecond(c, s, STEPS);
    }
    const auto = chooseTrainStrategy(c.widths, c.points);
    const fmt = (x: number): string => `${x.toFixed(0).padStart(5)} (${(x * c.nets).toFixed(0)})`;
    console.log(`   ${c.label.padEnd(36)} batched ${fmt(row.batched)}  loop ${fmt(row.loop)}  loop/batched ${(row.loop / row.batched).toFixed(2)}  auto → ${auto}`);
  }
}
