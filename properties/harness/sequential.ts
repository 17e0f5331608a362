/**
 * Drawing units for a sequential check (properties/checks/sequential-proportion.ts): the first
 * `nMin` units, then `batch` more at a time (units are per network, network i always from the same
 * seed, so a batch only adds networks) until the check's rule has decided or `nMax` are drawn. The
 * rule, not the experiment, decides where to stop (`decided` comes from the harness).
 */
export interface DrawnBatch {
  units: Float64Array;
  fingerprints: Float64Array;
}

export async function untilDecided<B extends DrawnBatch>(
  design: { nMin: number; batch: number; nMax: number },
  draw: (first: number, count: number) => Promise<B>,
  decided: ((units: Float64Array) => boolean) | undefined,
): Promise<{ units: Float64Array; fingerprints: Float64Array; batches: B[] }> {
  const batches: B[] = [];
  let n = 0;
  const concat = (key: 'units' | 'fingerprints'): Float64Array => {
    const out = new Float64Array(n);
    let at = 0;
    for (const b of batches) {
      out.set(b[key], at);
      at += b[key].length;
    }
    return out;
  };
  for (let count = design.nMin; ; count = design.batch) {
    const b = await draw(n, count);
    if (b.units.length !== count) throw new Error(`untilDecided: a batch of ${count} networks returned ${b.units.length} units`);
    batches.push(b);
    n += count;
    const units = concat('units');
    if (n >= design.nMax || decided === undefined || decided(units)) return { units, fingerprints: concat('fingerprints'), batches };
  }
}
