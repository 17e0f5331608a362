/**
 * Seeds: one master seed per run (chosen by the caller; the suite's settings resolve it), derived
 * deterministically per property and per configuration. Derived seeds depend only on (master seed,
 * labels): never on run order, worker or chunking.
 */

/** JSON with object keys sorted, so that equal configurations give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
    }
    return v;
  });
}

/** murmur3's 32-bit finalizer: a bijective avalanche mix of a uint32. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string, finalized with {@link mix32}. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * A uint32 seed derived from a parent seed and labels (strings, numbers or JSON-able values).
 * `deriveSeed(master, 'HR2018.FM1', config)` is the seed of that configuration's experiment.
 */
export function deriveSeed(parent: number, ...labels: unknown[]): number {
  let h = mix32((parent >>> 0) ^ 0x9e3779b9);
  for (const label of labels) {
    // A finite number's JSON is its String() (ECMA-262 Number::toString both ways), without JSON.stringify's cost.
    const text = typeof label === 'string' ? label : typeof label === 'number' && Number.isFinite(label) ? String(label) : canonicalJson(label);
    h = hashString(text, h ^ 0x811c9dc5);
  }
  return h;
}
