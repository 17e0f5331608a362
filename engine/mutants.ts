/**
 * Deliberately wrong engines ("mutants") for reject twins: every claim's test is re-run against one
 * of these and must reject it, which proves the test has power against that fault.
 *
 * A mutant rewrites the engine's resolution of a network (variance per layer, activation); the
 * theorems never see it, so their predictions stay those of the correct engine. `THEORYCHECK_MUTANT`
 * applies a mutant to every claim of a run: `THEORYCHECK_MUTANT=he-variance-1.8 npm test` must fail.
 */
import type { Activation } from './network/activation';
import type { VarianceRule } from './init/initializer';
import type { WeightLaw } from './init/laws';
import type { LineCounterFault } from './geometry/line-regions';
import type { TrainActivation } from './train/activations';

export interface Mutant {
  name: string;
  description: string;
  /** Replaces the weight variance the engine resolved for a layer. */
  variance?: (rule: VarianceRule, fanIn: number, fanOut: number, resolved: number) => number;
  activation?: (a: Activation) => Activation;
  /** Replaces the weight law the engine samples. */
  law?: (law: WeightLaw) => WeightLaw;
  /** Replaces a residual module's output scale η (residual networks). */
  residualScale?: (eta: number) => number;
  /** Replaces the exact breakpoint counter along lines by a faulty one. */
  lineCounter?: LineCounterFault;
  /** Counts a neuron with pre-activation exactly 0 as active (the correct rule: active iff z > 0). */
  zeroIsActive?: boolean;
  /** Draws every Gaussian bias as |N(0, s_b²)| (an asymmetric bias law). */
  positiveBiases?: boolean;
  /** The randomized asymmetric initialization without its positive Beta(2, 1) entry. */
  raiWithoutPositiveEntry?: boolean;
  /** The data-dependent initialization forgets to anchor the first layer (He weights and biases instead). */
  ddiUnanchored?: boolean;
  /** The trainability experiments count a run as successful when its loss merely halved (not below the threshold). */
  successWhenLossHalved?: boolean;
  /** Replaces a training activation when the condensation experiments resolve it (kernels mixed up). */
  trainActivation?: (a: TrainActivation) => TrainActivation;
  /** Condensation experiments: a small initialization is drawn as the common one, var = 1/m. */
  smallInitAsCommon?: boolean;
  /** Condensation alignment analysis compares the input weights with an isotropic random direction instead of z. */
  alignmentRandomDirection?: boolean;
}

export const MUTANT_ENV = 'THEORYCHECK_MUTANT';

export const MUTANTS: Readonly<Record<string, Mutant>> = {
  'he-variance-1.8': {
    name: 'he-variance-1.8',
    description: 'the He initializer draws weights of variance 1.8/fan-in (labelled He, i.e. 2/fan-in)',
    variance: (rule, fanIn, _fanOut, resolved) => ('preset' in rule && rule.preset === 'he' ? 1.8 / fanIn : resolved),
  },
  'he-fan-out': {
    name: 'he-fan-out',
    description: 'the He initializer computes its variance from the fan-out (2/fan-out; for convolutions: output channels × kernel size)',
    variance: (rule, _fanIn, fanOut, resolved) => ('preset' in rule && rule.preset === 'he' ? 2 / fanOut : resolved),
  },
  'uniform-as-gaussian': {
    name: 'uniform-as-gaussian',
    description: 'the engine draws uniform weights (same variance) when Gaussian weights are asked for',
    law: (law) => (law === 'gaussian' ? 'uniform' : law),
  },
  'residual-scale-ignored': {
    name: 'residual-scale-ignored',
    description: 'residual modules are added unscaled (η_l treated as 1)',
    residualScale: () => 1,
  },
  'count-output-sign-changes': {
    name: 'count-output-sign-changes',
    description: 'the line counter reports the sign changes of the network output (read-out Σ_j (−1)^j h_j) instead of the activation-region breakpoints',
    lineCounter: 'output-sign-changes',
  },
  'count-first-layer-only': {
    name: 'count-first-layer-only',
    description: 'the line counter splits pieces only at first-layer zero crossings (deeper layers merged)',
    lineCounter: 'first-layer-only',
  },
  'zero-as-active': {
    name: 'zero-as-active',
    description: 'the neuron-state counter counts a pre-activation of exactly 0 as active (ReLU(0) = 0 and its gradient is 0: it is dead)',
    zeroIsActive: true,
  },
  'positive-biases': {
    name: 'positive-biases',
    description: 'the engine draws the Gaussian biases as |N(0, s_b²)| (asymmetric) when symmetric biases are asked for',
    positiveBiases: true,
  },
  'rai-without-positive-entry': {
    name: 'rai-without-positive-entry',
    description: 'the randomized asymmetric initialization skips its positive Beta(2, 1) entry (a symmetric N(0, σ²/fan-in) init labelled RAI)',
    raiWithoutPositiveEntry: true,
  },
  'ddi-unanchored': {
    name: 'ddi-unanchored',
    description: 'the data-dependent initialization leaves the first layer at the plain initializer (hyperplanes not anchored at the data)',
    ddiUnanchored: true,
  },
  'success-when-loss-halved': {
    name: 'success-when-loss-halved',
    description: 'the training loop counts a run as successful when its loss fell below half its initial value instead of below the threshold (a born-dead net still halves its loss by fitting the read-out bias to the targets\' mean)',
    successWhenLossHalved: true,
  },
  'multiplicity-swapped': {
    name: 'multiplicity-swapped',
    description: 'the engine runs x²·tanh x where tanh is asked and tanh where x²·tanh x is asked (activations of multiplicity 1 and 3 mixed up)',
    trainActivation: (a) => (a.kind === 'tanh' ? { kind: 'x2tanh' } : a.kind === 'x2tanh' ? { kind: 'tanh' } : a),
  },
  'sigmoid-x2tanh-swapped': {
    name: 'sigmoid-x2tanh-swapped',
    description: 'the engine runs x²·tanh x where sigmoid is asked and sigmoid where x²·tanh x is asked (activations of multiplicity 1 and 3 mixed up)',
    trainActivation: (a) => (a.kind === 'sigmoid' ? { kind: 'x2tanh' } : a.kind === 'x2tanh' ? { kind: 'sigmoid' } : a),
  },
  'small-init-as-common': {
    name: 'small-init-as-common',
    description: 'a small initialization (var = m^−γ, γ > 1, or an explicit small variance) is drawn as the common one, var = 1/m',
    smallInitAsCommon: true,
  },
  'alignment-random-direction': {
    name: 'alignment-random-direction',
    description: 'the alignment analysis measures |cos| against an isotropic random direction instead of z = Σ_i y_i (x_i, 1)',
    alignmentRandomDirection: true,
  },
  'leaky-relu-0.3': {
    name: 'leaky-relu-0.3',
    description: 'every ReLU is replaced by a leaky ReLU of slope 0.3',
    activation: (a) => (a.kind === 'relu' ? { kind: 'leaky-relu', slope: 0.3 } : a),
  },
};

export function getMutant(name: string): Mutant {
  const m = MUTANTS[name];
  if (m === undefined) throw new Error(`unknown mutant "${name}"; valid: ${Object.keys(MUTANTS).join(', ')}`);
  return m;
}

/** The mutant requested through the environment, if any. */
export function envMutant(env: NodeJS.ProcessEnv = process.env): Mutant | undefined {
  const name = env[MUTANT_ENV];
  return name === undefined || name === '' ? undefined : getMutant(name);
}
