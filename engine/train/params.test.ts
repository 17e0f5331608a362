import { RandomStream } from '../random/stream';
import { sampleNet64 } from '../geometry/net64';
import { he } from '../init/initializer';
import { sampleDenseParams, sampleGaussianParams, validateDenseParams, widthsOf, type DenseParams64 } from './params';
import { mseLoss64, predict64 } from './evaluate64';
import { pwlSlope, toPwlNet64 } from './export';

const tiny = (): DenseParams64 => ({
  inputDim: 2,
  layers: [
    { fanIn: 2, fanOut: 3, weights: new Float64Array([1, 0, 0, 1, 1, -1]), biases: new Float64Array([0, 0.5, -0.25]) },
    { fanIn: 3, fanOut: 1, weights: new Float64Array([1, 2, -1]), biases: new Float64Array([0.1]) },
  ],
});

describe('DenseParams64', () => {
  it('widths', () => {
    expect(widthsOf(tiny())).toEqual([2, 3, 1]);
  });

  it('bad parameters are clear errors naming the parameter and range', () => {
    const bad = (mutate: (p: DenseParams64) => void): DenseParams64 => {
      const p = tiny();
      mutate(p);
      return p;
    };
    expect(() => validateDenseParams(bad((p) => (p.inputDim = 0)))).toThrow('params.inputDim must be an integer ≥ 1; got 0');
    expect(() => validateDenseParams(bad((p) => (p.layers = [])))).toThrow('params.layers must hold at least one layer (the read-out)');
    expect(() => validateDenseParams(bad((p) => (p.layers[1].fanIn = 4)))).toThrow('params.layers[1].fanIn must equal the previous width 3; got 4');
    expect(() => validateDenseParams(bad((p) => (p.layers[0].weights = new Float64Array(5))))).toThrow(
      'params.layers[0].weights must be a Float64Array of fanOut·fanIn = 6 entries; got Float64Array of length 5',
    );
    expect(() => validateDenseParams(bad((p) => (p.layers[0].biases = new Float32Array(3) as unknown as Float64Array)))).toThrow(
      'params.layers[0].biases must be a Float64Array of fanOut = 3 entries; got Float32Array of length 3',
    );
    expect(() => validateDenseParams(bad((p) => (p.layers[1].weights[2] = Number.NaN)))).toThrow('params.layers[1].weights[2] must be finite; got NaN');
    expect(() => validateDenseParams(bad((p) => (p.layers[0].biases[1] = Infinity)), 'params[4]')).toThrow('params[4].layers[0].biases[1] must be finite; got Infinity');
  });

  it("sampleDenseParams uses the engine's initializer: its hidden layers equal sampleNet64's on the same stream", () => {
    const init = { law: 'gaussian' as const, variance: { preset: 'he' as const }, bias: { law: 'gaussian' as const, std: 0.1 } };
    const dense = sampleDenseParams({ widths: [2, 16, 16, 1], init, activation: { kind: 'relu' } }, new RandomStream(5));
    const pwl = sampleNet64({ widths: [2, 16, 16], init, activation: { kind: 'relu' } }, new RandomStream(5));
    expect(widthsOf(dense)).toEqual([2, 16, 16, 1]);
    pwl.layers.forEach((l, i) => {
      expect(dense.layers[i].weights).toEqual(l.weights);
      expect(dense.layers[i].biases).toEqual(l.biases);
    });
    // Deterministic; He variance 2/fan-in on the 16×16 layer.
    expect(sampleDenseParams({ widths: [2, 16, 16, 1], init, activation: { kind: 'relu' } }, new RandomStream(5))).toEqual(dense);
    const big = sampleDenseParams({ widths: [400, 400, 1], init: he(), activation: { kind: 'relu' } }, new RandomStream(1));
    const w = big.layers[0].weights;
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance).toBeGreaterThan((2 / 400) * 0.98);
    expect(variance).toBeLessThan((2 / 400) * 1.02);
    expect(big.layers[0].biases.every((b) => b === 0)).toBe(true);
  });

  it('sampleGaussianParams draws weights and biases of every layer from N(0, std²)', () => {
    const p = sampleGaussianParams([5, 1000, 1], 1e-3, new RandomStream(3));
    expect(widthsOf(p)).toEqual([5, 1000, 1]);
    const all = [...p.layers[0].weights, ...p.layers[0].biases];
    const sd = Math.sqrt(all.reduce((s, v) => s + v * v, 0) / all.length);
    expect(sd).toBeGreaterThan(0.98e-3);
    expect(sd).toBeLessThan(1.02e-3);
    expect(p.layers[1].biases[0]).not.toBe(0);
    expect(sampleGaussianParams([5, 1000, 1], 1e-3, new RandomStream(3))).toEqual(p);
    const perLayer = sampleGaussianParams([1, 50, 1], [0.5, 0], new RandomStream(3));
    expect(perLayer.layers[1].weights.every((v) => v === 0)).toBe(true);
    expect(() => sampleGaussianParams([1, 50, 1], [0.5], new RandomStream(3))).toThrow('std must be a number or list one value per layer (2); got 1 values');
    expect(() => sampleGaussianParams([1, 50, 1], -1, new RandomStream(3))).toThrow('std must be a finite number ≥ 0; got -1');
    expect(() => sampleGaussianParams([1, 0, 1], 1, new RandomStream(3))).toThrow('widths[1] must be an integer in [1, 100000]; got 0');
  });

  it('predict64 / mseLoss64 evaluate the network (hidden σ, linear read-out, MSE without ½)', () => {
    const p = tiny();
    // x = (1, 2): z1 = (1, 2.5, -1.25) → relu (1, 2.5, 0) → 1 + 5 - 0 + 0.1 = 6.1
    const y = predict64(p, { kind: 'relu' }, [1, 2, 0, 0]);
    expect(y[0]).toBeCloseTo(6.1, 12);
    expect(y[1]).toBeCloseTo(1 + 0.1, 12); // z1 = (0, 0.5, -0.25) → (0, 0.5, 0) → 1 + 0.1
    expect(mseLoss64(p, { kind: 'relu' }, [1, 2, 0, 0], [6, 1])).toBeCloseTo((0.1 ** 2 + 0.1 ** 2) / 2, 12);
  });
});

describe('toPwlNet64', () => {
  it('keeps the hidden layers, drops the read-out, copies the weights', () => {
    const p = tiny();
    const net = toPwlNet64(p, 0);
    expect(net.inputDim).toBe(2);
    expect(net.layers).toHaveLength(1);
    expect(net.layers[0]).toEqual({ ...p.layers[0], slope: 0 });
    net.layers[0].weights[0] = 9;
    expect(p.layers[0].weights[0]).toBe(1);
    expect(pwlSlope({ kind: 'leaky-relu', slope: 0.2 })).toBe(0.2);
    expect(pwlSlope({ kind: 'linear' })).toBe(1);
  });

  it('bad input is a clear error', () => {
    expect(() => toPwlNet64(tiny(), 1.5)).toThrow('slope must be a number in [0, 1]; got 1.5');
    expect(() => toPwlNet64({ inputDim: 2, layers: [tiny().layers[0]] }, 0)).toThrow('params must have at least one hidden layer before the read-out to export a PwlNet64; got 1 layer');
    expect(() => pwlSlope({ kind: 'tanh' })).toThrow('activation must be piecewise linear (relu, leaky-relu, linear) to export a PwlNet64; got "tanh"');
  });
});
