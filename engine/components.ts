/**
 * The engine's replaceable parts. Every experiment of the suite runs on an {@link EngineComponents}
 * value: the defaults below are the engine as the papers define it; a reject twin's fault (the fault
 * catalog, properties/faults/) or a user's own part is a substitution of one field —
 * `withComponents({ variance: myRule })`. The engine never knows which parts are substituted or why.
 *
 * | component | what it decides | default |
 * |---|---|---|
 * | `variance` | weight variance of a layer for a variance rule (He, LeCun, c/fan-in …), given fan-in, fan-out and the layer's position | the rule's nominal value |
 * | `sampleWeights` | draws of a weight law (Gaussian, uniform, truncated normal) at a nominal std | `sampleLaw` |
 * | `sampleBiases` | draws of the biases N(0, s_b²) | `sampleGaussianBiases` |
 * | `activation` | the piecewise-linear activation run where one is requested | as requested |
 * | `trainActivation` | the activation the trainer runs where one is requested | as requested |
 * | `residualScale` | the output scale applied for a residual module's η | η |
 * | `countLine` | the exact region counter along a segment | `lineRegions` |
 * | `countPlane` | the exact region counter in a 2-D slice | `planeRegions` |
 * | `activeRule` | the neuron-state rule (active iff z > 0) | `'positive'` |
 * | `permanence` | which dead neurons are permanently dead (first layer, or all of a born-dead net) | `'structural'` |
 * | `rai` | the randomized asymmetric initialization | `sampleRaiParams` |
 * | `ddi` | the data-dependent initialization | `sampleDataDependentParams` |
 * | `smallInitStd` | the std of a small-init scale at hidden width m | `initStd` |
 * | `train` | the ensemble trainer | `trainEnsemble` |
 * | `alignment` | mean |cos| between neurons' input weights and a direction | `meanAbsCosine` |
 * | `netStream` | the seed of network i of an ensemble, `netStream(seed, label, i)` | `deriveSeed(seed, label, i)` |
 *
 * Each engine function takes only the parts it uses (e.g. `resolveNetwork(spec, parts)` reads
 * `variance` and `activation`); passing a whole `EngineComponents` value works everywhere.
 */
import { nominalVariance } from './init/initializer';
import { sampleGaussianBiases, sampleLaw, type BiasSampler, type WeightSampler } from './init/laws';
import { sampleRaiParams, type RaiSampler } from './init/rai';
import { sampleDataDependentParams, type DdiSampler } from './init/data-dependent';
import type { ActivationFn, VarianceFn } from './network/spec';
import type { ResidualScaleFn } from './measure/residual-lengths';
import type { ActiveRule, PermanenceRule } from './measure/neuron-states';
import { lineRegions, type LineCounter } from './geometry/line-regions';
import { planeRegions, type PlaneCounter } from './geometry/plane-regions';
import { initStd, type InitStdFn } from './condensation/small-init';
import { meanAbsCosine } from './condensation/orientations';
import { trainEnsemble } from './train/train';
import type { TrainActivation } from './train/activations';
import type { RandomStream } from './random/stream';
import { netSeed, type NetStreamFn } from './random/net-stream';

/** Component: mean |cos| between the neurons' normalized input weights and a direction (`stream` for analyses that draw). */
export type AlignmentFn = (units: readonly Float64Array[], direction: ArrayLike<number>, stream: RandomStream) => number;

export interface EngineComponents {
  variance: VarianceFn;
  sampleWeights: WeightSampler;
  sampleBiases: BiasSampler;
  activation: ActivationFn;
  trainActivation: (requested: TrainActivation) => TrainActivation;
  residualScale: ResidualScaleFn;
  countLine: LineCounter;
  countPlane: PlaneCounter;
  activeRule: ActiveRule;
  permanence: PermanenceRule;
  rai: RaiSampler;
  ddi: DdiSampler;
  smallInitStd: InitStdFn;
  train: typeof trainEnsemble;
  alignment: AlignmentFn;
  netStream: NetStreamFn;
}

export const COMPONENT_NAMES = [
  'variance',
  'sampleWeights',
  'sampleBiases',
  'activation',
  'trainActivation',
  'residualScale',
  'countLine',
  'countPlane',
  'activeRule',
  'permanence',
  'rai',
  'ddi',
  'smallInitStd',
  'train',
  'alignment',
  'netStream',
] as const satisfies readonly (keyof EngineComponents)[];

const DEFAULTS: EngineComponents = {
  variance: nominalVariance,
  sampleWeights: sampleLaw,
  sampleBiases: sampleGaussianBiases,
  activation: (a) => a,
  trainActivation: (a) => a,
  residualScale: (eta) => eta,
  countLine: lineRegions,
  countPlane: planeRegions,
  activeRule: 'positive',
  permanence: 'structural',
  rai: (widths, stream) => sampleRaiParams(widths, stream),
  ddi: sampleDataDependentParams,
  smallInitStd: initStd,
  train: trainEnsemble,
  alignment: (units, direction) => meanAbsCosine(units, direction),
  netStream: netSeed,
};

/** The engine as the papers define it. */
export const DEFAULT_COMPONENTS: Readonly<EngineComponents> = Object.freeze(DEFAULTS);

/** The default engine with some parts substituted; unknown part names are an error naming the valid ones. */
export function withComponents(overrides: Partial<EngineComponents> = {}): EngineComponents {
  for (const key of Object.keys(overrides)) {
    if (!(COMPONENT_NAMES as readonly string[]).includes(key)) {
      throw new Error(`unknown engine component "${key}"; the components are: ${COMPONENT_NAMES.join(', ')}`);
    }
  }
  return { ...DEFAULT_COMPONENTS, ...overrides };
}
