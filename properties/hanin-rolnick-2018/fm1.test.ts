/**
 * Hanin & Rolnick (2018), failure mode FM1: the mean activation length E[M_d]/M_0 = ∏ c_j/2.
 *
 * Four claims, each a fast-check property over configurations and each with reject twins:
 *   HR2018.FM1.mean-length       any symmetric law, any variance scale c (presets or c ∈ [0.5, 4])
 *   HR2018.FM1.he-critical       He (2/fan-in) keeps E[M_d]/M_0 = 1 at every depth
 *   HR2018.FM1.truncated-normal  TF's uncorrected truncated normal: 0.773741^d
 *   HR2018.FM1.lecun             LeCun (1/fan-in): 2^−d
 *
 * Configuration domain (a property choice, for power and calibration, not a hypothesis): hidden widths 16–64,
 * depth ≤ 6 and β = Σ_j 1/n_j ≤ 0.25, so that E[M_d²]/E[M_d]² ≤ e^{5β} ≤ 3.5 (claims.md §2.3):
 * the per-network coefficient of variation stays ≤ 1.9; the number of networks (3000 to 12000) is
 * planned from the exact CV of each configuration (`netsFor`), which keeps the smallest detectable
 * relative deviation ≲ 13% at 99% power even at α_i ~ 1e-6. Figure data: mean and spread of
 * log(M_j/M_0) at every depth j, per configuration (report.json → figures.perConfig).
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { claimProperty, type ClaimSpec } from '../harness/claim-property';
import { byProfile } from '../profile';
import { meanEqualsPrediction } from '../checks/mean-vs-prediction';
import { getMutant } from '../../engine/mutants';
import { deriveSeed } from '../../engine/random/seed';
import { fm1MeanLength, meanLengthRatio, type LengthConfig } from '../../theorems/hanin-rolnick-2018/fm1-mean-length';
import { fm1HeCritical } from '../../theorems/hanin-rolnick-2018/fm1-he-critical';
import { fm1TruncatedNormal } from '../../theorems/hanin-rolnick-2018/fm1-truncated-normal';
import { fm1Lecun } from '../../theorems/hanin-rolnick-2018/fm1-lecun';
import type { Theorem } from '../../theorems/types';
import { beta, type LawName, type VarianceSpec } from '../../theorems/_internals/initialization';
import { depthProfile, lengthExperiment } from './length-experiment';

const FAMILY = 'hanin-rolnick-2018/fm1';
const NETS = { gate: 3000, full: 20000 } as const;
/**
 * Networks for a configuration, planned from the exact Gaussian-law CV² = ∏(1 + 5/n_j) − 1 of the
 * unit (claims.md §2.3): the base count up to CV² = 0.75, proportionally more beyond, so that the
 * Edgeworth correction (∝ skewness²/n) stays small for the heavier profiles. Capped at 4× the base.
 */
function netsFor(widths: readonly number[]): number {
  const cv2 = widths.slice(1).reduce((p, n) => p * (1 + 5 / n), 1) - 1;
  return Math.round(byProfile(NETS) * Math.min(4, Math.max(1, cv2 / 0.75)));
}
const CONFIGS = { gate: 5, full: 12 } as const;
const MAX_BETA = 0.25;

const heHeavyMutant = getMutant('he-variance-1.8');
const leakyMutant = getMutant('leaky-relu-0.3');
/** E[leaky(y)²] / E[relu(y)²] for symmetric y: 1 + slope². */
const LEAKY_FACTOR = 1 + 0.3 ** 2;


function configs(opts: { laws: LawName[]; variance: fc.Arbitrary<VarianceSpec>; maxDepth: number }): fc.Arbitrary<LengthConfig> {
  return fc
    .record({
      n0: fc.integer({ min: 1, max: 32 }),
      hidden: fc.array(fc.integer({ min: 16, max: 64 }), { minLength: 1, maxLength: opts.maxDepth }),
      law: fc.constantFrom(...opts.laws),
      variance: opts.variance,
    })
    .map(({ n0, hidden, law, variance }) => ({ widths: [n0, ...hidden], init: { law, variance, bias: { law: 'zero' as const } } }))
    .filter((c) => beta(c.widths) <= MAX_BETA);
}

const cfg = (widths: number[], law: LawName, variance: VarianceSpec): LengthConfig => ({ widths, init: { law, variance, bias: { law: 'zero' } } });

/**
 * Reviewer figure (Hanin & Rolnick 2018, Fig. 1(a)): mean and spread of log(M_j/M_0) against depth j
 * at width 32 for He, LeCun, TF's truncated normal and 3/fan-in, with the FM1 prediction per depth.
 */
