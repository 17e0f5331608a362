import { RandomStream } from '../random/stream';
import { sampleNet64, type PwlNet64 } from '../geometry/net64';
import { toPwlNet64 } from '../train/export';
import { sampleRaiParams, RAI_SIGMA } from '../init/rai';
import { sampleDataDependentParams } from '../init/data-dependent';
import { deadLayerOnInterval, notPermanentlyDead, statesAtPoint, statesOnData, trainableFor } from './neuron-states';
import type { NetworkSpec } from '../network/spec';

const he = (widths: number[], biasStd = 0): NetworkSpec => ({
  widths,
  init: { law: 'gaussian', variance: { preset: 'he' }, bias: biasStd > 0 ? { law: 'gaussian', std: biasStd } : { law: 'zero' } },
  activation: { kind: 'relu' },
});

const hand: PwlNet64 = {
  inputDim: 1,
  layers: [
    { fanIn: 1, fanOut: 2, weights: Float64Array.of(1, -1), biases: Float64Array.of(0, 0), slope: 0 },
    { fanIn: 2, fanOut: 2, weights: Float64Array.of(1, 1, -1, -1), biases: Float64Array.of(0, 0), slope: 0 },
  ],
};

describe('neuron states', () => {
  test('at a point: counts, first dead layer, and the z = 0 rule', () => {
    // x = 1: layer 1 z = (1, −1) → 1 active; layer 2 z = (1, −1) → 1 active.
    expect(Array.from(statesAtPoint(hand, [1]).active)).toEqual([1, 1]);
    // x = 0: every z is exactly 0 → dead by definition, active under the zero-as-active fault.
    expect(statesAtPoint(hand, [0]).firstDeadLayer).toBe(0);
    expect(Array.from(statesAtPoint(hand, [0], 'nonnegative').active)).toEqual([2, 2]);
  });

  test('on data: permanently vs tentatively dead, trainability', () => {
    const s = statesOnData(hand, [1, 2]);
    expect(s.permanentlyDead).toBe(1); // neuron −x is dead on x > 0
    expect(s.tentativelyDead).toBe(1); // second-layer neuron −(h1 + h2)
    expect(s.trainable).toBe(true);
    expect(statesOnData(hand, [0]).trainable).toBe(false);
    expect(() => statesOnData(hand, [])).toThrow(/inputs must hold n × 1 values/);
    expect(() => statesAtPoint(hand, [1, 2])).toThrow(/input dimension 1/);
  });

  test('permanence: a dead first-layer neuron is permanent, a deeper one tentative, all of a born-dead net permanent', () => {
    // On x > 0: layer 1 keeps 1 live neuron (the other is permanently dead); layer 2 has one
    // tentatively dead neuron, which the structural rule still counts as usable.
    expect(Array.from(notPermanentlyDead(statesOnData(hand, [1, 2]).activeOnData, [2, 2]))).toEqual([1, 2]);
    expect(Array.from(notPermanentlyDead(statesOnData(hand, [1, 2]).activeOnData, [2, 2], 'all-dead'))).toEqual([1, 1]);
    expect(Array.from(notPermanentlyDead([2, 0, 3], [2, 2, 3]))).toEqual([0, 0, 0]);
    // On both signs both first-layer neurons live: trainable for minimal width 2 (structural), not
    // under the all-dead mutant (layer 2's second neuron −(h1 + h2) is dead on every input).
    expect(trainableFor(hand, [-1, 1], 2)).toBe(true);
    expect(trainableFor(hand, [-1, 1], 2, 'positive', 'all-dead')).toBe(false);
    expect(trainableFor(hand, [1, 2], 2)).toBe(false);
    expect(trainableFor(hand, [1, 2], 1)).toBe(true);
    expect(() => trainableFor(hand, [1], 0)).toThrow(/minWidth must be an integer ≥ 1; got 0/);
    expect(() => notPermanentlyDead([1], [1, 2])).toThrow(/one entry per hidden layer/);
  });

  test('a layer dead on an interval agrees with dense sampling', () => {
    const stream = new RandomStream(3);
    let deadSeen = 0;
    for (let trial = 0; trial < 300; trial++) {
      const net = sampleNet64(he([1, 2, 2, 2, 2, 2], 0.1), stream);
      const exact = deadLayerOnInterval(net, -1, 1);
      // Dense grid: the first layer that is zero at every grid point.
      const grid = Array.from({ length: 401 }, (_, i) => -1 + i / 200);
      const zeroEverywhere = net.layers.map((_, l) => grid.every((x) => statesAtPoint(net, [x]).active[l] === 0));
      const firstGrid = zeroEverywhere.findIndex(Boolean);
      if (exact >= 0) {
        deadSeen++;
        expect(zeroEverywhere[exact]).toBe(true);
      }
      // The grid can only see more (a region thinner than its step); never an earlier exact layer missed.
      if (firstGrid >= 0 && exact >= 0) expect(firstGrid).toBeLessThanOrEqual(exact);
      if (exact < 0 && firstGrid >= 0) {
        // Then the layer is positive somewhere between grid points: check with a finer grid.
        const fine = Array.from({ length: 40001 }, (_, i) => -1 + i / 20000);
        expect(fine.some((x) => statesAtPoint(net, [x]).active[firstGrid] > 0)).toBe(true);
      }
    }
    expect(deadSeen).toBeGreaterThan(10);
    expect(() => deadLayerOnInterval(sampleNet64(he([2, 3]), stream), 0, 1)).toThrow(/1-D input/);
  });

  test('RAI: one Beta(2, 1) entry per neuron among weights and bias, the rest N(0, σ²/fan-in)', () => {
    const stream = new RandomStream(4);
    const p = sampleRaiParams([3, 50, 50, 1], stream);
    for (const l of p.layers) {
      for (let j = 0; j < l.fanOut; j++) {
        const v = [...l.weights.slice(j * l.fanIn, (j + 1) * l.fanIn), l.biases[j]];
        // The Beta entry is in (0, 1); Gaussian entries of std 0.6/√fan-in rarely are — at least one positive entry.
        expect(v.some((x) => x > 0 && x < 1)).toBe(true);
      }
    }
    // Without the positive entry: all N(0, σ²/fan-in) — the sample variance of layer-2 weights.
    const q = sampleRaiParams([3, 200, 200, 1], new RandomStream(5), { positiveEntry: false });
    const w = q.layers[1].weights;
    const v = w.reduce((a, x) => a + x * x, 0) / w.length;
    expect(v / (RAI_SIGMA ** 2 / 200)).toBeGreaterThan(0.97);
    expect(v / (RAI_SIGMA ** 2 / 200)).toBeLessThan(1.03);
  });

  test('DDI: no first-layer neuron is dead on the data, for any data', () => {
    const stream = new RandomStream(6);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + stream.nextInt(20);
      const inputs = new Float64Array(2 * n);
      stream.fillNormal(inputs, 1);
      const params = sampleDataDependentParams(he([2, 16, 16, 1], 0.1), inputs, stream);
      expect(statesOnData(toPwlNet64(params, 0), inputs).permanentlyDead).toBe(0);
    }
    expect(() => sampleDataDependentParams(he([2, 4, 1]), [1, 2, 3], stream)).toThrow(/inputs must hold n × n_0/);
  });
});
