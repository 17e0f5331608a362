/** Grouping of a report's property records, shared by the writers and the CLI. */
import type { PropertyRecord } from './schema';

/** The records per paper key (records without one under 'unknown'), papers in key order. */
export function byPaper(records: readonly PropertyRecord[]): [string, PropertyRecord[]][] {
  const groups = new Map<string, PropertyRecord[]>();
  for (const r of records) {
    const key = r.paperKey ?? 'unknown';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The twin records of a claim. */
export const twinsOf = (records: readonly PropertyRecord[], claimId: string): PropertyRecord[] => records.filter((t) => t.kind === 'twin' && t.twinOf === claimId);

/** A twin's name without its claim's id ("~he-1.8" → "he-1.8" when `bare`). */
export function twinName(twin: PropertyRecord, claimId: string, bare = false): string {
  if (!twin.claimId.startsWith(`${claimId}~`)) return twin.claimId;
  return twin.claimId.slice(claimId.length + (bare ? 1 : 0));
}
