/**
 * The fault catalog: each fault substitutes the component it names and does what its description
 * says, on the engine itself (the claims' twins then prove that the tests see it).
 */
import { RandomStream } from '../../engine/random/stream';
import { initEngine } from '../../engine/backend';
import { COMPONENT_NAMES, DEFAULT_COMPONENTS } from '../../engine/components';
import { preActivations, sampleNet64, type PwlNet64 } from '../../engine/geometry/net64';
import { squareSlice } from '../../engine/geometry/plane-regions';
import { resolveNetwork, type NetworkSpec } from '../../engine/network/spec';
import { resolveConvNetwork } from '../../engine/measure/conv-lengths';
import { resolveResidualModules } from '../../engine/measure/residual-lengths';
import { RAI_SIGMA } from '../../engine/init/rai';
import { sampleSmallInit } from '../../engine/condensation/small-init';
import { sampleDenseParams } from '../../engine/train/params';
import { componentsOf, FAULT_NAMES, getFault } from './catalog';

const he = { law: 'gaussian' as const, variance: { preset: 'he' as const }, bias: { law: 'zero' as const } };
const dense = (widths: number[], biasStd = 0): NetworkSpec => ({
  widths,
  init: { ...he, bias: biasStd > 0 ? { law: 'gaussian', std: biasStd } : { law: 'zero' } },
  activation: { kind: 'relu' },
});
const resolveDenseSpec = (): NetworkSpec => dense([2, 16, 16, 1], 0.1);
const sampleVariance = (w: Float64Array): number => w.reduce((a, x) => a + x * x, 0) / w.length;

