/**
 * A directory of sampled weight matrices exported from another framework, as a network source.
 *
 * Layout (NumPy `.npy` files, read with npyjs; float32 or float64; files sorted in natural order):
 * - stacked: one file per hidden layer, `<name>.npy` of shape [draws, a, b], and optionally one bias
 *   file per layer whose name contains "bias", of shape [draws, fanOut];
 * - or one subdirectory per draw, each holding 2-D kernels [a, b] (and 1-D biases) named the same way.
 * [a, b] is [fanIn, fanOut] (`layout: 'in-out'`: Keras, tfjs, JAX) or [fanOut, fanIn] (`'out-in'`:
 * PyTorch's `nn.Linear.weight`); `'auto'` infers it from how consecutive layers chain and asks for
 * it when both chain (square layers). Export the hidden (ReLU) layers only, not the read-out.
 * `properties/audit/export-weights.py` writes this layout from a PyTorch model factory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as Npy from 'npyjs' with { 'resolution-mode': 'import' };
// npyjs ships CommonJS (its `require` export); its declarations are typed as ESM, hence the type-only import above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('npyjs') as typeof Npy;
type NpyArray = Npy.NpyArray;
import type { Layer64 } from '../../engine/geometry/net64';
import { toEngineLayout } from '../../engine/init/tfjs-initializers';
import { fixedSource, type NetSource } from './source';

export type WeightsLayout = 'in-out' | 'out-in' | 'auto';

const natural = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });

function readNpy(file: string): NpyArray {
  const buf = readFileSync(file);
  let arr: NpyArray;
  try {
    arr = parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  } catch (err) {
    throw new Error(`${file}: not a readable .npy file (${(err as Error).message})`, { cause: err });
  }
  if (arr.dtype !== 'f4' && arr.dtype !== 'f8') throw new Error(`${file}: dtype must be float32 or float64; got ${arr.dtype}`);
  if (arr.fortranOrder) throw new Error(`${file}: Fortran-ordered arrays are not supported; save with np.ascontiguousarray`);
  return arr;
}

interface Tensor {
  file: string;
  shape: number[];
  data: ArrayLike<number>;
}

const npyFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.npy')).sort(natural);

/** Kernels and biases per draw: kernels[d][l], biases[d][l] (undefined when absent). */
function readDraws(dir: string): { kernels: Tensor[][]; biases: (Tensor | undefined)[][] } {
  const subdirs = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort(natural);
  const split = (files: string[]) => ({ k: files.filter((f) => !/bias/i.test(f)), b: files.filter((f) => /bias/i.test(f)) });
  if (npyFiles(dir).length > 0) {
    const { k, b } = split(npyFiles(dir));
    if (b.length > 0 && b.length !== k.length) throw new Error(`${dir}: ${k.length} kernel files but ${b.length} bias files; give one bias file per layer or none`);
    const stacks = k.map((f) => readNpy(join(dir, f)));
    const biasStacks = b.map((f) => readNpy(join(dir, f)));
    stacks.forEach((s, l) => {
      if (s.shape.length !== 3) throw new Error(`${join(dir, k[l])}: a stacked kernel must have shape [draws, a, b]; got [${s.shape}]`);
    });
    const draws = stacks[0].shape[0];
    const slice = (a: NpyArray, f: string, d: number): Tensor => {
      if (a.shape[0] !== draws) throw new Error(`${f}: ${a.shape[0]} draws; ${k[0]} has ${draws}`);
      const size = a.shape.slice(1).reduce((p, n) => p * n, 1);
      return { file: f, shape: a.shape.slice(1), data: (a.data as Float32Array).subarray(d * size, (d + 1) * size) };
    };
    return {
      kernels: Array.from({ length: draws }, (_, d) => stacks.map((s, l) => slice(s, k[l], d))),
      biases: Array.from({ length: draws }, (_, d) => k.map((_f, l) => (biasStacks[l] ? slice(biasStacks[l], b[l], d) : undefined))),
    };
  }
  if (subdirs.length === 0) throw new Error(`${dir}: no .npy files and no draw subdirectories`);
  const kernels: Tensor[][] = [];
  const biases: (Tensor | undefined)[][] = [];
  for (const sub of subdirs) {
    const path = join(dir, sub);
    const { k, b } = split(npyFiles(path));
    if (k.length === 0) throw new Error(`${path}: no kernel .npy files`);
    if (b.length > 0 && b.length !== k.length) throw new Error(`${path}: ${k.length} kernel files but ${b.length} bias files`);
    kernels.push(
      k.map((f) => {
        const a = readNpy(join(path, f));
        if (a.shape.length !== 2) throw new Error(`${join(path, f)}: a kernel must have shape [a, b]; got [${a.shape}]`);
        return { file: join(path, f), shape: a.shape, data: a.data as Float32Array };
      }),
    );
    biases.push(k.map((_f, l) => (b[l] ? (({ shape, data }) => ({ file: join(path, b[l]), shape, data: data as Float32Array }))(readNpy(join(path, b[l]))) : undefined)));
  }
  return { kernels, biases };
}

function inferLayout(dir: string, shapes: number[][], layout: WeightsLayout): 'in-out' | 'out-in' {
  if (layout !== 'auto') return layout;
  const chains = (io: boolean): boolean => shapes.every((s, l) => l === 0 || (io ? shapes[l - 1][1] === s[0] : shapes[l - 1][0] === s[1]));
  const io = chains(true);
  const oi = chains(false);
  if (io && !oi) return 'in-out';
  if (oi && !io) return 'out-in';
  if (!io && !oi) throw new Error(`${dir}: the layers' shapes [${shapes.map((s) => `[${s}]`)}] chain in neither layout`);
  throw new Error(`${dir}: the layers' shapes chain in both layouts; pass layout 'in-out' (Keras, tfjs, JAX) or 'out-in' (PyTorch)`);
}

export interface WeightsDir {
  dir: string;
  widths: number[];
  layout: 'in-out' | 'out-in';
  nets: Layer64[][];
}

export function loadWeightsDir(dir: string, layout: WeightsLayout = 'auto'): WeightsDir {
  if (!['in-out', 'out-in', 'auto'].includes(layout)) throw new Error(`layout must be in-out, out-in or auto; got "${layout}"`);
  const { kernels, biases } = readDraws(dir);
  const resolved = inferLayout(dir, kernels[0].map((t) => t.shape), layout);
  const nets = kernels.map((net, d) =>
    net.map((t, l): Layer64 => {
      const [fanIn, fanOut] = resolved === 'in-out' ? t.shape : [t.shape[1], t.shape[0]];
      // out-in (PyTorch) is already the engine's layout.
      const weights = resolved === 'in-out' ? toEngineLayout(t.data, fanIn, fanOut) : Float64Array.from(t.data);
      const b = biases[d][l];
      if (b && (b.shape.length !== 1 || b.shape[0] !== fanOut)) throw new Error(`${b.file}: a bias must have shape [${fanOut}]; got [${b.shape}]`);
      return { fanIn, fanOut, weights, biases: b ? Float64Array.from(b.data) : new Float64Array(fanOut), slope: 0 };
    }),
  );
  const widths = [nets[0][0].fanIn, ...nets[0].map((l) => l.fanOut)];
  return { dir, widths, layout: resolved, nets };
}

/** The directory as a network source (the draws in file order). */
export function weightsSource(dir: string, layout: WeightsLayout = 'auto', label = `weights: ${dir}`): NetSource {
  const w = loadWeightsDir(dir, layout);
  return fixedSource(label, w.nets, { kind: 'weights', declared: `exported weights (${w.nets.length} draws, layout ${w.layout})` });
}
