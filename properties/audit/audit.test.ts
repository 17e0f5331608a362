import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type * as Npy from 'npyjs' with { 'resolution-mode': 'import' };
import { initEngine } from '../../engine/backend';
import { auditSource, DEFAULT_DESIGN, runAudit, type AuditDesign } from './audit';
import { bornDeadProbability } from './born-dead-audit';
import { lineBound } from './regions-audit';
import { fixedSource, modelSource, samplerSource } from './source';
import { CONTROLS, suiteGaussian, tfjsInitializerSource } from './subjects';
import { loadWeightsDir, weightsSource } from './weights-dir';
import factory from './examples/he-uniform-model';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dump } = require('npyjs') as typeof Npy;

beforeAll(async () => {
  await initEngine();
});

/** A small design for the gate (the CLI's default is larger); fixed here, before any run. */
const small: AuditDesign = { ...DEFAULT_DESIGN, nets: 300, bornDead: { ...DEFAULT_DESIGN.bornDead, nets: 400 }, regions: { ...DEFAULT_DESIGN.regions, nets: 40 }, modelNets: 60 };

describe('the audit, on components with known answers', () => {
  it('controls: the suite\'s He keeps FM1 (gain 1); a planted 10% variance error breaks it (gain 1.1 per layer at c = 2.2); both keep FM2, born dead and regions', () => {
    const he = auditSource(CONTROLS.he(), small);
    const planted = auditSource(CONTROLS.planted(), small);
    expect(he.fm1!.verdict).toBe('keeps');
    expect(he.fm1!.gain.lower).toBeLessThanOrEqual(1);
    expect(he.fm1!.gain.upper).toBeGreaterThanOrEqual(1);
    expect(planted.fm1!.verdict).toBe('breaks');
    expect(planted.fm1!.gain.lower).toBeLessThanOrEqual(1.1);
    expect(planted.fm1!.gain.upper).toBeGreaterThanOrEqual(1.1);
    expect(planted.fm1!.varianceCorrection).toBeCloseTo(2 / 2.2, 2);
    expect(planted.fm1!.predicted.find((p) => p.depth === 100)!.estimate).toBeGreaterThan(1e3); // 1.1^100 ≈ 1.4·10⁴
    for (const a of [he, planted]) {
      expect(a.fm1!.measured.consistent).toBe(true); // E[M_8]/M_0 measured against ∏ g_l
      expect(a.fm2!.verdict).toBe('keeps');
      expect(a.fm2!.mu4.lower).toBeLessThanOrEqual(3);
      expect(a.fm2!.mu4.upper).toBeGreaterThanOrEqual(3);
      expect(a.bornDead!.verdict).toBe('keeps');
      expect(a.regions!.verdict).toBe('keeps');
    }
    // The region bound grows with depth at c = 2.2: layer l's term gains 1.1^{(l−1)/2} over He's (same
    // streams, weights scaled by √1.1), ≈ 1.19 on average over 8 layers; He's stays flat.
    const growth = (a: typeof he) => a.regions!.rows[3].bound / a.regions!.rows[0].bound;
    expect(growth(planted) / growth(he)).toBeGreaterThan(1.15);
    expect(Math.abs(growth(he) - 1)).toBeLessThan(0.1);
  });

  it('power of FM2 and born dead: a component whose kernels repeat every row (dependent neurons, same c and law) keeps FM1 but breaks both', () => {
    const he = suiteGaussian(2);
    const twins = samplerSource('planted: duplicated rows', (fanIn, fanOut, seed) => {
      const w = he(fanIn, fanOut, seed);
      for (let j = 1; j < fanOut; j += 2) w.copyWithin(j * fanIn, (j - 1) * fanIn, j * fanIn);
      return w;
    });
    const a = auditSource(twins, small);
    expect(a.fm1!.verdict).toBe('keeps');
    expect(a.fm2!.verdict).toBe('breaks');
    expect(a.bornDead!.verdict).toBe('breaks'); // 1 − (3/4)^10 = 0.94 with pairs, not 1 − (7/8)^10 = 0.74
  });

  it('tf.initializers.heNormal breaks FM1: it samples 0.7737 of its declared variance (truncation at ±2σ without rescaling), and says so', () => {
    const a = auditSource(tfjsInitializerSource('heNormal'), { ...small, nets: 60, theorems: ['fm1'] });
    expect(a.fm1!.verdict).toBe('breaks');
    expect(a.fm1!.cDeclared).toBe(2);
    expect(a.fm1!.gain.lower).toBeLessThan(0.7737);
    expect(a.fm1!.gain.upper).toBeGreaterThan(0.7737);
    expect(a.fm1!.cause).toMatch(/truncatedNormal.*without the 1\/0.8796 rescaling/);
    expect(a.fm2).toBeUndefined();
  });

  it('formulas: the born-dead probability and the line bound (depth-free at c = 2)', () => {
    expect(bornDeadProbability([3, ...Array(10).fill(3)])).toBeCloseTo(1 - (7 / 8) ** 10, 12);
    expect(bornDeadProbability([16, 64, 64])).toBeCloseTo(2 * 2 ** -64, 30);
    const T = 2;
    const flat = T / Math.sqrt(2 * Math.PI);
    expect(lineBound([16, 32], [2], 1, T)).toBeCloseTo(flat * 32 * Math.sqrt(2 / 16), 12);
    expect(lineBound([16, 8, 8, 8, 8], [2, 2, 2, 2], 1, T)).toBeCloseTo(flat * 32 * Math.sqrt(2 / 16), 12);
    expect(lineBound([16, 8, 8], [1, 1], 1, T)).toBeCloseTo(flat * (8 * Math.sqrt(1 / 16) + 8 * Math.sqrt(1 / 32)), 12);
  });
});

