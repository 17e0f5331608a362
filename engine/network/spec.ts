/** A network specification (architecture, initializer, activation) and its per-layer resolution. */
import { validateWidths } from './architecture';
import { validateActivation, type Activation } from './activation';
import { nominalVariance, validateInitScheme, type InitScheme, type VarianceRule } from '../init/initializer';
import type { WeightLaw } from '../init/laws';

/**
 * Component: the weight variance of a layer under a variance rule (default: the rule's nominal value,
 * {@link nominalVariance}). `layer` is the layer's 1-based position in a dense or convolutional network
 * (absent where the caller has no such position, e.g. the two matrices of a residual module).
 */
export type VarianceFn = (rule: VarianceRule, fanIn: number, fanOut: number, layer?: number) => number;
/** Component: the activation the engine runs where `requested` is asked for (default: itself). */
export type ActivationFn = (requested: Activation) => Activation;

/** The components a network's resolution uses (engine/components.ts documents them all). */
export interface NetworkParts {
  variance?: VarianceFn;
  activation?: ActivationFn;
}

export interface NetworkSpec {
  /** [n_0, n_1, …, n_d]: input width, then the width of every layer. */
  widths: readonly number[];
  init: InitScheme;
  /** Activation of every layer (hidden and output, unless `outputActivation` is given). */
  activation: Activation;
  /** Activation of the last layer, e.g. `{ kind: 'linear' }` for a linear output layer. */
  outputActivation?: Activation;
}

export interface ResolvedLayer {
  fanIn: number;
  fanOut: number;
  law: WeightLaw;
  /** Nominal std of the weights (see init/laws.ts for what it means per law). */
  weightStd: number;
  /** Std of the Gaussian biases; 0 means no bias. */
  biasStd: number;
  activation: Activation;
}

export interface ResolvedNetwork {
  widths: readonly number[];
  layers: ResolvedLayer[];
}

export function validateNetworkSpec(spec: NetworkSpec): NetworkSpec {
  validateWidths(spec.widths);
  validateInitScheme(spec.init);
  validateActivation(spec.activation);
  if (spec.outputActivation) validateActivation(spec.outputActivation);
  return spec;
}

export function resolveNetwork(spec: NetworkSpec, parts: NetworkParts = {}): ResolvedNetwork {
  validateNetworkSpec(spec);
  const { widths, init } = spec;
  const layers: ResolvedLayer[] = [];
  const variance = parts.variance ?? nominalVariance;
  const activation = parts.activation ?? ((a: Activation): Activation => a);
  for (let j = 1; j < widths.length; j++) {
    const last = j === widths.length - 1;
    const fanIn = widths[j - 1];
    const fanOut = widths[j];
    layers.push({
      fanIn,
      fanOut,
      law: init.law,
      weightStd: Math.sqrt(variance(init.variance, fanIn, fanOut, j)),
      biasStd: init.bias.law === 'gaussian' ? init.bias.std : 0,
      activation: activation(last && spec.outputActivation ? spec.outputActivation : spec.activation),
    });
  }
  return { widths, layers };
}
