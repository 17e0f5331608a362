/**
 * HR2018.FM2.log-variance's twin: its configuration, its closed-form world, and the offline run that
 * pins the world's unit sd. Under the neurons-in-identical-pairs fault every layer of even width n is
 * a width-n/2 Gaussian layer with each neuron written twice: z's duplicated coordinates leave
 * M_j = ‖z_j‖²/n_j and the law of the next pre-activations (N(0, (c/n)‖z‖²)) as at width n/2, and
 * Σ relu(y)² counts each of the K′ ~ Binomial(n/2, ½) positive draws twice, so
 * M_j = M_{j−1}·(c/(n/2))·χ²_{K′}: the log-variance is the Gaussian formula at half the widths
 * (≈ 10β instead of 5β). The unit sd (block variances) is pinned by
 * `npx tsx properties/hanin-rolnick-2018/fm2-log-variance.pin.ts` (4000 blocks of 32 networks, seed 1),
 * which prints the pin to paste into fm2-log-variance.claim.ts.
 */
import { componentsOf, getFault } from '../faults/catalog';
import { sampleMoments } from '../stats';
import { logLengthMoments } from '../../theorems/hanin-rolnick-2018/fm1-log-length';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import { cfg } from './fm1-experiment';
import { BLOCK, blockVariances, liveLogRatios, oneInputTrace } from './log-length-experiment';

/** The twin's configuration: depth 20, width 20 (β = 1), He. */
export const LOG_VARIANCE_TWIN_CONFIG = cfg([8, ...Array<number>(20).fill(20)], 'gaussian', { preset: 'he' });

export const PAIRS_PIN_COMMAND = 'npx tsx properties/hanin-rolnick-2018/fm2-log-variance.pin.ts';

/** The log-variance under neurons-in-identical-pairs: the Gaussian formula with every hidden width halved (even widths). */
export function pairedNeuronsVariance(config: LengthConfig): number {
  const hidden = config.widths.slice(1);
  if (hidden.some((n) => n % 2 !== 0)) throw new Error(`pairedNeuronsVariance: every layer width must be even; got ${config.widths.join(', ')}`);
  return logLengthMoments({ ...config, widths: [config.widths[0], ...hidden.map((n) => n / 2)] }).variance;
}

async function main(): Promise<void> {
  const blocks = 4000;
  const trace = await oneInputTrace(LOG_VARIANCE_TWIN_CONFIG, 1, blocks * BLOCK, componentsOf(getFault('neurons-in-identical-pairs')));
  const m = sampleMoments(blockVariances(liveLogRatios(trace), BLOCK));
  console.log(JSON.stringify({ estimate: Number(m.mean.toPrecision(6)), closedForm: pairedNeuronsVariance(LOG_VARIANCE_TWIN_CONFIG), gaussian: logLengthMoments(LOG_VARIANCE_TWIN_CONFIG).variance, sd: Number(Math.sqrt(m.variance).toPrecision(5)), n: m.n }));
}

if (require.main === module) void main();