const SWEEP = { depth: { gate: 30, full: 60 }, nets: { gate: 300, full: 5000 } } as const;
async function depthSweep({ seed }: { seed: number }): Promise<Record<string, unknown>> {
  const depth = byProfile(SWEEP.depth);
  const widths = [8, ...Array<number>(depth).fill(32)];
  const inits: [string, LawName, VarianceSpec][] = [
    ['He (2/fan-in)', 'gaussian', { preset: 'he' }],
    ['LeCun (1/fan-in)', 'gaussian', { preset: 'lecun' }],
    ['truncated normal, He std, uncorrected', 'truncated-normal', { preset: 'he' }],
    ['3/fan-in', 'gaussian', { scale: 3 }],
  ];
  const series = [];
  for (const [label, law, variance] of inits) {
    const config = cfg(widths, law, variance);
    const { trace } = await lengthExperiment(config, { seed: deriveSeed(seed, label), nets: byProfile(SWEEP.nets) });
    series.push({ init: label, config, rows: depthProfile(trace, (j) => fm1MeanLength.predict({ ...config, widths: widths.slice(0, j + 1) })) });
  }
  return { lengthVsDepthByInit: series };
}

function spec(theorem: Theorem<LengthConfig>, arbitrary: fc.Arbitrary<LengthConfig>, twins: ClaimSpec<LengthConfig>['twins']): ClaimSpec<LengthConfig> {
  return {
    ...(theorem === fm1MeanLength ? { figures: depthSweep } : {}),
    theorem,
    family: FAMILY,
    file: __filename,
    configs: arbitrary,
    numConfigs: CONFIGS,
    check: meanEqualsPrediction,
    twins,
    async experiment(config, ctx) {
      const { trace, experiment } = await lengthExperiment(config, { seed: ctx.seed, nets: netsFor(config.widths), ...(ctx.mutant ? { mutant: ctx.mutant } : {}) });
      const predictAt = (j: number): number => theorem.predict({ ...config, widths: config.widths.slice(0, j + 1) });
      return { ...experiment, figures: { lengthVsDepth: depthProfile(trace, predictAt) } };
    },
  };
}

claimProperty(
  spec(
    fm1MeanLength,
    configs({
      laws: ['gaussian', 'uniform', 'truncated-normal'],
      variance: fc.oneof(
        fc.constantFrom<VarianceSpec>({ preset: 'he' }, { preset: 'lecun' }, { preset: 'glorot' }),
        uniform(0.5, 4).map((c): VarianceSpec => ({ scale: Math.round(c * 1000) / 1000 })),
      ),
      maxDepth: 6,
    }),
    [
      {
        name: 'leaky-relu-0.3',
        mutant: leakyMutant,
        config: cfg([8, 32, 32, 32, 32, 32, 32], 'gaussian', { scale: 1.5 }),
        wrongValue: (c) => meanLengthRatio(c) * LEAKY_FACTOR ** (c.widths.length - 1),
      },
    ],
  ),
);

claimProperty(
  spec(fm1HeCritical, configs({ laws: ['gaussian', 'uniform'], variance: fc.constant<VarianceSpec>({ preset: 'he' }), maxDepth: 6 }), [
    {
      name: 'he-variance-1.8',
      mutant: heHeavyMutant,
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'gaussian', { preset: 'he' }),
      wrongValue: (c) => 0.9 ** (c.widths.length - 1),
    },
    {
      name: 'leaky-relu-0.3',
      mutant: leakyMutant,
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'gaussian', { preset: 'he' }),
      wrongValue: (c) => LEAKY_FACTOR ** (c.widths.length - 1),
    },
  ]),
);

claimProperty(
  spec(fm1TruncatedNormal, configs({ laws: ['truncated-normal'], variance: fc.constant<VarianceSpec>({ preset: 'he' }), maxDepth: 6 }), [
    {
      name: 'he-variance-1.8',
      mutant: heHeavyMutant,
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'truncated-normal', { preset: 'he' }),
      wrongValue: (c) => (0.9 * 0.7737413035499232) ** (c.widths.length - 1),
    },
  ]),
);

claimProperty(
  spec(fm1Lecun, configs({ laws: ['gaussian', 'uniform'], variance: fc.constant<VarianceSpec>({ preset: 'lecun' }), maxDepth: 6 }), [
    {
      name: 'leaky-relu-0.3',
      mutant: leakyMutant,
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'uniform', { preset: 'lecun' }),
      wrongValue: (c) => (LEAKY_FACTOR / 2) ** (c.widths.length - 1),
    },
  ]),
);
