/**
 * Configurations of the "regions along a line" claims: a fully connected ReLU network (hidden
 * layers only: the linear read-out creates no region), weights i.i.d. N(0, c/fan-in), biases i.i.d.
 * N(0, s_b²), and a segment x(t) = x0 + t·u, t ∈ [0, T], ‖u‖ = 1.
 */
import { OutOfDomainError } from '../types';

export interface SegmentSpec {
  x0: number[];
  /** Unit direction. */
  u: number[];
  /** T > 0, the segment's length. */
  length: number;
}

export interface LineNetConfig {
  inputDim: number;
  /** Hidden widths n_1, …, n_d. */
  widths: number[];
  /** c in Var(w) = c / fan-in (He: 2). */
  weightScale: number;
  /** s_b > 0. */
  biasStd: number;
  segment: SegmentSpec;
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function widthsProblem(widths: unknown, parameter = 'widths'): string | undefined {
  if (!Array.isArray(widths) || widths.length < 1) return `${parameter} must list at least one hidden width; got ${JSON.stringify(widths)}`;
  const bad = widths.findIndex((w) => !isInt(w) || w < 1 || w > 4096);
  return bad >= 0 ? `${parameter}[${bad}] must be an integer in [1, 4096]; got ${widths[bad]}` : undefined;
}

export function segmentProblem(seg: SegmentSpec, inputDim: number): string | undefined {
  if (!isInt(inputDim) || inputDim < 1) return `inputDim must be an integer ≥ 1; got ${inputDim}`;
  if (!Array.isArray(seg.x0) || seg.x0.length !== inputDim || !seg.x0.every(finite)) return `segment.x0 must be ${inputDim} finite numbers; got ${JSON.stringify(seg.x0)}`;
  if (!Array.isArray(seg.u) || seg.u.length !== inputDim || !seg.u.every(finite)) return `segment.u must be ${inputDim} finite numbers; got ${JSON.stringify(seg.u)}`;
  const norm = Math.hypot(...seg.u);
  if (Math.abs(norm - 1) > 1e-9) return `segment.u must be a unit vector (‖u‖ = 1 ± 1e-9); got ‖u‖ = ${norm}`;
  if (!finite(seg.length) || seg.length <= 0) return `segment.length must be a finite number > 0; got ${seg.length}`;
  return undefined;
}

export function netProblem(c: { inputDim: number; weightScale: number; biasStd: number }): string | undefined {
  if (!isInt(c.inputDim) || c.inputDim < 1 || c.inputDim > 4096) return `inputDim must be an integer in [1, 4096]; got ${c.inputDim}`;
  if (!finite(c.weightScale) || c.weightScale <= 0 || c.weightScale > 100) return `weightScale (c in Var(w) = c/fan-in) must be in (0, 100]; got ${c.weightScale}`;
  if (!finite(c.biasStd) || c.biasStd <= 0 || c.biasStd > 100) return `biasStd (s_b) must be in (0, 100] (zero biases collapse the regions: HR2019.Lines.zero-bias-collapse); got ${c.biasStd}`;
  return undefined;
}

export function checkLineConfig(id: string, c: LineNetConfig): LineNetConfig {
  const problem = netProblem(c) ?? widthsProblem(c.widths) ?? segmentProblem(c.segment, c.inputDim);
  if (problem !== undefined) throw new OutOfDomainError(id, problem);
  return c;
}

export const neurons = (widths: readonly number[]): number => widths.reduce((a, b) => a + b, 0);
