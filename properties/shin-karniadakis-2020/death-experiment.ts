/**
 * Monte Carlo over networks for the dying-ReLU claims at initialization: networks drawn in float64
 * (engine/train/params.ts, engine/init/rai.ts, engine/init/data-dependent.ts), neuron states from
 * engine/measure/neuron-states.ts with the run's active rule (a mutant may count z = 0 as active).
 * Network e draws from deriveSeed(seed, 'net', e).
 */
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { sampleDenseParams, type DenseParams64 } from '../../engine/train/params';
import { toPwlNet64 } from '../../engine/train/export';
import type { PwlNet64 } from '../../engine/geometry/net64';
import type { NetworkSpec } from '../../engine/network/spec';
import type { Mutant } from '../../engine/mutants';

/** He Gaussian weights (c = 2 as the He preset, so He mutants apply), zero or N(0, s_b²) biases, ReLU; `widths` includes the read-out. */
export function heSpec(widths: readonly number[], biasStd: number, weightScale = 2): NetworkSpec {
  return {
    widths,
    init: { law: 'gaussian', variance: weightScale === 2 ? { preset: 'he' } : { scale: weightScale }, bias: biasStd > 0 ? { law: 'gaussian', std: biasStd } : { law: 'zero' } },
    activation: { kind: 'relu' },
  };
}

/** `count` networks: `draw(stream)` gives each one's parameters (read-out included); hidden layers as PwlNet64. */
export function* nets(count: number, seed: number, draw: (stream: RandomStream, e: number) => DenseParams64): Generator<{ e: number; stream: RandomStream; net: PwlNet64 }> {
  for (let e = 0; e < count; e++) {
    const stream = new RandomStream(deriveSeed(seed, 'net', e));
    yield { e, stream, net: toPwlNet64(draw(stream, e), 0) };
  }
}

/** He networks with hidden widths `widths.slice(1)` and a scalar read-out. */
export const heNets = (widths: readonly number[], biasStd: number, count: number, seed: number, mutant?: Mutant, weightScale = 2) =>
  nets(count, seed, (stream) => sampleDenseParams(heSpec([...widths, 1], biasStd, weightScale), stream, mutant));

/** Uniform draws of `n` points in [−1, 1]^d (row-major). */
export function uniformInputs(stream: RandomStream, n: number, d: number): Float64Array {
  const x = new Float64Array(n * d);
  stream.fillUniform(x, 1);
  return x;
}
