/**
 * Export of trained parameters to the exact float64 geometry (engine/geometry/net64.ts).
 *
 * A {@link PwlNet64} holds the hidden layers only (the linear read-out creates no activation
 * regions), so the read-out layer is dropped. The weights are copied (same row-major layout); a
 * snapshot returned by the trainer holds float32 values widened to float64 exactly, so the exported
 * net computes the same pre-activation signs as the trained tfjs network up to float32 rounding
 * of its arithmetic (and exactly the signs of the float64 evaluation of those weights).
 */
import { validateNet64, type PwlNet64 } from '../geometry/net64';
import { validateDenseParams, type DenseParams64 } from './params';
import { isPiecewiseLinear, validateTrainActivation, type TrainActivation } from './activations';

/**
 * Hidden layers of `params` as a PwlNet64 whose every layer has negative-side slope `slope`
 * (0: ReLU, a ∈ (0, 1): leaky ReLU, 1: linear). Throws when the network has no hidden layer.
 */
export function toPwlNet64(params: DenseParams64, slope: number): PwlNet64 {
  validateDenseParams(params);
  if (!(Number.isFinite(slope) && slope >= 0 && slope <= 1)) throw new Error(`slope must be a number in [0, 1]; got ${slope}`);
  if (params.layers.length < 2) throw new Error('params must have at least one hidden layer before the read-out to export a PwlNet64; got 1 layer');
  const net: PwlNet64 = {
    inputDim: params.inputDim,
    layers: params.layers.slice(0, -1).map((l) => ({
      fanIn: l.fanIn,
      fanOut: l.fanOut,
      weights: Float64Array.from(l.weights),
      biases: Float64Array.from(l.biases),
      slope,
    })),
  };
  return validateNet64(net);
}

/** Negative-side slope of a piecewise-linear training activation; throws for smooth ones. */
export function pwlSlope(activation: TrainActivation): number {
  validateTrainActivation(activation);
  if (!isPiecewiseLinear(activation)) throw new Error(`activation must be piecewise linear (relu, leaky-relu, linear) to export a PwlNet64; got "${activation.kind}"`);
  return activation.kind === 'relu' ? 0 : activation.kind === 'linear' ? 1 : activation.slope;
}