describe('fault catalog', () => {
  it('every fault substitutes only known components and describes itself; unknown names are an error listing the valid ones', () => {
    for (const name of FAULT_NAMES) {
      const f = getFault(name);
      expect(f.description.length).toBeGreaterThan(20);
      expect(Object.keys(f.components).length).toBeGreaterThan(0);
      for (const k of Object.keys(f.components)) expect(COMPONENT_NAMES).toContain(k);
    }
    expect(() => getFault('nope')).toThrow(/unknown fault "nope" \(THEORYCHECK_MUTANT\); valid: he-variance-1.8, /);
    expect(componentsOf()).toEqual(DEFAULT_COMPONENTS);
  });

  it('variance faults: he-variance-1.8 → 1.8/fan-in, he-fan-out → 2/fan-out (conv fans C·k), other rules untouched', () => {
    const heavy = componentsOf(getFault('he-variance-1.8'));
    expect(resolveNetwork(dense([3, 10, 20]), heavy).layers.map((l) => l.weightStd ** 2)).toEqual([1.8 / 3, 1.8 / 10].map((v) => Math.sqrt(v) ** 2));
    expect(resolveResidualModules(8, [0.5], heavy)[0].std2 ** 2).toBeCloseTo(1 / 8, 12); // LeCun W2 untouched
    const conv = resolveConvNetwork({ channels: [4, 16, 8], kernel: 3, length: 8, init: he }, componentsOf(getFault('he-fan-out')));
    expect(conv.layers.map((l) => l.weightStd ** 2)).toEqual([2 / 48, 2 / 24].map((v) => Math.sqrt(v) ** 2));
  });

  it('he-drifts-past-depth-6: He exact in layers 1–6, 2.04/fan-in in every deeper layer; LeCun untouched', () => {
    const drift = componentsOf(getFault('he-drifts-past-depth-6'));
    const widths = [3, ...Array<number>(9).fill(10)];
    const variances = resolveNetwork(dense(widths), drift).layers.map((l) => l.weightStd ** 2);
    for (const [k, v] of variances.slice(0, 6).entries()) expect(v * widths[k]).toBeCloseTo(2, 12);
    for (const [k, v] of variances.slice(6).entries()) expect(v * widths[6 + k]).toBeCloseTo(2.04, 12);
    const lecun = resolveNetwork({ ...dense(widths), init: { ...dense(widths).init, variance: { preset: 'lecun' } } }, drift).layers.map((l) => l.weightStd ** 2 * 10);
    for (const v of lecun.slice(1)) expect(v).toBeCloseTo(1, 12);
  });

  it('leaky-relu-0.3 replaces ReLU in every activation component; multiplicity-swapped swaps tanh and x²·tanh', () => {
    const leaky = componentsOf(getFault('leaky-relu-0.3'));
    expect(resolveNetwork(dense([2, 4]), leaky).layers[0].activation).toEqual({ kind: 'leaky-relu', slope: 0.3 });
    expect(leaky.trainActivation({ kind: 'relu' })).toEqual({ kind: 'leaky-relu', slope: 0.3 });
    const plusOne = componentsOf(getFault('multiplicity-plus-one'));
    expect([plusOne.trainActivation({ kind: 'tanh' }), plusOne.trainActivation({ kind: 'xtanh' }), plusOne.trainActivation({ kind: 'x2tanh' })]).toEqual([{ kind: 'xtanh' }, { kind: 'x2tanh' }, { kind: 'x2tanh' }]);
    const swapped = componentsOf(getFault('multiplicity-swapped'));
    expect([swapped.trainActivation({ kind: 'tanh' }), swapped.trainActivation({ kind: 'x2tanh' }), swapped.trainActivation({ kind: 'sigmoid' })]).toEqual([
      { kind: 'x2tanh' },
      { kind: 'tanh' },
      { kind: 'sigmoid' },
    ]);
  });

  it('uniform-as-gaussian draws bounded weights of the same variance; positive-biases draws |N(0, s_b²)|', () => {
    const net = sampleNet64(dense([50, 400], 0.5), new RandomStream(3), componentsOf(getFault('uniform-as-gaussian')));
    const w = net.layers[0].weights;
    const s = Math.sqrt(2 / 50);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3) * s);
    expect(sampleVariance(w) / (s * s)).toBeGreaterThan(0.97);
    expect(sampleVariance(w) / (s * s)).toBeLessThan(1.03);
    const pos = sampleNet64(dense([2, 300], 0.5), new RandomStream(4), componentsOf(getFault('positive-biases')));
    expect(pos.layers[0].biases.every((b) => b >= 0)).toBe(true);
  });

  it('rai-without-positive-entry is the symmetric N(0, σ²/fan-in) part alone; small-init-as-common draws var = 1/m', () => {
    const q = componentsOf(getFault('rai-without-positive-entry')).rai([3, 200, 200, 1], new RandomStream(5));
    const v = sampleVariance(q.layers[1].weights) / (RAI_SIGMA ** 2 / 200);
    expect(v).toBeGreaterThan(0.97);
    expect(v).toBeLessThan(1.03);
    const p = sampleSmallInit([1, 400, 1], { kind: 'std', std: 1e-4 }, new RandomStream(1), componentsOf(getFault('small-init-as-common')).smallInitStd);
    const u = sampleVariance(p.layers[0].weights) * 400;
    expect(u).toBeGreaterThan(0.8);
    expect(u).toBeLessThan(1.2);
  });

  it('line counters: output sign changes never exceed the breakpoints; first-layer-only keeps the layer-1 roots', () => {
    const net = sampleNet64(dense([2, 16, 16, 16], 0.1), new RandomStream(15));
    const seg = { x0: [0.6, -0.8], u: [0.6, 0.8], t0: 0, t1: 3 };
    const exact = DEFAULT_COMPONENTS.countLine(net, seg);
    expect(componentsOf(getFault('count-output-sign-changes')).countLine(net, seg).breakpoints.length).toBeLessThanOrEqual(exact.breakpoints.length);
    const first = componentsOf(getFault('count-first-layer-only')).countLine(net, seg);
    expect(first.breakpoints.length).toBe(exact.layerBreakpoints[0]);
    expect(exact.breakpoints.length).toBeGreaterThan(first.breakpoints.length);
  });

  it('double-counting: every breakpoint twice along a segment, 2·#regions − 1 in a 2-D slice', () => {
    const net = sampleNet64(dense([2, 16, 16], 0.1), new RandomStream(16));
    const seg = { x0: [0.6, -0.8], u: [0.6, 0.8], t0: 0, t1: 3 };
    const twice = componentsOf(getFault('double-counting'));
    const exact = DEFAULT_COMPONENTS.countLine(net, seg);
    expect(twice.countLine(net, seg).breakpoints.length).toBe(2 * exact.breakpoints.length);
    const slice = squareSlice([0, 0], 1);
    expect(twice.countPlane(net, slice).count).toBe(2 * DEFAULT_COMPONENTS.countPlane(net, slice).count - 1);
  });

  it('never-memorizes: the trainer runs Adam at lr/1000 — the same trajectory as the engine asked for lr/1000, and no memorization where the engine memorizes', async () => {
    await initEngine();
    const params = [sampleDenseParams(resolveDenseSpec(), new RandomStream(7), DEFAULT_COMPONENTS)];
    const data = { inputs: [-0.9, 0.3, -0.2, -0.7, 0.4, 0.8, 0.95, -0.5], targets: [1, -1, 1, -1] };
    const base = { params, activation: { kind: 'relu' as const }, data, steps: 400, success: { lossBelow: 1 / 4 } };
    const slow = componentsOf(getFault('never-memorizes'));
    const faulty = await slow.train({ ...base, optimizer: { kind: 'adam', lr: 1e-3 } });
    const asked = await DEFAULT_COMPONENTS.train({ ...base, optimizer: { kind: 'adam', lr: 1e-6 } });
    expect(Array.from(faulty.finalLoss)).toEqual(Array.from(asked.finalLoss));
    expect(faulty.successStep![0]).toBe(-1);
    const right = await DEFAULT_COMPONENTS.train({ ...base, optimizer: { kind: 'adam', lr: 1e-3 } });
    expect(right.successStep![0]).toBeGreaterThan(0);
  });

  it('regions-exponential-in-depth: the exact 2-D count × 2^{depth−1}, exact at depth 1', () => {
    const fault = componentsOf(getFault('regions-exponential-in-depth'));
    const slice = squareSlice([0, 0], 1);
    for (const widths of [[2, 12], [2, 6, 6, 6]]) {
      const net = sampleNet64(dense(widths, 0.1), new RandomStream(31));
      const exact = DEFAULT_COMPONENTS.countPlane(net, slice);
      const depth = widths.length - 1;
      const grown = fault.countPlane(net, slice);
      expect(grown.count).toBe(exact.count * 2 ** (depth - 1));
      expect(Array.from(grown.layerCounts)).toEqual(Array.from(exact.layerCounts, (c, l) => c * 2 ** l));
    }
  });

  it('shared-network-seeds gives networks 2k and 2k+1 the same stream and keeps ensembles of other indices apart', () => {
    const shared = componentsOf(getFault('shared-network-seeds')).netStream;
    const seeds = Array.from({ length: 8 }, (_, i) => shared(77, 'net', i));
    for (let k = 0; k < 4; k++) expect(seeds[2 * k + 1]).toBe(seeds[2 * k]);
    expect(new Set(seeds).size).toBe(4);
    expect(seeds[0]).toBe(DEFAULT_COMPONENTS.netStream(77, 'net', 0));
  });

  it('width-capped-at-2: a wide He network is a width-2 He network (the first two neurons of each layer, variance 2/min(fan-in, 2)) plus neurons never active', () => {
    const capped = componentsOf(getFault('width-capped-at-2'));
    expect(resolveNetwork(dense([1, 8, 8, 8]), capped).layers.map((l) => l.weightStd ** 2)).toEqual([2, 1, 1].map((v) => Math.sqrt(v) ** 2));
    const wide = sampleNet64(dense([1, 8, 8, 8]), new RandomStream(21), capped);
    // The width-2 network inside: rows and columns < 2 of every layer.
    const narrow: PwlNet64 = {
      inputDim: 1,
      layers: wide.layers.map((l) => {
        const fanIn = Math.min(l.fanIn, 2);
        const weights = Float64Array.from({ length: 2 * fanIn }, (_, k) => l.weights[Math.floor(k / fanIn) * l.fanIn + (k % fanIn)]);
        return { ...l, fanIn, fanOut: 2, weights, biases: l.biases.slice(0, 2) };
      }),
    };
    for (const x of [-1.3, -0.2, 0.4, 1.7]) {
      const zw = preActivations(wide, [x]);
      const zn = preActivations(narrow, [x]);
      zw.forEach((z, l) => {
        expect(Array.from(z.slice(0, 2))).toEqual(Array.from(zn[l]));
        expect(z.slice(2).every((v) => v < -1e8)).toBe(true); // switched off: never active
      });
    }
    const two = sampleNet64(dense([1, 2, 2]), new RandomStream(22), capped);
    expect(two).toEqual(sampleNet64(dense([1, 2, 2]), new RandomStream(22))); // width 2 untouched
  });

  it('ddi-past-the-data leaves every first-layer neuron dead on the training inputs; the engine\'s DDI keeps each one active on one', () => {
    const inputs = Float64Array.from({ length: 40 }, (_, i) => -1 + (2 * i) / 39);
    const spec = dense([2, 32, 1], 0.7);
    const worse = componentsOf(getFault('ddi-past-the-data')).ddi(spec, inputs, new RandomStream(23), DEFAULT_COMPONENTS);
    const good = DEFAULT_COMPONENTS.ddi(spec, inputs, new RandomStream(23), DEFAULT_COMPONENTS);
    const firstLayer = (p: typeof good): PwlNet64 => ({ inputDim: 2, layers: [{ ...p.layers[0], slope: 0 }] });
    const maxZ = (p: typeof good, j: number): number => Math.max(...Array.from({ length: 20 }, (_, k) => preActivations(firstLayer(p), inputs.slice(2 * k, 2 * k + 2))[0][j]));
    for (let j = 0; j < 32; j++) {
      expect(maxZ(worse, j)).toBeLessThan(0);
      expect(maxZ(good, j)).toBeGreaterThan(0);
    }
    expect(worse.layers[0].weights).toEqual(good.layers[0].weights); // only the biases moved
  });

  it('zero-as-active counts z = 0 as active', () => {
    expect(componentsOf(getFault('zero-as-active')).activeRule).toBe('nonnegative');
    expect(DEFAULT_COMPONENTS.activeRule).toBe('positive');
  });
});
