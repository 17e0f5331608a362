/**
 * `npx theorycheck audit` (or `npx tsx properties/audit/run.ts`): the FM1 audit of every tfjs-layers
 * initializer, with the suite's He and a planted 10% variance error as controls (initializer-audit.ts
 * states the method and the verdict rule). Options: `--initializer <name>` (repeatable), `--width`,
 * `--nets`, `--seed`.
 */
import { parseArgs } from 'node:util';
import { initEngine } from '../../engine/backend';
import { TFJS_INITIALIZER_NAMES, tfjsInitializer, type TfjsInitializerName } from '../../engine/init/tfjs-initializers';
import { auditInitializer, DEFAULT_AUDIT, type InitializerAudit, type KernelSampler } from './initializer-audit';
import { suiteGaussian, tfjsSampler } from './samplers';

const { values } = parseArgs({ options: { initializer: { type: 'string', multiple: true }, width: { type: 'string' }, nets: { type: 'string' }, seed: { type: 'string' } } });
const int = (name: string, text: string | undefined, fallback: number, min: number): number => {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}; got "${text}"`);
  return v;
};

const fmt = (x: number): string => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toPrecision(4));
const range = (v: { estimate: number; lower: number; upper: number }): string => `${fmt(v.estimate)} [${fmt(v.lower)}, ${fmt(v.upper)}]`;

async function main(): Promise<void> {
  const engine = await initEngine();
  const design = { ...DEFAULT_AUDIT, width: int('width', values.width, DEFAULT_AUDIT.width, 2), nets: int('nets', values.nets, DEFAULT_AUDIT.nets, 2), seed: int('seed', values.seed, DEFAULT_AUDIT.seed, 0) };
  const names = (values.initializer ?? TFJS_INITIALIZER_NAMES).map((n) => (tfjsInitializer(n), n as TfjsInitializerName));
  const subjects: { label: string; declared: string; sample: KernelSampler }[] = [
    ...names.map((n) => ({ label: `tf.initializers.${n}`, declared: tfjsInitializer(n).declared, sample: tfjsSampler(n) })),
    ...(values.initializer ? [] : [
      { label: 'control: suite He', declared: 'normal, variance 2/fan-in', sample: suiteGaussian(2) },
      { label: 'control: He × 1.1', declared: 'planted error: variance 2.2/fan-in', sample: suiteGaussian(2.2) },
    ]),
  ];
  console.log(`theorycheck audit — FM1 (Hanin & Rolnick 2018): gain per layer g = fan-in·Var(w)/2, E[M_d]/M_0 = g^d; 99.9% intervals; backend ${engine.backend}; width ${design.width}, ${design.kernels} kernels, ${design.nets} nets at depth ${design.checkDepth}, seed ${design.seed}\n`);
  console.log('| initializer | declared | c = fan-in·Var(w) | gain per layer | E[M_10]/M_0 measured | predicted at 10 / 50 / 100 | FM1 verdict | variance × to fix |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const s of subjects) {
    const a: InitializerAudit = auditInitializer(s.sample, design);
    const pred = a.predicted.map((p) => fmt(p.estimate)).join(' / ');
    console.log(`| ${s.label} | ${s.declared} | ${range(a.c)} | ${range(a.gain)} | ${range(a.measured)} | ${pred} | ${a.verdict} | ${a.varianceCorrection.toFixed(4)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
