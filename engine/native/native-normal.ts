/**
 * The native fast loop of the ziggurat normal sampler (engine/native/normal-fill.cc): the same
 * xoroshiro128+ step and table lookup as RandomStream.fillNormal's JavaScript loop, so every value
 * and the stream's state afterwards are bit-identical (native-normal.test.ts); the ≈ 1.2% of draws
 * that miss the fast path are finished by the JavaScript wedge/tail code either way. ≈ 4× the
 * JavaScript loop's throughput (`npm run bench`, section 1).
 *
 * `initEngine()` installs it when the addon loads (option `nativeSampling: false` turns it off) and
 * its `why` says so.
 */
import { setNativeNormalSampler, ZIGGURAT_TABLES } from '../random/stream';
import { loadNativeAddon } from './addon';

/** Installs the native fast loop; returns what happened. */
export function registerNativeNormalFill(): { registered: true } | { registered: false; reason: string } {
  const loaded = loadNativeAddon();
  if ('unavailable' in loaded) return { registered: false, reason: loaded.unavailable };
  loaded.addon.setZigguratTables(ZIGGURAT_TABLES.KN, ZIGGURAT_TABLES.WN);
  setNativeNormalSampler(loaded.addon);
  return { registered: true };
}

/** Back to the JavaScript loop (tests compare both). */
export function removeNativeNormalFill(): void {
  setNativeNormalSampler(undefined);
}
