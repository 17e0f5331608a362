/**
 * Backend selection for the tfjs engine.
 *
 * Order when nothing is requested: `tensorflow` (tfjs-node, an optional dependency that cannot be
 * installed everywhere) when it loads, else `wasm`, else `cpu`. `initEngine({ backend })` forces one
 * (the suite passes its THEORYCHECK_BACKEND setting); a forced backend that fails to initialise is an error, never a silent fallback. An automatic
 * fallback to `cpu` (30–280× slower than wasm) is recorded in {@link EngineInfo.fallback} and so in
 * every report.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { EngineInfo } from '../theorems/vocabulary';
import { registerNativeBatchMatMul } from './native/native-matmul';
import { registerNativeNormalFill } from './native/native-normal';

import { BACKENDS, parseBackend, type BackendName } from './backend-names';

export { BACKENDS, parseBackend, type BackendName };

export interface ActiveEngine extends EngineInfo {
  backend: BackendName;
}

function tryLoadTfjsNode(): string | undefined {
  try {
    // Optional dependency: registers the `tensorflow` backend into the shared tfjs-core.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@tensorflow/tfjs-node');
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}

function packageVersion(name: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** Versions of everything that can change a number in a report. */
export function engineVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.versions.node };
  for (const name of [
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-backend-wasm',
    '@tensorflow/tfjs-backend-cpu',
    '@tensorflow/tfjs-node',
    'fast-check',
    'pure-rand',
    'simple-statistics',
    'mathjs',
  ]) {
    const v = packageVersion(name);
    if (v !== undefined) versions[name] = v;
  }
  return versions;
}

async function activate(name: BackendName): Promise<string | undefined> {
  if (name === 'tensorflow') {
    const failure = tryLoadTfjsNode();
    if (failure !== undefined) return `@tensorflow/tfjs-node did not load: ${failure}`;
  }
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `tf.setBackend('${name}') returned false`;
    await tf.ready();
  } catch (err) {
    return (err as Error).message;
  }
  return tf.getBackend() === name ? undefined : `tf.getBackend() is ${tf.getBackend()}, not ${name}`;
}

let active: Promise<ActiveEngine> | undefined;

export interface EngineOptions {
  /** Force a backend (tensorflow, wasm or cpu); default: the first of them that initialises. */
  backend?: string;
  /** On wasm, use the native batched matMul when it is built (engine/native; default true). */
  nativeMatMul?: boolean;
  /** Use the native fast loop of the normal sampler when it is built (engine/native; default true; the values are the same). */
  nativeSampling?: boolean;
}

/**
 * The native addon's parts (engine/native) when it loads: the batched matMul on wasm and the normal
 * sampler's fast loop on every backend; the returned `why` says what ran, for the report.
 */
function fastPath(info: ActiveEngine, options: EngineOptions): ActiveEngine {
  const lines: string[] = [];
  if (info.backend === 'wasm') {
    const r = options.nativeMatMul ?? true ? registerNativeBatchMatMul() : ({ registered: false, reason: 'turned off' } as const);
    lines.push(r.registered ? 'batched matMul: native addon (engine/native)' : `batched matMul: wasm (${r.reason})`);
  }
  const s = options.nativeSampling ?? true ? registerNativeNormalFill() : ({ registered: false, reason: 'turned off' } as const);
  lines.push(s.registered ? 'normal sampling: native addon (engine/native)' : `normal sampling: JavaScript (${s.registered === false && s.reason.includes('not loadable') ? 'addon not built' : s.reason})`);
  const line = lines.join('; ');
  return { ...info, why: info.why ? `${info.why}; ${line}` : line };
}

/**
 * Initialises tfjs once per process and returns the backend in use and all versions. The first call
 * decides; later calls (e.g. the engine's own, without options) return the same engine.
 * @example const engine = await initEngine(); // { backend: 'wasm', versions: {...} }
 */
export function initEngine(options: EngineOptions = {}): Promise<ActiveEngine> {
  active ??= (async () => {
    tf.enableProdMode(); // silences the "looks like you are running TensorFlow.js in Node.js" banner
    const requested = options.backend;
    if (requested !== undefined && requested !== '') {
      const name = parseBackend(requested);
      const failure = await activate(name);
      if (failure !== undefined) throw new Error(`backend ${name} could not be initialised: ${failure}`);
      return fastPath({ backend: name, versions: engineVersions(), why: `forced (${name} requested)` }, options);
    }
    const reasons: string[] = [];
    for (const name of BACKENDS) {
      const failure = await activate(name);
      if (failure === undefined) {
        const info: ActiveEngine = { backend: name, versions: engineVersions() };
        info.why = `automatic choice, the first of ${BACKENDS.join(', ')} that starts${reasons.length > 0 ? `; ${reasons.join('; ')}` : ''}`;
        if (name === 'cpu') {
          info.fallback = reasons.join('; ');
          // Never silent: cpu is 30–280× slower than wasm (measured by `npm run bench`; README "Engine figures").
          process.emitWarning(`theorycheck: falling back to the slow tfjs cpu backend (${info.fallback})`);
        }
        return fastPath(info, options);
      }
      reasons.push(`${name}: ${failure}`);
    }
    throw new Error(`no tfjs backend could be initialised (${reasons.join('; ')})`);
  })();
  return active;
}