describe('a tf.Sequential factory', () => {
  it('audits its own architecture (Dense ReLU layers; the linear read-out left out): the heUniform example keeps every theorem', () => {
    const a = auditSource(modelSource(factory, 'example'), small);
    expect(a.widths).toEqual([16, 64, 64, 64]);
    expect(a.fm1!.perLayer.map((p) => [p.fanIn, p.fanOut])).toEqual([[16, 64], [64, 64], [64, 64]]);
    expect(a.fm1!.verdict).not.toBe('breaks');
    expect(a.fm2!.layers).toHaveLength(3);
    expect(a.fm2!.verdict).toBe('keeps');
    expect(a.bornDead!.predicted).toBeCloseTo(3 * 2 ** -64, 30);
    expect(a.regions!.rows).toHaveLength(1);
  });

  it('refuses a factory whose seed changes nothing or whose hidden layer is not ReLU; notes one that ignores its seed', () => {
    const fixed = () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) })] });
    expect(() => modelSource(fixed)).toThrow(/seeds 1 and 2 build identical weights/);
    const tanh = (seed: number) => tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'tanh', kernelInitializer: tf.initializers.heNormal({ seed }) }), tf.layers.dense({ units: 1 })] });
    expect(() => modelSource(tanh)).toThrow(/hidden layer 0 .* has activation "tanh"/);
    const unseeded = () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu' })] });
    expect(modelSource(unseeded).notes).toEqual([expect.stringMatching(/not reproducible: the factory ignores its seed/)]);
  });
});

