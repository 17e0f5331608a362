/**
 * Pins the worlds of the memorization claims' twins (HR2019.Training.depth-independent
 * `exponential-in-depth` and `never-memorizes`, HR2019.Training.neurons-squared `linear-in-neurons`):
 * group means and sds of the counts at memorization on the default engine, and the memorization rate
 * under the `never-memorizes` fault. Run: `npx tsx properties/hanin-rolnick-2019/training.pin.ts`.
 */
import { memorizedCounts } from './training-experiment';
import { componentsOf, getFault } from '../faults/catalog';
import { PreconditionNotMet } from '../harness/run-claim';
import { sampleMoments } from '../stats';

const line = (label: string, x: Float64Array): string => {
  const m = sampleMoments(x);
  return `${label}: mean ${m.mean.toFixed(1)} sd ${m.sd.toFixed(1)} skewness ${m.skewness.toFixed(2)} (n = ${m.n})`;
};

async function main(): Promise<void> {
  for (const d of [4, 6]) {
    const s = await memorizedCounts({ hidden: Array<number>(d).fill(72 / d), biasStd: 0.01, points: 8, steps: 4000, every: 50, nets: 80, seed: 500 + d });
    console.log(line(`depth ${d}, N = 72, regions at memorization`, s.memorized.regions));
  }
  for (const w of [12, 18, 27]) {
    const s = await memorizedCounts({ hidden: Array<number>(4).fill(w), biasStd: 0.01, points: 8, steps: 4000, every: 50, nets: 96, seed: 700 + w });
    console.log(line(`depth 4, width ${w}, crossings at memorization`, s.memorized.crossings));
  }
  try {
    await memorizedCounts({ hidden: [18, 18, 18, 18], biasStd: 0.01, points: 8, steps: 2000, every: 50, nets: 80, seed: 504, parts: componentsOf(getFault('never-memorizes')) });
    console.log('never-memorizes: the precondition held (unexpected)');
  } catch (e) {
    if (!(e instanceof PreconditionNotMet)) throw e;
    console.log(`never-memorizes, depth 4, cap 2000: ${e.total - e.failed} of ${e.total} networks memorized`);
  }
}

void main();
