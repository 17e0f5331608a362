/** A network specification (architecture, initializer, activation) and its per-layer resolution. */
import { validateWidths } from './architecture';
import { validateActivation, type Activation } from './activation';
import { nominalVariance, validateInitScheme, type InitScheme } from '../init/initializer';
import type { WeightLaw } from '../init/laws';
import type { Mutant } from '../mutants';

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
  mutant?: string;
}

export function validateNetworkSpec(spec: NetworkSpec): NetworkSpec {
  validateWidths(spec.widths);
  validateInitScheme(spec.init);
  validateActivation(spec.activation);
  if (spec.outputActivation) validateActivation(spec.outputActivation);
  return spec;
}

export function resolveNetwork(spec: NetworkSpec, mutant?: Mutant): ResolvedNetwork {
  validateNetworkSpec(spec);
  const { widths, init } = spec;
  const layers: ResolvedLayer[] = [];
  const mutate = (a: Activation): Activation => (mutant?.activation ? mutant.activation(a) : a);
  for (let j = 1; j < widths.length; j++) {
    const last = j === widths.length - 1;
    const fanIn = widths[j - 1];
    const fanOut = widths[j];
    let variance = nominalVariance(init.variance, fanIn, fanOut);
    if (mutant?.variance) variance = mutant.variance(init.variance, fanIn, fanOut, variance);
    layers.push({
      fanIn,
      fanOut,
      law: mutant?.law ? mutant.law(init.law) : init.law,
      weightStd: Math.sqrt(variance),
      biasStd: init.bias.law === 'gaussian' ? init.bias.std : 0,
      activation: mutate(last && spec.outputActivation ? spec.outputActivation : spec.activation),
    });
  }
  return { widths, layers, ...(mutant ? { mutant: mutant.name } : {}) };
}