describe('a directory of exported weights (.npy)', () => {
  const save = (file: string, data: Float32Array, shape: number[]) => writeFileSync(file, Buffer.from(dump(data, shape, { dtype: 'f4' })));
  const he = suiteGaussian(2);

  it('reads stacked [draws, a, b] files in either layout and draw subdirectories, and audits them as drawn', () => {
    const draws = 40;
    const widths = [8, 16, 12];
    const nets = Array.from({ length: draws }, (_, d) => widths.slice(1).map((n, l) => ({ fanIn: widths[l], fanOut: n, weights: he(widths[l], n, 1000 + d * 10 + l) })));
    const root = mkdtempSync(join(tmpdir(), 'tc-weights-'));
    // Stacked, PyTorch layout [draws, fanOut, fanIn] (the engine's row-major layout).
    const torch = join(root, 'torch');
    mkdirSync(torch);
    nets[0].forEach((_, l) => save(join(torch, `layer${l}.npy`), Float32Array.from(nets.flatMap((net) => Array.from(net[l].weights))), [draws, widths[l + 1], widths[l]]));
    // Draw subdirectories, Keras layout [fanIn, fanOut], with biases.
    const keras = join(root, 'keras');
    nets.slice(0, 3).forEach((net, d) => {
      mkdirSync(join(keras, `draw${d}`), { recursive: true });
      net.forEach((layer, l) => {
        const t = new Float32Array(layer.fanIn * layer.fanOut);
        for (let i = 0; i < layer.fanIn; i++) for (let j = 0; j < layer.fanOut; j++) t[i * layer.fanOut + j] = layer.weights[j * layer.fanIn + i];
        save(join(keras, `draw${d}`, `dense${l}.npy`), t, [layer.fanIn, layer.fanOut]);
        save(join(keras, `draw${d}`, `dense${l}_bias.npy`), new Float32Array(layer.fanOut).fill(0.5), [layer.fanOut]);
      });
    });
    const a = loadWeightsDir(torch);
    const b = loadWeightsDir(keras);
    expect(a.layout).toBe('out-in');
    expect(b.layout).toBe('in-out');
    expect(a.widths).toEqual(widths);
    expect(b.widths).toEqual(widths);
    expect(a.nets).toHaveLength(draws);
    expect(Array.from(b.nets[2][1].weights)).toEqual(Array.from(Float32Array.from(nets[2][1].weights)));
    expect(Array.from(a.nets[2][1].weights)).toEqual(Array.from(Float32Array.from(nets[2][1].weights)));
    expect(b.nets[0][0].biases[3]).toBe(0.5);
    const audit = runAudit([weightsSource(torch)], { design: { ...small, theorems: ['fm1', 'born-dead'] }, engine: { backend: 'wasm', versions: {} } });
    expect(audit.subjects[0].kind).toBe('weights');
    expect(audit.subjects[0].fm1!.measured.nets).toBe(draws);
    expect(audit.subjects[0].bornDead!.nets).toBe(draws);
    expect(weightsSource(keras).zeroBiases).toBe(false);
  });

  it('bad input names the file, the shape or the option', () => {
    const root = mkdtempSync(join(tmpdir(), 'tc-weights-bad-'));
    save(join(root, 'a.npy'), new Float32Array(2 * 4 * 4), [2, 4, 4]);
    save(join(root, 'b.npy'), new Float32Array(2 * 4 * 4), [2, 4, 4]);
    expect(() => loadWeightsDir(root)).toThrow(/chain in both layouts; pass layout 'in-out' .* or 'out-in'/);
    expect(loadWeightsDir(root, 'in-out').widths).toEqual([4, 4, 4]);
    expect(() => loadWeightsDir(root, 'sideways' as never)).toThrow(/layout must be in-out, out-in or auto; got "sideways"/);
    const flat = mkdtempSync(join(tmpdir(), 'tc-weights-flat-'));
    save(join(flat, 'a.npy'), new Float32Array(16), [4, 4]);
    expect(() => loadWeightsDir(flat)).toThrow(/a stacked kernel must have shape \[draws, a, b\]; got \[4,4\]/);
    // All-zero weights: every network is dead, so FM2 has nothing to test and says so (not keeps).
    const zero = auditSource(fixedSource('two', loadWeightsDir(root, 'in-out').nets), { ...small, modelNets: 10 });
    expect(zero.fm2!.verdict).toBe('undetermined');
    expect(zero.bornDead!.dead).toBe(2);
    expect(() => auditSource(CONTROLS.he(), { ...small, nets: 1 })).toThrow('nets must be an integer ≥ 10; got 1');
  });
});
