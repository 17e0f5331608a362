/**
 * Initializers as data: a weight law, a variance rule and a bias law.
 *
 * Variance rules (nominal variance of each weight of a layer with fan-in n_in and fan-out n_out):
 * - `{ preset: 'he' }`     2 / n_in              (He et al. 2015)
 * - `{ preset: 'lecun' }`  1 / n_in              (LeCun et al. 1998)
 * - `{ preset: 'glorot' }` 2 / (n_in + n_out)    (Glorot & Bengio 2010)
 * - `{ scale: c }`         c / n_in
 */
import { parseWeightLaw, type WeightLaw } from './laws';

export const INIT_PRESETS = ['he', 'lecun', 'glorot'] as const;
export type InitPreset = (typeof INIT_PRESETS)[number];

export type VarianceRule = { preset: InitPreset } | { scale: number };

export type BiasLaw = { law: 'zero' } | { law: 'gaussian'; std: number };

export interface InitScheme {
  law: WeightLaw;
  variance: VarianceRule;
  bias: BiasLaw;
}

/** Largest variance scale c accepted: beyond it a single layer can overflow float32. */
export const MAX_VARIANCE_SCALE = 1e6;

/** The engine's own table of presets (theorems/ states the papers' values independently). */
export const PRESET_VARIANCE: Record<InitPreset, (fanIn: number, fanOut: number) => number> = {
  he: (fanIn) => 2 / fanIn,
  lecun: (fanIn) => 1 / fanIn,
  glorot: (fanIn, fanOut) => 2 / (fanIn + fanOut),
};

export function validateInitScheme(init: InitScheme): InitScheme {
  parseWeightLaw(init.law, 'init.law');
  if ('preset' in init.variance) {
    if (!(INIT_PRESETS as readonly string[]).includes(init.variance.preset)) {
      throw new Error(`init.variance.preset must be one of ${INIT_PRESETS.join(', ')}; got "${init.variance.preset}"`);
    }
  } else {
    const c = init.variance.scale;
    if (!Number.isFinite(c) || c <= 0 || c > MAX_VARIANCE_SCALE) {
      throw new Error(`init.variance.scale must be a finite number in (0, ${MAX_VARIANCE_SCALE}]; got ${c}`);
    }
  }
  if (init.bias.law === 'gaussian') {
    const s = init.bias.std;
    if (!Number.isFinite(s) || s < 0) throw new Error(`init.bias.std must be a finite number ≥ 0; got ${s}`);
  } else if (init.bias.law !== 'zero') {
    throw new Error(`init.bias.law must be 'zero' or 'gaussian'; got "${(init.bias as { law: string }).law}"`);
  }
  return init;
}

/** Nominal weight variance of a layer under a rule (before any mutant). */
export function nominalVariance(rule: VarianceRule, fanIn: number, fanOut: number): number {
  return 'preset' in rule ? PRESET_VARIANCE[rule.preset](fanIn, fanOut) : rule.scale / fanIn;
}

export const he = (law: WeightLaw = 'gaussian'): InitScheme => ({ law, variance: { preset: 'he' }, bias: { law: 'zero' } });
export const lecun = (law: WeightLaw = 'gaussian'): InitScheme => ({ law, variance: { preset: 'lecun' }, bias: { law: 'zero' } });
export const glorot = (law: WeightLaw = 'gaussian'): InitScheme => ({ law, variance: { preset: 'glorot' }, bias: { law: 'zero' } });
