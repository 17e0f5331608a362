/**
 * `npx theorycheck audit` (or `npx tsx properties/audit/run.ts`): runs the audit (audit.ts) and writes
 * `audit.json` into `--out`; the CLI then renders audit.md and audit.html from it (reports/audit-writer.ts).
 * Without a component option it audits every tfjs-layers initializer, the dense and conv1d defaults
 * and the two controls (`--builtins` adds them to chosen components). Exit 0 when the audit ran (its verdicts are findings, not failures), 2 on bad input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { initEngine } from '../../engine/backend';
import { TFJS_INITIALIZER_NAMES } from '../../engine/init/tfjs-initializers';
import { AUDIT_THEOREMS, DEFAULT_DESIGN, runAudit, type AuditTheorem } from './audit';
import { modelSource, type ModelFactory, type NetSource } from './source';
import { builtInSources, CONTROLS, tfjsInitializerSource, tfjsLayerDefaultSource } from './subjects';
import { weightsSource, type WeightsLayout } from './weights-dir';

const { values } = parseArgs({
  options: {
    initializer: { type: 'string', multiple: true },
    layer: { type: 'string', multiple: true },
    model: { type: 'string', multiple: true },
    weights: { type: 'string', multiple: true },
    layout: { type: 'string' },
    controls: { type: 'boolean' },
    builtins: { type: 'boolean' },
    theorem: { type: 'string', multiple: true },
    width: { type: 'string' },
    nets: { type: 'string' },
    'model-nets': { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'git-commit': { type: 'string' },
  },
});

const int = (name: string, text: string | undefined, fallback: number, min: number): number => {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}; got "${text}"`);
  return v;
};

function loadFactory(file: string): ModelFactory {
  const path = isAbsolute(file) ? file : resolve(file);
  let mod: { default?: unknown; factory?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path) as typeof mod;
  } catch (err) {
    throw new Error(`--model ${file}: cannot load the module (${(err as Error).message.split("\n")[0]})`, { cause: err });
  }
  const f = typeof mod.default === 'function' ? mod.default : typeof mod.factory === 'function' ? mod.factory : undefined;
  if (!f) throw new Error(`--model ${file}: the module must export a factory (seed: number) => tf.Sequential as default or as \`factory\``);
  return f as ModelFactory;
}

/** A path as shown in the report: relative to the checkout when inside it. */
const shown = (p: string): string => {
  const r = relative(process.cwd(), resolve(p));
  return r.startsWith('..') || isAbsolute(r) ? p : r;
};

async function main(): Promise<void> {
  const engine = await initEngine();
  const theorems = (values.theorem ?? AUDIT_THEOREMS) as AuditTheorem[];
  for (const t of theorems) if (!AUDIT_THEOREMS.includes(t)) throw new Error(`--theorem must be one of ${AUDIT_THEOREMS.join(', ')}; got "${t}"`);
  const design = {
    ...DEFAULT_DESIGN,
    theorems,
    width: int('width', values.width, DEFAULT_DESIGN.width, 2),
    nets: int('nets', values.nets, DEFAULT_DESIGN.nets, 10),
    modelNets: int('model-nets', values['model-nets'], DEFAULT_DESIGN.modelNets, 10),
    seed: int('seed', values.seed, DEFAULT_DESIGN.seed, 0),
  };
  const layout = (values.layout ?? 'auto') as WeightsLayout;
  const chosen = values.initializer || values.layer || values.model || values.weights;
  const sources: NetSource[] = chosen
    ? [
        ...(values.initializer ?? []).map(tfjsInitializerSource),
        ...(values.layer ?? []).map((l) => {
          if (l !== 'dense' && l !== 'conv1d') throw new Error(`--layer must be dense or conv1d; got "${l}"`);
          return tfjsLayerDefaultSource(l);
        }),
        ...(values.model ?? []).map((m) => modelSource(loadFactory(m), `model: ${shown(m)}`, `tf.Sequential factory from ${shown(m)}`)),
        ...(values.weights ?? []).map((d) => weightsSource(d, layout, `weights: ${shown(d)}`)),
        ...(values.builtins ? builtInSources(TFJS_INITIALIZER_NAMES, true) : values.controls ? [CONTROLS.he(), CONTROLS.planted()] : []),
      ]
    : builtInSources(TFJS_INITIALIZER_NAMES, true);
  const out = values.out ?? join('reports', 'out', 'audit');
  mkdirSync(out, { recursive: true });
  process.stderr.write(`theorycheck audit: ${sources.length} components (backend ${engine.backend}), theorems ${theorems.join(', ')}\n`);
  const report = runAudit(sources, {
    design,
    engine,
    gitCommit: values['git-commit'] ?? null,
    onSubject: (a, i, n) => process.stderr.write(`  [${i + 1}/${n}] ${a.label}: FM1 ${a.fm1?.verdict ?? '—'}, FM2 ${a.fm2?.verdict ?? '—'}, born dead ${a.bornDead?.verdict ?? '—'}, regions ${a.regions?.verdict ?? '—'}\n`),
  });
  writeFileSync(join(out, 'audit.json'), `${JSON.stringify(report, null, 1)}\n`);
  process.stderr.write(`theorycheck audit: ${join(out, 'audit.json')} (${(report.wallTimeMs / 1000).toFixed(1)} s)\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
