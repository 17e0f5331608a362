/**
 * The seed of network i of an ensemble. Every experiment that draws an ensemble of independent
 * networks seeds network i with `netStream(seed, label, i)` (the engine component of that name,
 * engine/components.ts), so that the independence of networks is one replaceable part of the engine:
 * a fault that makes two networks share their stream (properties/faults/catalog.ts,
 * `shared-network-seeds`) is a substitution of this function, which the harness's independence check
 * (properties/harness/independence.ts) must detect.
 */
import { deriveSeed } from './seed';

/** Component: the uint32 seed of network `index` (an integer ≥ 0) of the ensemble `label` drawn under `seed`. */
export type NetStreamFn = (seed: number, label: string, index: number) => number;

/**
 * The default: `deriveSeed(seed, label, index)` (engine/random/seed.ts). Within one ensemble
 * (fixed seed and label) distinct indices give distinct seeds, hence distinct xoroshiro128+ states
 * (splitmix32's first output is a bijection of the seed): engine/random/net-stream.test.ts pins this
 * over a grid of seeds, labels and the ensemble sizes the suite uses.
 */
export const netSeed: NetStreamFn = (seed, label, index) => {
  if (!Number.isInteger(index) || index < 0) throw new Error(`netStream: index must be an integer ≥ 0; got ${index}`);
  return deriveSeed(seed, label, index);
};
