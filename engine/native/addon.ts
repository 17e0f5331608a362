/**
 * The engine's optional native addon (engine/native/*.cc, N-API, built by node-gyp at install or with
 * `npm run build:native`): a batched float32 matMul for the wasm backend (native-matmul.ts) and the
 * fast path of the ziggurat normal sampler (native-normal.ts). Without it everything runs in
 * wasm/JavaScript, which is also the oracle of the equality tests (engine/native/*.test.ts).
 */
import * as path from 'node:path';

export interface NativeAddon {
  batchMatMul: (a: Float32Array, b: Float32Array, out: Float32Array, batchA: number, batchB: number, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean) => void;
  setZigguratTables: (kn: Int32Array, wn: Float64Array) => void;
  fillNormalFast: (state: Int32Array, out: Float32Array | Float64Array, offset: number, length: number, std: number, slowIndex: Int32Array, slowDraw: Int32Array) => number;
  fillNormalEach: (states: Int32Array, out: Float32Array | Float64Array, offset: number, per: number, std: number, slowIndex: Int32Array, slowDraw: Int32Array, first: number) => number;
}

export const ADDON_PATH = path.join(__dirname, 'build', 'Release', 'theorycheck_native.node');

let loaded: { addon: NativeAddon } | { unavailable: string } | undefined;

/** The addon (loaded once), or why it is not available. */
export function loadNativeAddon(): { addon: NativeAddon } | { unavailable: string } {
  if (loaded) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const addon = require(ADDON_PATH) as NativeAddon;
    if (typeof addon.fillNormalEach !== 'function' || typeof addon.batchMatMul !== 'function') throw new Error('an older build without every function; run npm run build:native');
    loaded = { addon };
  } catch (err) {
    loaded = { unavailable: `${ADDON_PATH} not loadable (${(err as Error).message.split('\n')[0]}); build it with npm run build:native` };
  }
  return loaded;
}
