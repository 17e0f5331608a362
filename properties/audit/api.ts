/**
 * The audit's public API (`theorycheck/audit`, package.json `exports`): point the suite's FM1, FM2,
 * born-dead and region theorems at your own component and get an {@link AuditReport}
 * (render it with `writeAuditReport` from `theorycheck/audit-report`).
 *
 *     const engine = await initEngine();
 *     const report = runAudit([modelSource(factory, 'my model'), tfjsInitializerSource('heNormal')], { engine });
 *
 * Components: a tfjs `Initializer` factory (seed → Initializer) via {@link initializerSource}, a weight
 * function (shape, fanIn, fanOut, seed) → weights via {@link weightFunctionSource}, a `tf.Sequential`
 * factory via {@link modelSource}, a directory of exported `.npy` weights via {@link weightsSource},
 * the tfjs built-ins via {@link tfjsInitializerSource} / {@link tfjsLayerDefaultSource} /
 * {@link builtInSources}. Choose theorems with `design.theorems` (fm1, fm2, born-dead, regions).
 */
import type * as tf from '@tensorflow/tfjs';
import { sampleTfjsKernel } from '../../engine/init/tfjs-initializers';
import { initializerInstanceSampler, samplerSource, weightFunctionSampler, type NetSource, type WeightFunction } from './source';

export { initEngine } from '../../engine/backend';
export type { AuditReport, SubjectAudit, Fm1Audit, Fm2Audit, BornDeadAudit, RegionsAudit, Estimate, AuditVerdict } from '../../reports/audit-schema';
export { runAudit, auditSource, DEFAULT_DESIGN, AUDIT_THEOREMS, type AuditDesign, type AuditTheorem, type RunAuditOptions } from './audit';
export { modelSource, fixedSource, samplerSource, type NetSource, type ModelFactory, type WeightFunction, type KernelSampler } from './source';
export { weightsSource, loadWeightsDir, type WeightsLayout } from './weights-dir';
export { tfjsInitializerSource, tfjsLayerDefaultSource, builtInSources, CONTROLS, suiteGaussian } from './subjects';

/** What a component declares, for the report's "declared" column and FM1's declared c. */
export interface Declared {
  declared?: string;
  /** fan-in, fan-out → the variance it declares. */
  variance?: (fanIn: number, fanOut: number) => number;
}

/** A tfjs Initializer, given as a factory seed → Initializer (an instance holds one seed, so its draws would repeat). */
export function initializerSource(label: string, make: (seed: number) => tf.serialization.Serializable & { apply: (shape: number[], dtype?: tf.DataType) => tf.Tensor }, declared: Declared = {}): NetSource {
  return samplerSource(label, (fanIn, fanOut, seed) => sampleTfjsKernel(make(seed & 0x7fffffff) as Parameters<typeof sampleTfjsKernel>[0], fanIn, fanOut), { declared: declared.declared, declaredVariance: declared.variance });
}

/** A weight function (shape [fanIn, fanOut], fanIn, fanOut, seed) → weights in tfjs' Dense layout. */
export function weightFunctionSource(label: string, fn: WeightFunction, declared: Declared = {}): NetSource {
  return samplerSource(label, weightFunctionSampler(fn), { declared: declared.declared, declaredVariance: declared.variance });
}

/**
 * A tfjs Initializer *instance*. Accepted when it is unseeded (each call draws anew; the audit is then
 * not reproducible, noted); refused when its fixed seed makes every call return the same kernel.
 */
export function initializerInstanceSource(label: string, init: { apply: (shape: number[], dtype?: tf.DataType) => tf.Tensor }, declared: Declared = {}): NetSource {
  const source = samplerSource(label, initializerInstanceSampler(init, label), { declared: declared.declared, declaredVariance: declared.variance });
  source.notes.push('not reproducible: an unseeded Initializer instance draws from tfjs\' global generator');
  return source;
}
